// tasks remind [--by unit|lead] [--format text|md|docx] [--out DIR] [--dry-run]: one numbered
// 催办单 per unit (or official) that owes something, with a line saying how many went to whom.
import { relative, resolve } from 'node:path';
import { yearOf } from '../core/dates.js';
import { safeFileName } from '../core/names.js';
import type { Session } from '../context.js';
import { EXIT, UserError } from '../errors.js';
import { evaluatePlan, paintOut, renderEnv, replaceOutFolder, reportProblems } from '../cli/output.js';
import { remindReport, type Notice, type RemindBy } from '../reports/remind.js';
import { renderDocumentText } from '../render/document-text.js';
import { noticeDocument } from '../render/remind-document.js';
import type { ReportDocument } from '../render/document.js';
import type { OutFile } from '../store/folder.js';
import type { Plan } from '../store/load.js';
import { issueNumbers, RegisterRefused, type Issued } from '../store/reminders.js';
import { commitMessage } from '../store/trailers.js';

export interface RemindOptions {
  by: RemindBy;
  format: 'text' | 'md' | 'docx';
  /** the folder the dated folder of notices goes into; stdout for text and md when absent */
  out: string | undefined;
  dryRun: boolean;
}

const CREATOR = 'tasks';

export async function runRemind(options: RemindOptions, plan: Plan, session: Session): Promise<number> {
  const { m, io, asOf } = session;
  const report = remindReport(evaluatePlan(plan, session), plan.config.roster, plan.config.feedback, { asOf, by: options.by, warningDays: plan.config.warning_days });
  const parts = report.notices.map((n) => m.remind.part(n.to, n.taskIds.length));
  if (report.notices.length === 0) {
    io.stderr.write(`${m.remind.none(asOf)}\n`);
    return reportProblems(session, plan, { warnings: false }) > 0 ? EXIT.DATA : EXIT.OK;
  }
  const year = yearOf(asOf);
  const documents = (numbers: readonly string[]) => report.notices.map((n, i) => noticeDocument(n, report, numbers[i]!, m, plan.config.title));
  const toFolder = options.format === 'docx' || options.out !== undefined;
  const outDir = options.out ?? resolve(plan.root, 'reminders');

  const write = async (docs: readonly ReportDocument[], notices: readonly Notice[], numbers: readonly string[]) => {
    if (!toFolder) {
      io.stdout.write(await joined(docs, options.format, session, plan));
      return;
    }
    const used = new Set<string>();
    const files: OutFile[] = [];
    for (const [i, doc] of docs.entries()) {
      const name = safeFileName(m.remind.fileName(numbers[i]!, notices[i]!.to), used);
      files.push({ name: `${name}.${options.format === 'text' ? 'txt' : options.format}`, data: await single(doc, options.format, session, plan) });
    }
    const target = replaceOutFolder(session, outDir, asOf, files);
    if (!session.flags.quiet) for (const f of files) io.stdout.write(`${relative(io.cwd, resolve(target, f.name)) || f.name}\n`);
  };

  if (options.dryRun) {
    const numbers = report.notices.map(() => m.remind.unnumbered);
    await write(documents(numbers), report.notices, numbers);
    io.stderr.write(`${m.remind.summaryDry(report.notices.length, parts)}\n`);
    return reportProblems(session, plan, { warnings: false }) > 0 ? EXIT.DATA : EXIT.OK;
  }

  const wanted = report.notices.map((n) => ({ year, date: asOf, to: n.to, by: options.by, tasks: n.taskIds }));
  const label = (i: Issued) => m.remind.number(i.year, i.number);
  let issued: Issued[];
  try {
    ({ issued } = await issueNumbers(
      { root: plan.root, commit: plan.config.commit, nowMs: () => io.now().getTime(), pid: io.pid, isAlive: io.isAlive ?? (() => true), header: m.remind.registerHeader },
      wanted,
      async (numbers) => {
        const labels = numbers.map(label);
        await write(documents(labels), report.notices, labels);
      },
      (fresh) => commitMessage(m.remind.commit(fresh.length, label(fresh[0]!), label(fresh.at(-1)!)), { command: 'remind' }),
    ));
  } catch (error) {
    if (!(error instanceof RegisterRefused)) throw error;
    const f = error.failure;
    if (f.kind === 'broken') throw new UserError(m.remind.broken(f.line, f.column), EXIT.DATA);
    if (f.kind === 'busy') throw new UserError(m.remind.busy, EXIT.IO);
    throw new UserError(m.remind.commitFailed(f.detail), EXIT.IO);
  }
  const sorted = [...issued].sort((a, b) => a.number - b.number);
  io.stderr.write(`${m.remind.summary(issued.length, label(sorted[0]!), label(sorted.at(-1)!), parts)}\n`);
  return reportProblems(session, plan, { warnings: false }) > 0 ? EXIT.DATA : EXIT.OK;
}

/** Every notice in one stream for the terminal or one Markdown text, a rule between them. */
async function joined(docs: readonly ReportDocument[], format: RemindOptions['format'], session: Session, plan: Plan): Promise<string> {
  const texts = await Promise.all(docs.map(async (d) => Buffer.from(await single(d, format, session, plan)).toString('utf8')));
  return texts.join(format === 'md' ? '\n---\n\n' : `\n${session.m.remind.separator}\n\n`);
}

async function single(doc: ReportDocument, format: RemindOptions['format'], session: Session, plan: Plan): Promise<Uint8Array> {
  const { m } = session;
  if (format === 'docx') return (await import('../render/docx.js')).renderDocx(doc, m, { creator: CREATOR });
  if (format === 'md') return Buffer.from((await import('../render/markdown.js')).renderMarkdown(doc, m), 'utf8');
  const env = renderEnv(session, plan);
  const paint = paintOut(session);
  // without colour the style changes nothing, and a styled table is drawn twice (to see that it fits first)
  const style = paint.level > 0 ? { style: (text: string, style: string) => (style === 'title' || style === 'heading' ? paint.bold(text) : text) } : {};
  return Buffer.from(renderDocumentText(doc, m, { width: env.width, ascii: env.ascii, ...style }), 'utf8');
}
