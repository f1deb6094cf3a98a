// tasks import xlsx FILE [--sheet NAME] [--map 列名=field …] [--year Y] [--out DIR]: draft task
// files from a responsibility ledger kept in Excel, and the officials and units it names into
// the plan's roster, all in one commit. Read again, a row finds its task by the id column, else
// by its title, and is merged into it (never by the row's place, never losing what the sheet lacks).
import { basename, dirname, join } from 'node:path';
import { ymd } from '../core/dates.js';
import type { Session } from '../context.js';
import { EXIT, UserError } from '../errors.js';
import { messages, type Messages } from '../i18n/index.js';
import { addNamesToRoster, commitImport, readImportFile, resolveImportedNames, importPlace, writeImported } from '../cli/drafts.js';
import { rowSource } from '../import/drafts.js';
import { exportVocabulary } from '../import/ledger-cells.js';
import { FIELDS, findHeader, HEADER_SEARCH_ROWS, LOOKED_FOR, normalizeHeader, yearInTitle, type Field, type Header, type LedgerSheet } from '../import/ledger-header.js';
import { readLedger } from '../import/ledger-rows.js';
import { readWorkbook, WorkbookReadError } from '../import/xlsx-read.js';
import { CONFIG_FILE, TASKS_DIR, type Plan } from '../store/load.js';

export interface ImportXlsxOptions {
  /** the workbook, absolute */
  file: string;
  sheet: string | undefined;
  /** --map 列名=field, as typed */
  map: string[];
  year: number | undefined;
  /** where the drafts go, absolute; the plan's tasks/ when not given */
  out: string | undefined;
  force: boolean;
  dryRun: boolean;
  /** false with --no-commit */
  commit: boolean;
}

type ImportXlsxMessages = Messages['importXlsx'];

export async function runImportXlsx(options: ImportXlsxOptions, plan: Plan | undefined, session: Session): Promise<number> {
  const { m, io } = session;
  const words = m.importXlsx;
  const source = options.file;
  const shownFile = basename(source);
  const columnMap = parseMap(options.map, words);

  let sheets: LedgerSheet[];
  try {
    sheets = await readWorkbook(readImportFile(session, source), shownFile);
  } catch (error) {
    if (!(error instanceof WorkbookReadError)) throw error;
    throw new UserError(readFailureMessage(error, shownFile, words), EXIT.DATA, { cause: error });
  }

  const vocabularies = [exportVocabulary(messages('zh')), exportVocabulary(messages('en'))];
  const headerOptions = { map: columnMap, vocabularies };
  const { sheet, header } = chooseSheet(sheets, options.sheet, shownFile, words, (s) => findHeader(s, headerOptions));
  const year = options.year ?? plan?.config.year ?? yearInTitle(sheet, header);
  if (year === undefined) throw new UserError(words.needYear);

  const result = readLedger(sheet, header, year, { vocabularies });
  const quiet = session.flags.quiet;
  if (!quiet) io.stderr.write(`${layoutLine(sheet, header, words)}\n`);
  for (const name of header.mapUnused) io.stderr.write(`${words.mapUnused(name)}\n`);
  for (const p of result.problems) {
    const render = words.problem[p.code] as (text: string, status: string) => string;
    const text = render(p.text, p.status ? m.status[p.status] : '');
    io.stderr.write(`${words.rowProblem(sheet.name, p.row, text, p.severity === 'error')}\n`);
  }
  const failed = result.problems.filter((p) => p.severity === 'error').length;
  if (result.drafts.length === 0) throw new UserError(words.noTasks(shownFile, sheet.name, header.row), EXIT.DATA);

  const outDir = options.out ?? join(plan?.root ?? io.cwd, TASKS_DIR);
  const drafts = result.drafts.map((draft) => ({
    id: draft.id,
    task: draft.task,
    source: rowSource(shownFile, sheet.name, draft.row),
    comment: (checksum: string) => words.draftComment(shownFile, sheet.name, draft.row, checksum),
    defaults: draft.defaults,
    // a row's number is no way to find a task again: a row inserted above would shift every task below
    matchBySource: false,
  }));
  const dryRun = options.dryRun;
  const names = resolveImportedNames(session, plan, drafts);
  // The roster belongs to the plan: the one found, or the folder the drafts start a plan in.
  // without a plan, drafts written to …/tasks start one in the folder above
  const planRoot = plan?.root ?? (options.out === undefined ? io.cwd : basename(outDir) === TASKS_DIR ? dirname(outDir) : undefined);
  const { rosterGrows, commitRoot } = importPlace(plan, planRoot, outDir, options.commit, names);
  const imported = writeImported(
    session,
    plan,
    drafts,
    { outDir, year, force: options.force, dryRun, commitRoot, alsoCommitted: rosterGrows ? [CONFIG_FILE] : [], deadlineReason: words.deadlineReason(shownFile) },
    words,
  );
  const { counts, total } = imported;
  if (!quiet || counts.skipped > 0) {
    io.stderr.write(`${words.summary({ total, ...counts, dryRun })}\n`);
    io.stderr.write(`${words.structure(result.sections, result.points, result.drafts.length, failed)}\n`);
    if (result.noDeadlineColumn) io.stderr.write(`${words.noDeadlineColumn(ymd(year, 12, 31))}\n`);
    if (result.progressDateFromTitle) io.stderr.write(`${words.progressDateFromTitle(result.progressDateFromTitle)}\n`);
    if (result.unassigned > 0) io.stderr.write(`${words.unassigned(result.unassigned)}\n`);
  }
  if (planRoot === undefined) {
    if (names.leads.length + names.units.length > 0) io.stderr.write(`${words.rosterNoPlan}\n`);
  } else if (names.leads.length + names.units.length > 0) {
    const added = rosterGrows ? addNamesToRoster(session, planRoot, names, dryRun, words) : { leads: 0, units: 0 };
    if (imported.commit && commitRoot) {
      const summary = m.importCommit.xlsx(shownFile, sheet.name, counts.created, counts.updated) + (added.leads + added.units > 0 ? m.importCommit.roster(added.leads, added.units) : '');
      commitImport(session, commitRoot, imported.written, added.leads + added.units > 0, summary);
    }
  } else if (imported.commit && commitRoot) {
    commitImport(session, commitRoot, imported.written, false, m.importCommit.xlsx(shownFile, sheet.name, counts.created, counts.updated));
  }
  return failed > 0 ? EXIT.DATA : EXIT.OK;
}

