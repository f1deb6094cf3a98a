// tasks import notice FILE --year 2020 [--out DIR]: draft task files from a 重点工作 notice.
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Session } from '../context.js';
import { EXIT, UserError } from '../errors.js';
import { draftIds, schemaPathFor, writeDrafts, type Draft } from '../import/drafts.js';
import { parseNotice, type SplitMode } from '../import/notice.js';
import { TASKS_DIR } from '../store/load.js';
import { findPlanIfAny } from './common.js';

export interface ImportNoticeOptions {
  year?: string;
  out?: string;
  split?: SplitMode;
  force?: boolean;
  dryRun?: boolean;
}

export async function run(session: Session, [file]: string[], opts: ImportNoticeOptions): Promise<number> {
  const { ctx } = session;
  const { root, config } = await findPlanIfAny(session);
  const m = session.m;
  const source = resolve(ctx.cwd, file ?? '');

  const text = readNotice(session, source);
  const year = Number(opts.year ?? config?.year ?? /(\d{4})年/.exec(text)?.[1]);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UserError(m.importNotice.needYear);

  const result = parseNotice(text, year, opts.split ?? 'auto');
  if (result.drafts.length === 0) {
    throw new UserError(m.importNotice.noStructure(file ?? ''), EXIT.DATA);
  }
  const outDir = resolve(ctx.cwd, opts.out ?? join(root ?? ctx.cwd, TASKS_DIR));
  const ids = draftIds(result.drafts.map(() => undefined), year);
  const drafts: Draft[] = result.drafts.map((draft, i) => ({
    id: ids[i]!,
    task: draft.task,
    comment: (checksum) => m.importNotice.draftComment(basename(source), draft.line, checksum),
  }));
  const { counts, skipped } = writeDrafts(
    ctx,
    drafts,
    { outDir, schemaPath: schemaPathFor(root, outDir), force: opts.force === true, dryRun: opts.dryRun === true, quiet: session.global.quiet },
    m.importNotice,
  );
  for (const s of skipped) ctx.stderr.write(`${m.importNotice.skipped(s)}\n`);
  if (!session.global.quiet || skipped.length > 0) {
    ctx.stderr.write(`${m.importNotice.summary({ total: result.drafts.length, ...counts, dryRun: opts.dryRun === true })}\n`);
    ctx.stderr.write(`${m.importNotice.structure(result.sections, result.points, result.drafts.length, result.declaredCount)}\n`);
    if (result.unassigned > 0) ctx.stderr.write(`${m.importNotice.unassigned(result.unassigned)}\n`);
  }
  return EXIT.OK;
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
