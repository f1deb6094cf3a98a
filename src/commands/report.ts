// tasks report xun|month|quarter|half|year [--period P] [--rank] [--format text|md|json|xlsx|docx] [--out PATH]:
// the period report (旬调度, 月盘点, 季排查, half-year, year) as of the period's end, or an earlier
// --as-of within it.
import { relative, resolve } from 'node:path';
import { categoryRules } from '../core/categories.js';
import { settingsOf } from '../core/evaluate.js';
import { safeFileName } from '../core/names.js';
import { periodLabel, type Period } from '../core/periods.js';
import { refuseBrokenRules } from '../cli/report-options.js';
import type { Session } from '../context.js';
import { EXIT, ioError } from '../errors.js';
import { ioReason, paintOut, planFacts, renderEnv, reportProblems, writeInPieces } from '../cli/output.js';
import { periodReport } from '../reports/period.js';
import { capTables, periodReportDocument } from '../render/report-document.js';
import { periodReportJson } from '../render/report-json.js';
import { writeDocumentText, type DocumentTextOptions } from '../render/document-text.js';
import { jsonDocument, writeJson } from '../render/view.js';
import type { Plan } from '../store/load.js';
import { isFolder, writeOutFile } from '../store/out-file.js';
import type { FileData } from '../store/write.js';

export type ReportFormat = 'text' | 'md' | 'json' | 'xlsx' | 'docx';

export interface ReportOptions {
  period: Period;
  /** the date the report is computed for: within the period, at most its last day */
  asOf: string;
  rank: boolean;
  format: ReportFormat;
  /** a file, or a folder to put the file in; stdout for text, md and json when absent */
  out: string | undefined;
}

const CREATOR = 'tasks';
/** Rows of one table in a .docx: enough for any county's plan, and a document Word still opens quickly. */
const DOCX_ROWS = 300;
const EXTENSION: Record<ReportFormat, string> = { text: 'txt', md: 'md', json: 'json', xlsx: 'xlsx', docx: 'docx' };

export async function runReport(options: ReportOptions, plan: Plan, session: Session): Promise<number> {
  const { m } = session;
  refuseBrokenRules(plan, session);
  const { config } = plan;
  const report = periodReport(plan.tasks, { period: options.period, asOf: options.asOf, rank: options.rank, facts: planFacts(plan) }, {
    light: settingsOf(config),
    feedback: config.feedback,
    categories: categoryRules(config),
    scoring: config.scoring,
    roster: config.roster,
  });
  const env = { ...renderEnv(session, plan), asOf: options.asOf };
  let bytes: FileData;
  if (options.format === 'json') {
    // written as it is made (on stdout, or into the file): a year's report of 100,000 tasks is
    // half a gigabyte of JSON, too much to make as one string
    const document = jsonDocument({ table: () => '', json: (r) => periodReportJson(r, m) }, report, env);
    bytes = (emit) => writeJson(document, emit, { buffered: !options.out && session.io.stdout.buffered });
  } else {
    const doc = periodReportDocument(report, m, config.title);
    switch (options.format) {
      case 'text': {
        // without colour the styles change nothing, and a styled table is drawn twice (to see that it fits first)
        const painted = options.out ? undefined : paintOut(session);
        const paint = painted && painted.level > 0 ? painted : undefined;
        const textOptions: DocumentTextOptions = {
          width: env.width,
          ascii: env.ascii,
          ...(paint ? { style: (text, style) => (style === 'title' || style === 'heading' || style === 'strong' ? paint.bold(text) : style === 'note' ? paint.dim(text) : style === 'red' ? paint.red(text) : style === 'yellow' ? paint.yellow(text) : text) } : {}),
        };
        // written as it is made, in pieces: 15 MB of text at 10,000 tasks
        // stdout to a file gathers the lines itself (main.ts): pieces would only be joined to be copied again
        bytes = (emit) => writeInPieces(emit, (write) => writeDocumentText(doc, m, textOptions, write), undefined, { buffered: !options.out && session.io.stdout.buffered });
        break;
      }
      case 'md':
        bytes = (await import('../render/markdown.js')).renderMarkdown(doc, m);
        break;
      case 'docx':
        bytes = await (await import('../render/docx.js')).renderDocx(capTables(doc, DOCX_ROWS, m), m, { creator: CREATOR });
        break;
      case 'xlsx': {
        const [{ documentSheets }, { writeWorkbook }] = await Promise.all([import('../render/document-xlsx.js'), import('../render/xlsx.js')]);
        bytes = await writeWorkbook(documentSheets(doc, m), doc.date, CREATOR);
        break;
      }
    }
  }

  const binary = options.format === 'docx' || options.format === 'xlsx';
  if (!options.out && !binary) {
    if (typeof bytes === 'function') bytes((piece) => session.io.stdout.write(piece));
    else session.io.stdout.write(typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8'));
  } else {
    const name = `${safeFileName(m.report.fileName(periodLabel(options.period, m.lang), options.period.kind), new Set())}.${EXTENSION[options.format]}`;
    const out = options.out ?? resolve(plan.root, 'reports');
    const target = options.out === undefined || isFolder(out) || /[\\/]$/.test(out) ? resolve(out, name) : out;
    try {
      writeOutFile(target, bytes);
    } catch (error) {
      throw ioError(m.exports.cannotWrite(target, ioReason(session, error)), error);
    }
    if (!session.flags.quiet) session.io.stdout.write(`${relative(session.io.cwd, target) || target}\n`);
  }
  return reportProblems(session, plan, { warnings: false }) > 0 ? EXIT.DATA : EXIT.OK;
}
