// tasks import notice FILE --year 2020 [--out DIR]: draft task files from a 重点工作 notice, the
// officials and units it names into the roster, all in one commit.
import { basename, dirname, join } from 'node:path';
import type { Session } from '../context.js';
import { EXIT, UserError } from '../errors.js';
import { addNamesToRoster, commitImport, readImportFile, resolveImportedNames, importPlace, writeImported } from '../cli/drafts.js';
import { lineSource } from '../import/drafts.js';
import { decodeNotice, parseNotice, type SplitMode } from '../import/notice.js';
import { readYear } from '../core/words.js';
import { CONFIG_FILE, TASKS_DIR, type Plan } from '../store/load.js';

export interface ImportNoticeOptions {
  /** the notice, absolute */
  file: string;
  year: number | undefined;
  /** where the drafts go, absolute; the plan's tasks/ when not given */
  out: string | undefined;
  split: SplitMode;
  force: boolean;
  dryRun: boolean;
  /** false with --no-commit */
  commit: boolean;
}

export async function runImportNotice(options: ImportNoticeOptions, plan: Plan | undefined, session: Session): Promise<number> {
  const { m, io } = session;
  const words = m.importNotice;
  const name = basename(options.file);
  const decoded = decodeNotice(readImportFile(session, options.file));
  if (!decoded) throw new UserError(words.notText(options.file), EXIT.DATA);
  if (decoded.encoding === 'gb18030') io.stderr.write(`${words.readAsGb18030(name)}\n`);
  const year = options.year ?? plan?.config.year ?? readYear(/(\d{4})年/.exec(decoded.text)?.[1] ?? '');

  if (year === undefined) throw new UserError(words.needYear);

  const result = parseNotice(decoded.text, year, options.split);
  if (result.drafts.length === 0) throw new UserError(words.noStructure(name), EXIT.DATA);
  const outDir = options.out ?? join(plan?.root ?? io.cwd, TASKS_DIR);
  const drafts = result.drafts.map((draft) => ({
    id: undefined,
    task: draft.task,
    source: lineSource(name, draft.line),
    comment: (checksum: string) => words.draftComment(name, draft.line, checksum),
    defaults: draft.defaults,
    matchBySource: true,
  }));
  const names = resolveImportedNames(session, plan, drafts);
  // the plan the drafts start, when there is none yet: the folder above their tasks/
  const planRoot = plan?.root ?? (basename(outDir) === TASKS_DIR ? dirname(outDir) : undefined);
  const { rosterGrows, commitRoot } = importPlace(plan, planRoot, outDir, options.commit, names);
  const imported = writeImported(
    session,
    plan,
    drafts,
    { outDir, year, force: options.force, dryRun: options.dryRun, commitRoot, alsoCommitted: rosterGrows ? [CONFIG_FILE] : [], deadlineReason: words.deadlineReason(name) },
    words,
  );
  const { counts, total } = imported;
  const added = planRoot !== undefined && rosterGrows ? addNamesToRoster(session, planRoot, names, options.dryRun, m.importXlsx) : { leads: 0, units: 0 };
  if (imported.commit && commitRoot) {
    const summary = m.importCommit.notice(name, counts.created, counts.updated) + (added.leads + added.units > 0 ? m.importCommit.roster(added.leads, added.units) : '');
    commitImport(session, commitRoot, imported.written, added.leads + added.units > 0, summary);
  }
  if (!session.flags.quiet || counts.skipped > 0) {
    io.stderr.write(`${words.summary({ total, ...counts, dryRun: options.dryRun })}\n`);
    io.stderr.write(`${words.structure(result.sections, result.points, result.drafts.length, result.declaredCount)}\n`);
    if (result.unassigned > 0) io.stderr.write(`${words.unassigned(result.unassigned)}\n`);
  }
  return EXIT.OK;
}

