// A unit's feedback form for a period (反馈表): the tasks it leads, then those where it is a
// co-unit, each with what the ledger says (locked) and empty cells for this period's answer, plus
// the hidden sheet that identifies the form. Pure: the same tasks, date and language give the same form.
import type { IsoDate } from '../core/dates.js';
import type { Evaluated } from '../core/evaluate.js';
import { periodKey, periodLabel, type Period } from '../core/periods.js';
import { cellHash, FORM_COLUMNS, INPUT_COLUMNS, META_SHEET, metaRows, type FormColumn, type FormMeta, type FormRow } from '../core/form-meta.js';
import { leadsOf, leadUnitOf, type ProgressEntry } from '../core/task.js';
import type { Lang, Messages } from '../i18n/index.js';
import type { HiddenSheet, SheetColumn, SheetRow, SheetSpec } from './xlsx.js';

export interface FormInput {
  planTitle: string;
  year: number | undefined;
  unit: string;
  period: Period;
  /** the lead units' reply-by date */
  replyBy: IsoDate;
  /** the co-units' earlier one, when the rules set one */
  coReplyBy?: IsoDate;
  asOf: IsoDate;
  lead: readonly Evaluated[];
  co: readonly Evaluated[];
  sheetName: string;
  lang: Lang;
}

const WIDTHS: Record<FormColumn, number> = {
  no: 5, id: 10, task: 26, lead: 10, deadline: 11, light: 7, latest: 32, progress: 30, problems: 18, next_steps: 18, percent: 8, done: 7, done_on: 11,
};

/** The latest entry the unit gave on or before the date, else the task's latest (with who gave it). */
function latestFor(e: Evaluated, unit: string, asOf: IsoDate): ProgressEntry | undefined {
  let own: ProgressEntry | undefined;
  for (const p of e.task.progress ?? []) if (p.by === unit && p.date <= asOf && (!own || p.date >= own.date)) own = p;
  return own ?? e.result.latest;
}

function latestText(entry: ProgressEntry | undefined, unit: string, m: Messages): string {
  const f = m.feedback;
  if (!entry) return f.none;
  const lines = [f.latest(entry.date, entry.percent, entry.by && entry.by !== unit ? entry.by : undefined), entry.note];
  if (entry.problems) lines.push(`${f.latestProblems}：${entry.problems}`);
  if (entry.next_steps) lines.push(`${f.latestNext}：${entry.next_steps}`);
  return lines.join('\n');
}

export function feedbackForm(input: FormInput, m: Messages): { sheet: SheetSpec; hidden: HiddenSheet; meta: FormMeta } {
  const f = m.feedback;
  const label = periodLabel(input.period, input.lang);
  const columns: SheetColumn[] = FORM_COLUMNS.map((key) => {
    const base: SheetColumn = { header: f.col[key], width: WIDTHS[key] };
    switch (key) {
      case 'no':
        return { ...base, kind: 'number', align: 'center' };
      case 'deadline':
      case 'light':
        return { ...base, align: 'center' };
      case 'percent':
        return { ...base, kind: 'general', input: { validation: { type: 'decimal', min: 0, max: 100, ...f.validation.percent } } };
      case 'done':
        return { ...base, align: 'center', input: { validation: { type: 'list', values: [f.yes, f.no], ...f.validation.done } } };
      case 'done_on':
        return { ...base, kind: 'date', align: 'center', input: { validation: { type: 'date', min: `${input.period.start.slice(0, 4)}-01-01`, ...f.validation.doneOn } } };
      default:
        return INPUT_COLUMNS.includes(key) ? { ...base, input: {} } : base;
    }
  });

  const title = f.formTitle(input.planTitle, label);
  const coReplyBy = input.co.length > 0 && input.coReplyBy !== input.replyBy ? input.coReplyBy : undefined;
  const summary = `${f.formInfo(input.unit, label, input.period.start, input.period.end, input.lead.length > 0 ? input.replyBy : coReplyBy ?? input.replyBy, input.lead.length > 0 ? coReplyBy : undefined)}\n${f.instructions}`;
  // the title, the summary, the 填报日期 line, then the header
  const dateRow = 3;
  const headerRow = 4;
  const rows: SheetRow[] = [];
  const formRows: FormRow[] = [];
  const headings: number[] = [];
  const lockedIndexes = (block: 'lead' | 'co') => (block === 'co' ? [FORM_COLUMNS.indexOf('done'), FORM_COLUMNS.indexOf('done_on')] : []);

  const addBlock = (block: 'lead' | 'co', items: readonly Evaluated[], heading: string) => {
    if (items.length === 0) return;
    rows.push({ values: [heading], heading: true });
    headings.push(headerRow + rows.length);
    items.forEach((e, i) => {
      const values: Record<FormColumn, string | number | null> = {
        no: i + 1,
        id: e.task.id,
        task: block === 'co' ? `${e.task.title}\n${f.leadUnitLine(leadUnitOf(e.task))}` : e.task.title,
        lead: leadsOf(e.task).join('、'),
        deadline: e.task.deadline,
        light: e.review ? `${m.light[e.result.light]}\n${f.awaiting}` : m.light[e.result.light],
        latest: latestText(latestFor(e, input.unit, input.asOf), input.unit, m),
        progress: null, problems: null, next_steps: null, percent: null,
        done: block === 'co' ? f.notApplicable : null,
        done_on: block === 'co' ? f.notApplicable : null,
      };
      const locked = lockedIndexes(block);
      rows.push({
        values: FORM_COLUMNS.map((k) => values[k]),
        locked,
        minLines: 4,
        fill: e.result.light === 'red' ? 'red' : e.result.light === 'yellow' ? 'yellow' : undefined,
        fillColumns: [FORM_COLUMNS.indexOf('light')],
      });
      const hashes: Partial<Record<FormColumn, string>> = {};
      FORM_COLUMNS.forEach((k, index) => {
        if (k === 'no' || (INPUT_COLUMNS.includes(k) && !locked.includes(index))) return;
        hashes[k] = cellHash(String(values[k] ?? ''));
      });
      formRows.push({ row: headerRow + rows.length, id: e.task.id, block, locked: hashes });
    });
  };
  addBlock('lead', input.lead, f.leadBlock(input.lead.length));
  addBlock('co', input.co, f.coBlock(input.co.length));

  const sheet: SheetSpec = {
    name: input.sheetName,
    title,
    summary,
    fields: [{ label: f.dateField, kind: 'date', validation: { type: 'date', min: input.period.start, warn: true, ...f.validation.date } }],
    columns,
    rows,
    footerLeft: f.footer(input.unit, label),
    footerRight: input.planTitle,
    footerCenter: m.exports.pageFooter,
    protect: true,
    repeat: 'header',
    autoFilter: false,
  };
  const meta: FormMeta = {
    plan: input.planTitle,
    year: input.year,
    period: periodKey(input.period),
    unit: input.unit,
    // the earliest date the form asks for: an answer dated then is on time for every row
    replyBy: coReplyBy !== undefined && coReplyBy < input.replyBy ? coReplyBy : input.replyBy,
    asOf: input.asOf,
    sheet: input.sheetName,
    dateCell: { row: dateRow, column: 3 },
    headerRow,
    headers: columns.map((c) => c.header),
    top: [cellHash(title), cellHash(summary), cellHash(f.dateField)],
    headings,
    rows: formRows,
  };
  return { sheet, hidden: { name: META_SHEET, rows: metaRows(meta) }, meta };
}
