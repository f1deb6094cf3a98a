// A responsibility ledger (责任清单, 任务分解表, 台账) as a table of cell texts → draft tasks.
// Pure: the cells come as plain strings (from src/import/xlsx-read.ts, or a test), with the
// sheet's merged ranges; no files, no clock.
//
// Headings (一、… / （一）…) sit between the tasks, officials and 所属要点 are merged down over
// the rows they cover, and a task's cell may be merged over several rows. Each row that cannot be
// read is reported with its row number, and the others are still read.
import { ymd, type IsoDate } from '../core/dates.js';
import { UNASSIGNED, type ProgressEntry, type Status, type Target, type Task } from '../core/task.js';
import { isValidId } from '../core/words.js';
import { clean, clipTitle, namesIn, parseStatus, splitFeedback, parseTargetText, percentCell, readDate, resolveDeadline, statusWords, stripNumbering, titleOf, unitsOf, type ExportVocabulary, type ResolvedDeadline } from './ledger-cells.js';
import { CN_NUMBERING, dateInTitle, normalizeHeader, NUMBERING, PART, POINT, type Field, type Header, type HeaderColumn, type LedgerSheet } from './ledger-header.js';
import { parseTargets } from './notice.js';

interface LedgerDraft {
  task: Omit<Task, 'id'>;
  /** the id the sheet gives (编号), when it is usable as a file name */
  id?: string;
  /** 1-based row of the sheet the task comes from */
  row: number;
  /** fields the sheet does not give, filled in here (a year-end deadline, not started, 待定) */
  defaults: Array<keyof Task>;
}

type RowProblemCode =
  | 'no_task_text' | 'bad_deadline' | 'no_deadline' | 'bad_status' | 'done_without_date' | 'progress_without_date'
  | 'bad_progress_date' | 'bad_percent' | 'bad_target' | 'bad_id' | 'duplicate_id' | 'bad_done_on';

interface RowProblem {
  row: number;
  /** an error leaves the row out; a warning imports it with the assumption it names */
  severity: 'error' | 'warning';
  code: RowProblemCode;
  /** the cell text in question, or the date assumed */
  text: string;
  /** for bad_status: the status recorded instead */
  status?: Status;
}

export interface LedgerResult {
  drafts: LedgerDraft[];
  problems: RowProblem[];
  sections: number;
  points: number;
  /** drafts whose lead official or units the sheet does not give */
  unassigned: number;
  /** there is no deadline column: every deadline is the year's end */
  noDeadlineColumn: boolean;
  /** there is no progress date column: progress is dated with the sheet's own date */
  progressDateFromTitle: IsoDate | undefined;
}

export interface LedgerOptions {
  vocabularies?: readonly ExportVocabulary[];
}

const FOOTER = /^(?:注\s*\d?|备注|说明|附注|填表人|填报人|审核人|制表人|联系人|联系电话|填报单位|制表|审核|签发|负责人)\s*[:：]/;
/** Columns whose content alone does not make a row a task. */
const NOT_TASK_CONTENT: ReadonlySet<Field | undefined> = new Set(['no', 'ignore', undefined]);

/**
 * The data rows under the header → drafts, and the rows that could not be read. `year` resolves
 * deadline phrases; headings between the rows set the section and point of the rows below them.
 */