/** --map 列名=field (repeatable) → normalised column name → field. */
function parseMap(values: readonly string[], words: ImportXlsxMessages): Map<string, Field> {
  const map = new Map<string, Field>();
  for (const value of values) {
    const at = Math.max(value.lastIndexOf('='), value.lastIndexOf('＝'));
    const name = normalizeHeader(at > 0 ? value.slice(0, at) : '');
    const field = value.slice(at + 1).trim().toLowerCase().replace(/-/g, '_');
    if (at <= 0 || name === '' || !(FIELDS as readonly string[]).includes(field)) throw new UserError(words.badMap(value, FIELDS));
    map.set(name, field as Field);
  }
  return map;
}

function readFailureMessage(error: WorkbookReadError, name: string, words: ImportXlsxMessages): string {
  switch (error.kind) {
    case 'legacy-xls': return words.legacyXls(name);
    case 'encrypted': return words.encrypted(name);
    case 'corrupt': return words.corrupt(name, error.detail);
  }
}

/** --sheet NAME, else the first shown sheet with a header row, else the first hidden one with one. */
function chooseSheet(
  sheets: readonly LedgerSheet[],
  wanted: string | undefined,
  file: string,
  words: ImportXlsxMessages,
  headerOf: (sheet: LedgerSheet) => Header | undefined,
): { sheet: LedgerSheet; header: Header } {
  const isEmpty = (s: LedgerSheet) => s.rows.every((r) => r.every((t) => t.trim() === ''));
  if (wanted !== undefined) {
    const sheet = sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.trim().toLowerCase() === wanted.trim().toLowerCase());
    if (!sheet) throw new UserError(words.noSuchSheet(file, wanted, sheets.map((s) => s.name)));
    if (isEmpty(sheet)) throw new UserError(words.emptySheet(file, sheet.name), EXIT.DATA);
    const header = headerOf(sheet);
    if (!header) throw new UserError(words.noHeader(file, [sheet.name], HEADER_SEARCH_ROWS, LOOKED_FOR), EXIT.DATA);
    return { sheet, header };
  }
  const ordered = [...sheets.filter((s) => !s.hidden), ...sheets.filter((s) => s.hidden)];
  for (const sheet of ordered) {
    const header = headerOf(sheet);
    if (header) return { sheet, header };
  }
  const filled = sheets.filter((s) => !isEmpty(s));
  if (filled.length === 0) throw new UserError(words.emptyWorkbook(file), EXIT.DATA);
  throw new UserError(words.noHeader(file, filled.map((s) => s.name), HEADER_SEARCH_ROWS, LOOKED_FOR), EXIT.DATA);
}

/** 工作表“台账”第 3 行为表头：序号→序号、工作任务→任务（名称和内容）…；未导入的列：备注 */
function layoutLine(sheet: LedgerSheet, header: Header, words: ImportXlsxMessages): string {
  const named = header.columns.filter((c) => c.name !== '');
  const used = named.filter((c) => c.field !== undefined && c.field !== 'ignore').map((c) => words.column(oneLineName(c.name), words.fields[c.field!]));
  const unused = named.filter((c) => c.field === undefined || c.field === 'ignore').map((c) => oneLineName(c.name));
  return words.layout(sheet.name, header.row, [...new Set(used)], [...new Set(unused)]);
}

function oneLineName(name: string): string {
  return name.replace(/\s*\n\s*/g, '');
}
