// tasks import xlsx FILE [--sheet NAME] [--map 列名=field …] [--year Y] [--out DIR]: draft task
// files from a responsibility ledger kept in Excel, and the officials and units it names into
// the plan's roster.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { Document, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Session } from '../context.js';
import { leadsOf } from '../core/task.js';
import { EXIT, ioError, UserError } from '../errors.js';
import { messages, type Messages } from '../i18n/index.js';
import { draftIds, schemaPathFor, writeDrafts, type Draft } from '../import/drafts.js';
import {
  exportVocabulary, FIELDS, findHeader, HEADER_SEARCH_ROWS, LOOKED_FOR, normalizeHeader, readLedger, yearInTitle,
  type Field, type Header, type LedgerSheet,
} from '../import/ledger.js';
import { UNASSIGNED } from '../import/notice.js';
import { readWorkbook, WorkbookReadError } from '../import/xlsx-read.js';
import { CONFIG_FILE, TASKS_DIR } from '../store/load.js';
import { findPlanIfAny } from './common.js';
import { writeFileAtomic } from '../store/write.js';

export interface ImportXlsxOptions {
  sheet?: string;
  map?: string[];
  year?: string;
  out?: string;
  force?: boolean;
  dryRun?: boolean;
}

type ImportXlsxMessages = Messages['importXlsx'];

export async function run(session: Session, [file]: string[], opts: ImportXlsxOptions): Promise<number> {
  const { ctx } = session;
  const { root, config } = await findPlanIfAny(session);
  const m = session.m;
  const words = m.importXlsx;
  if (file === undefined || file === '') throw new UserError(words.needFile);
  const source = resolve(ctx.cwd, file);
  const shownFile = basename(source);
  const columnMap = parseMap(opts.map ?? [], words);
  const yearOption = opts.year === undefined ? undefined : parseYear(opts.year, words);

  let sheets: LedgerSheet[];
  try {
    sheets = await readWorkbook(source);
  } catch (error) {
    if (!(error instanceof WorkbookReadError)) throw error;
    throw new UserError(readFailureMessage(error, source, words), EXIT.DATA, { cause: error });
  }

  const vocabularies = [exportVocabulary(messages('zh')), exportVocabulary(messages('en'))];
  const headerOptions = { map: columnMap, vocabularies };
  const { sheet, header } = chooseSheet(sheets, opts.sheet, shownFile, words, (s) => findHeader(s, headerOptions));
  const year = yearOption ?? config?.year ?? yearInTitle(sheet, header);
  if (year === undefined) throw new UserError(words.needYear);

  const result = readLedger(sheet, header, year, { vocabularies });
  const quiet = session.global.quiet;
  if (!quiet) ctx.stderr.write(`${layoutLine(sheet, header, words)}\n`);
  for (const name of header.mapUnused) ctx.stderr.write(`${words.mapUnused(name)}\n`);
  for (const p of result.problems) {
    const render = words.problem[p.code] as (text: string, status: string) => string;
    const text = render(p.text, p.status ? m.status[p.status] : '');
    ctx.stderr.write(`${words.rowProblem(sheet.name, p.row, text, p.severity === 'error')}\n`);
  }
  const failed = result.problems.filter((p) => p.severity === 'error').length;
  if (result.drafts.length === 0) throw new UserError(words.noTasks(shownFile, sheet.name, header.row), EXIT.DATA);

  const outDir = resolve(ctx.cwd, opts.out ?? join(root ?? ctx.cwd, TASKS_DIR));
  const ids = draftIds(result.drafts.map((d) => d.id), year);
  const drafts: Draft[] = result.drafts.map((draft, i) => ({
    id: ids[i]!,
    task: draft.task,
    comment: (checksum) => words.draftComment(shownFile, sheet.name, draft.row, checksum),
  }));
  const dryRun = opts.dryRun === true;
  const { counts, skipped } = writeDrafts(ctx, drafts, { outDir, schemaPath: schemaPathFor(root, outDir), force: opts.force === true, dryRun, quiet }, words);
  for (const s of skipped) ctx.stderr.write(`${words.skipped(s)}\n`);
  if (!quiet || skipped.length > 0) {
    ctx.stderr.write(`${words.summary({ total: drafts.length, ...counts, dryRun })}\n`);
    ctx.stderr.write(`${words.structure(result.sections, result.points, result.drafts.length, failed)}\n`);
    if (result.noDeadlineColumn) ctx.stderr.write(`${words.noDeadlineColumn(`${year}-12-31`)}\n`);
    if (result.progressDateFromTitle) ctx.stderr.write(`${words.progressDateFromTitle(result.progressDateFromTitle)}\n`);
    if (result.unassigned > 0) ctx.stderr.write(`${words.unassigned(result.unassigned)}\n`);
  }

  // The roster belongs to the plan: the one found, or the folder the drafts start a plan in.
  // without a plan, drafts written to …/tasks start one in the folder above
  const planRoot = root ?? (opts.out === undefined ? ctx.cwd : basename(outDir) === TASKS_DIR ? dirname(outDir) : undefined);
  const leads = drafts.flatMap((d) => leadsOf({ id: d.id, ...d.task }));
  const units = drafts.flatMap((d) => d.task.units);
  if (planRoot === undefined) ctx.stderr.write(`${words.rosterNoPlan}\n`);
  else {
    const configPath = join(planRoot, CONFIG_FILE);
    const outcome = addToRoster(configPath, leads, units, dryRun, words);
    if ('refused' in outcome) ctx.stderr.write(`${outcome.refused}\n`);
    else if ((outcome.added.leads.length > 0 || outcome.added.units.length > 0) && !quiet) {
      ctx.stderr.write(`${words.roster(outcome.added.leads, outcome.added.units, relative(ctx.cwd, configPath) || configPath, dryRun)}\n`);
    }
  }
  return failed > 0 ? EXIT.DATA : EXIT.OK;
}