export function readLedger(sheet: LedgerSheet, header: Header, year: number, options: LedgerOptions = {}): LedgerResult {
  const vocabularies = options.vocabularies ?? [];
  const statuses = statusWords(vocabularies);
  const problems: RowProblem[] = [];
  const drafts: LedgerDraft[] = [];
  const columnsOf = (field: Field) => header.columns.filter((c) => c.field === field).map((c) => c.index);
  const cleaned = sheet.rows.map((cells) => cells.map(clean));
  const cellAt = (r: number, c: number) => cleaned[r - 1]?.[c] ?? '';
  const taskColumn = header.columns.find((c) => c.field === 'task' || c.field === 'title') ?? header.columns.find((c) => c.field === 'detail');
  const fieldOf = new Map(header.columns.map((c) => [c.index, c.field]));
  const has = (field: Field) => columnsOf(field).length > 0;
  const sheetDate = has('progress_date') ? undefined : dateInTitle(sheet, header);
  const usedIds = new Set<string>();
  let section: string | undefined;
  let point: string | undefined;
  let progressDateFromTitle: IsoDate | undefined;

  for (let r = header.dataStart; r <= sheet.rows.length; ) {
    const group = rowsOfTask(sheet, taskColumn?.index, r);
    const next = group.at(-1)! + 1;
    const valuesOf = (field: Field) => [...new Set(group.flatMap((row) => columnsOf(field).map((c) => cellAt(row, c))).filter((v) => v !== ''))];
    const firstOf = (field: Field) => valuesOf(field)[0] ?? '';
    const cells = (sheet.rows[r - 1] ?? []).map((_, c) => ({ c, text: cellAt(r, c) })).filter((x) => x.text !== '');
    const report = (severity: RowProblem['severity'], code: RowProblemCode, text: string, status?: Status) =>
      problems.push({ row: r, severity, code, text, ...(status ? { status } : {}) });

    // blank rows, a header repeated on each printed page, a 栏次 row and notes under the table are not tasks
    if (
      cells.length === 0 ||
      isRepeatedHeader(taskColumn, cellAt(r, taskColumn?.index ?? -1)) ||
      isColumnNumbers(cells.map((x) => x.text)) ||
      FOOTER.test(cells[0]!.text)
    ) {
      r = next;
      continue;
    }
    const heading = headingOf(sheet, r, cells.map((x) => x.text), firstOf('no'), taskColumn ? cellAt(r, taskColumn.index) : '', firstOf('units') + firstOf('lead_unit') + firstOf('deadline'));
    if (heading) {
      if (heading.kind === 'point') point = heading.text;
      else {
        section = heading.text;
        point = undefined;
      }
      r = next;
      continue;
    }
    const titleText = firstOf('title');
    const taskText = stripNumbering(firstOf('task'));
    const detailParts = valuesOf('detail');
    if (titleText === '' && taskText === '' && detailParts.length === 0) {
      // numbering or computed cells alone are a template's empty rows
      const meaningful = cells.filter((x) => !NOT_TASK_CONTENT.has(fieldOf.get(x.c)));
      if (meaningful.length > 0) report('error', 'no_task_text', '');
      r = next;
      continue;
    }

    // deadline: the latest of the rows a merged task cell covers
    const deadlineTexts = valuesOf('deadline');
    const resolved = deadlineTexts.map((text) => ({ text, deadline: resolveDeadline(text, year, vocabularies) }));
    const unresolved = resolved.find((x) => !x.deadline);
    if (unresolved) {
      report('error', 'bad_deadline', unresolved.text);
      r = next;
      continue;
    }
    let deadline = resolved.map((x) => x.deadline!).reduce<ResolvedDeadline | undefined>((a, b) => (!a || b.date > a.date ? b : a), undefined);
    if (deadline && resolved.length > 1) deadline = { date: deadline.date, text: deadlineTexts.join('；') };
    const yearEnd = ymd(year, 12, 31);
    if (!deadline && has('deadline')) report('warning', 'no_deadline', yearEnd);

    // title and detail
    const body = [taskText, ...detailParts].filter(Boolean).join('\n');
    const title = titleText !== '' ? clipTitle(titleText) : header.ownExport ? clipTitle(taskText || body) : titleOf(body);
    const detail = (header.ownExport ? detailParts.join('\n') : body) || undefined;

    // officials and units; our export for one official (or one lead unit) names them in the sheet's name only
    const leads = [...new Set((has('lead') || !header.ownExport ? valuesOf('lead') : [sheet.name]).flatMap(namesIn))];
    const units = unitsOf(has('lead_unit') || !header.ownExport ? valuesOf('lead_unit') : [sheet.name], valuesOf('units'));

    // status, progress, completion
    const statusText = firstOf('status');
    let status = statusText === '' ? undefined : parseStatus(statusText, statuses);
    const percentText = firstOf('percent');
    const percent = percentText === '' ? undefined : percentCell(percentText);
    if (percentText !== '' && percent === undefined) report('warning', 'bad_percent', percentText);
    const note = firstOf('progress');
    let progress: ProgressEntry | undefined;
    if (note !== '') {
      const dateText = firstOf('progress_date');
      const date = dateText !== '' ? readDate(dateText, year) : sheetDate;
      if (date) {
        progress = { date, ...splitFeedback(note, vocabularies), ...(percent !== undefined ? { percent } : {}) };
        if (dateText === '') progressDateFromTitle = date;
      } else report('warning', dateText === '' ? 'progress_without_date' : 'bad_progress_date', dateText || note);
    }
    const doneText = firstOf('done_on');
    let doneOn = doneText === '' ? undefined : readDate(doneText, year);
    if (doneText !== '' && !doneOn) report('warning', 'bad_done_on', doneText);
    if (!status) {
      status = doneOn ? 'done' : progress ? 'in_progress' : 'not_started';
      if (statusText !== '') report('warning', 'bad_status', statusText, status);
    }
    if (status !== 'done') doneOn = undefined;
    else if (!doneOn) {
      doneOn = progress?.date ?? deadline?.date ?? yearEnd;
      report('warning', 'done_without_date', doneOn);
    }

    // targets
    const targets: Target[] = [];
    for (const line of valuesOf('targets').flatMap((t) => t.split('\n')).map((l) => l.trim()).filter(Boolean)) {
      const own = parseTargetText(line, vocabularies);
      const found = own ? [own] : parseTargets(line);
      if (found.length === 0) report('warning', 'bad_target', line);
      targets.push(...found);
    }

    // id
    let id: string | undefined;
    const idText = firstOf('id');
    if (idText !== '') {
      if (!isValidId(idText)) report('warning', 'bad_id', idText);
      else if (usedIds.has(idText)) report('warning', 'duplicate_id', idText);
      else id = idText;
      if (id) usedIds.add(id);
    }

    const sectionText = firstOf('section') || section;
    const pointText = firstOf('point') || point;
    const tags = [...new Set(valuesOf('tags').flatMap(namesIn))];
    const task: Omit<Task, 'id'> = {
      title: title === '' ? clipTitle(body) : title,
      ...(detail ? { detail } : {}),
      ...(sectionText ? { section: sectionText } : {}),
      ...(pointText ? { point: pointText } : {}),
      lead: leads.length === 0 ? UNASSIGNED : leads.length === 1 ? leads[0]! : leads,
      units: units.length === 0 ? [UNASSIGNED] : units,
      deadline: deadline?.date ?? yearEnd,
      ...(deadline?.text ? { deadline_text: deadline.text } : {}),
      status,
      ...(doneOn ? { done_on: doneOn } : {}),
      ...(deadline?.milestones && deadline.milestones.length > 0 ? { milestones: deadline.milestones } : {}),
      ...(targets.length > 0 ? { targets } : {}),
      ...(progress ? { progress: [progress] } : {}),
      ...(tags.length > 0 ? { tags } : {}),
    };
    const defaults: Array<keyof Task> = [
      ...(deadline ? [] : ['deadline' as const]),
      ...(statusText === '' && !doneOn && !progress ? ['status' as const] : []),
      ...(leads.length === 0 ? ['lead' as const] : []),
      ...(units.length === 0 ? ['units' as const] : []),
    ];
    drafts.push({ task, row: r, defaults, ...(id ? { id } : {}) });
    r = next;
  }
  return {
    drafts,
    problems,
    sections: new Set(drafts.map((d) => d.task.section).filter(Boolean)).size,
    points: new Set(drafts.map((d) => `${d.task.section ?? ''}\u0000${d.task.point ?? ''}`).filter((k) => !k.endsWith('\u0000'))).size,
    unassigned: drafts.filter((d) => d.task.lead === UNASSIGNED || d.task.units[0] === UNASSIGNED).length,
    noDeadlineColumn: !has('deadline'),
    progressDateFromTitle,
  };
}

