// tasks import notice FILE --year 2020 [--out DIR]: draft task files from a 重点工作 notice.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import type { Session } from '../context.js';
import { EXIT, UserError, ioError } from '../errors.js';
import { parseNotice, type SplitMode } from '../import/notice.js';
import { oneLine } from '../render/text.js';
import { findPlanRoot, loadConfig, TASKS_DIR } from '../store/load.js';
import { writeFileAtomic } from '../store/write.js';
import { modeline, taskToYaml } from '../store/yaml.js';

export interface ImportNoticeOptions {
  year?: string;
  out?: string;
  split?: SplitMode;
  force?: boolean;
  dryRun?: boolean;
}

const CHECKSUM = /校验码 ([0-9a-f]{12})/;

export async function run(session: Session, [file]: string[], opts: ImportNoticeOptions): Promise<number> {
  const { ctx } = session;
  let m = session.m;
  const source = resolve(ctx.cwd, file ?? '');
  let root: string | undefined;
  try {
    root = findPlanRoot(ctx.cwd, session.global.dir, m);
  } catch {
    root = undefined;
  }
  const config = root ? (await loadConfig(root, m)).config : undefined;
  if (config && !session.global.lang && config.lang !== m.lang) session.m = m = (await import('../i18n/index.js')).messages(config.lang);

  const text = readNotice(session, source);
  const year = Number(opts.year ?? config?.year ?? /(\d{4})年/.exec(text)?.[1]);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UserError(m.importNotice.needYear);

  const result = parseNotice(text, year, opts.split ?? 'auto');
  if (result.drafts.length === 0) {
    throw new UserError(m.importNotice.noStructure(file ?? ''), EXIT.DATA);
  }
  const outDir = resolve(ctx.cwd, opts.out ?? join(root ?? ctx.cwd, TASKS_DIR));
  // The editor modeline points at the plan's schema when the drafts go into the plan, else at ../schemas.
  const insidePlan = root !== undefined && !relative(root, outDir).startsWith('..');
  const schemaPath = insidePlan
    ? relative(outDir, join(root!, 'schemas', 'task.schema.json')).split(sep).join('/')
    : '../schemas/task.schema.json';
  const width = String(result.drafts.length).length > 3 ? String(result.drafts.length).length : 3;
  const counts = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
  const skipped: string[] = [];
  if (!opts.dryRun) {
    try {
      mkdirSync(outDir, { recursive: true });
    } catch (error) {
      throw ioError(m.importNotice.cannotWrite(outDir, (error as Error).message), error);
    }
  }
  result.drafts.forEach((draft, i) => {
    const id = `${year}-${String(i + 1).padStart(width, '0')}`;
    const body = taskToYaml({ id, ...draft.task }, []);
    const checksum = createHash('sha256').update(body).digest('hex').slice(0, 12);
    const header = [modeline(schemaPath), m.importNotice.draftComment(basename(source), draft.line, checksum)];
    const content = `${header.join('\n')}\n${body}`;
    const target = join(outDir, `${id}.yaml`);
    const shown = relative(ctx.cwd, target) || target;
    let state: keyof typeof counts = 'created';
    if (existsSync(target)) {
      const existing = readFileSync(target, 'utf8');
      if (existing === content) state = 'unchanged';
      else if (opts.force || isUntouchedDraft(existing)) state = 'updated';
      else state = 'skipped';
    }
    counts[state]++;
    if (state === 'skipped') {
      skipped.push(shown);
      return;
    }
    if (state === 'unchanged') return;
    if (!opts.dryRun) {
      try {
        writeFileAtomic(target, content);
      } catch (error) {
        throw ioError(m.importNotice.cannotWrite(target, (error as Error).message), error);
      }
    }
    if (!session.global.quiet) ctx.stdout.write(`${m.importNotice.wrote(state === 'created' ? 'created' : 'updated', shown, oneLine(draft.task.title))}\n`);
  });
  for (const s of skipped) ctx.stderr.write(`${m.importNotice.skipped(s)}\n`);
  if (!session.global.quiet || skipped.length > 0) {
    ctx.stderr.write(`${m.importNotice.summary({ total: result.drafts.length, ...counts, dryRun: opts.dryRun === true })}\n`);
    ctx.stderr.write(`${m.importNotice.structure(result.sections, result.points, result.drafts.length, result.declaredCount)}\n`);
    if (result.unassigned > 0) ctx.stderr.write(`${m.importNotice.unassigned(result.unassigned)}\n`);
  }
  return EXIT.OK;
}

/** A draft nobody has edited since the import: its body still matches the checksum in its header. */
function isUntouchedDraft(text: string): boolean {
  const lines = text.split('\n');
  const headerEnd = lines.findIndex((l) => !l.startsWith('#'));
  const recorded = lines.slice(0, headerEnd).map((l) => CHECKSUM.exec(l)?.[1]).find(Boolean);
  if (!recorded) return false;
  const body = lines.slice(headerEnd).join('\n');
  return createHash('sha256').update(body).digest('hex').slice(0, 12) === recorded;
}

function readNotice(session: Session, path: string): string {
  const { m, ctx } = session;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UserError(m.errors.readFailed(path, (error as Error).message), EXIT.DATA);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Notices saved from government sites are often GB18030/GBK: read them as such, and say so.
    try {
      const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
      ctx.stderr.write(`${m.importNotice.readAsGb18030(basename(path))}\n`);
      return text;
    } catch {
      throw new UserError(m.importNotice.notText(path), EXIT.DATA);
    }
  }
}