function parseYear(text: string, words: ImportXlsxMessages): number {
  const year = Number(text.trim());
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UserError(words.badYear(text));
  return year;
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

function readFailureMessage(error: WorkbookReadError, path: string, words: ImportXlsxMessages): string {
  const name = basename(path);
  switch (error.kind) {
    case 'missing': return words.missingFile(path);
    case 'unreadable': return words.readFailed(path, error.detail);
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

/**
 * Appends the officials and units not yet in the roster of tasks.config.yaml, in the order met,
 * keeping the file's own order, comments and layout; creates the file when there is none.
 * Gives what was (or, on a dry run, would be) added, or why the file was left alone.
 */
function addToRoster(
  path: string,
  leads: readonly string[],
  units: readonly string[],
  dryRun: boolean,
  words: ImportXlsxMessages,
): { added: { leads: string[]; units: string[] } } | { refused: string } {
  const exists = existsSync(path);
  let doc: Document;
  if (exists) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      return { refused: words.rosterNotUpdated(path, (error as Error).message) };
    }
    doc = parseDocument(text);
    if (doc.errors.length > 0) return { refused: words.rosterNotUpdated(path, words.rosterInvalid) };
  } else doc = new Document({});
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) doc.contents = doc.createNode({});
  if (!isMap(doc.contents)) return { refused: words.rosterNotUpdated(path, words.rosterNotList) };
  const roster = doc.get('roster', true);
  if (roster === undefined || roster === null || (isScalar(roster) && roster.value === null)) doc.set('roster', doc.createNode({}));
  else if (!isMap(roster)) return { refused: words.rosterNotUpdated(path, words.rosterNotList) };

  const added = { leads: [] as string[], units: [] as string[] };
  for (const key of ['leads', 'units'] as const) {
    const names = [...new Set((key === 'leads' ? leads : units).filter((n) => n !== UNASSIGNED && n.trim() !== ''))];
    const node = doc.getIn(['roster', key], true);
    const empty = node === undefined || node === null || (isScalar(node) && node.value === null);
    if (!empty && !isSeq(node)) return { refused: words.rosterNotUpdated(path, words.rosterNotList) };
    const listed = new Set(isSeq(node) ? node.items.map((item) => String(isScalar(item) ? item.value : item)) : []);
    const fresh = names.filter((n) => !listed.has(n));
    added[key] = fresh;
    if (fresh.length === 0) continue;
    if (isSeq(node)) for (const name of fresh) node.add(doc.createNode(name));
    else doc.setIn(['roster', key], doc.createNode(fresh));
  }
  if (!dryRun && (added.leads.length > 0 || added.units.length > 0)) {
    try {
      // a new file starts with the editor modeline, as task files do
      const modeline = exists ? '' : '# yaml-language-server: $schema=schemas/config.schema.json\n';
      writeFileAtomic(path, modeline + doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
    } catch (error) {
      throw ioError(words.cannotWrite(path, (error as Error).message), error);
    }
  }
  return { added };
}