/** The rows one task takes: its own, or all the rows its task cell is merged down over. */
function rowsOfTask(sheet: LedgerSheet, taskIndex: number | undefined, r: number): number[] {
  if (taskIndex === undefined) return [r];
  const merge = sheet.merges.find((m) => m.left <= taskIndex + 1 && m.right >= taskIndex + 1 && m.top <= r && m.bottom >= r && m.bottom > m.top);
  if (!merge) return [r];
  const bottom = Math.min(merge.bottom, sheet.rows.length);
  return Array.from({ length: bottom - r + 1 }, (_, i) => r + i);
}

/**
 * A heading between the tasks: one text across the row (merged, or numbered 一、/（一）), or a
 * Chinese number in 序号 with the heading beside it and no units or deadline of its own.
 */
function headingOf(sheet: LedgerSheet, r: number, texts: readonly string[], no: string, taskText: string, own: string): { kind: 'section' | 'point'; text: string } | undefined {
  const distinct = [...new Set(texts)];
  let text: string | undefined;
  if (distinct.length === 1) {
    const only = distinct[0]!;
    const across = texts.length >= 3 || sheet.merges.some((m) => m.top <= r && m.bottom >= r && m.right > m.left && (sheet.rows[m.top - 1]?.[m.left - 1] ?? '').trim() !== '');
    if (across || PART.test(only) || POINT.test(only)) text = only;
  }
  if (text === undefined && own === '') {
    if (CN_NUMBERING.test(no) && taskText !== '' && !NUMBERING.test(taskText)) text = PART.test(taskText) || POINT.test(taskText) ? taskText : `${/[、.．）)]$/.test(no) ? no : `${no}、`}${taskText}`;
    else if (no === '' && (PART.test(taskText) || POINT.test(taskText))) text = taskText;
  }
  if (text === undefined) return undefined;
  const normalized = text.replace(/^\(([^()]+)\)/, '（$1）');
  return { kind: POINT.test(normalized) ? 'point' : 'section', text: normalized };
}

function isRepeatedHeader(taskColumn: HeaderColumn | undefined, text: string): boolean {
  return taskColumn !== undefined && text !== '' && normalizeHeader(text) === normalizeHeader(taskColumn.name.split('/')[0] ?? '');
}

/** The 栏次 row some forms put under the header: 1 2 3 4 … */
function isColumnNumbers(texts: readonly string[]): boolean {
  return texts.length >= 3 && texts.every((t) => /^\d{1,2}$/.test(t)) && new Set(texts).size === texts.length;
}
