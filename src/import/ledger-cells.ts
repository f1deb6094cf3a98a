// A ledger's cells → values: statuses, deadlines (dates, phrases, steps, our export's extended
// form), dates, percentages, targets, titles and names as clerks write them in a spreadsheet.
import { findDeadlinePhrase, fromDayNumber, parseCalendarDate, parseDeadline, type IsoDate } from '../core/dates.js';
import { STATUSES, type Milestone, type Status, type Target } from '../core/task.js';
import { LEDGER_STATUS_WORDS, readPercent, splitNames, STATUS_WORDS } from '../core/words.js';
import type { Messages } from '../i18n/index.js';
import { shortTitle } from './notice.js';

/** How our own export (src/render/export-sheets.ts) writes a sheet of tasks, in one language. */
export interface ExportVocabulary {
  columns: Messages['exports']['col'];
  statuses: Readonly<Record<Status, string>>;
  target: Messages['exports']['target'];
  extended: Messages['exports']['extended'];
  /** the labels of a feedback's 存在问题 and 下步打算 lines, as the exports write them */
  feedback: { problems: string; next_steps: string };
}

export function exportVocabulary(m: Messages): ExportVocabulary {
  return { columns: m.exports.col, statuses: m.status, target: m.exports.target, extended: m.exports.extended, feedback: { problems: m.fields.problems!, next_steps: m.fields.next_steps! } };
}

/**
 * A feedback cell as the exports write it (进展情况, then 存在问题：… and 下步打算：… on lines of their
 * own) split into its three parts; a cell without those lines is all 进展情况.
 */
export function splitFeedback(text: string, vocabularies: readonly ExportVocabulary[]): { note: string; problems?: string; next_steps?: string } {
  const parts: { note: string[]; problems: string[]; next_steps: string[] } = { note: [], problems: [], next_steps: [] };
  let into: keyof typeof parts = 'note';
  for (const line of text.split('\n')) {
    const labelled = (['problems', 'next_steps'] as const).find((key) => vocabularies.some((v) => new RegExp(`^${v.feedback[key]}\\s*[：:]`, 'i').test(line)));
    if (labelled) {
      into = labelled;
      parts[into].push(line.replace(/^[^：:]*[：:]\s*/, ''));
    } else parts[into].push(line);
  }
  const joined = (lines: string[]) => lines.join('\n').trim();
  // a cell that starts with its problems keeps its whole text as the note
  if (joined(parts.note) === '') return { note: text.trim() };
  return {
    note: joined(parts.note),
    ...(joined(parts.problems) ? { problems: joined(parts.problems) } : {}),
    ...(joined(parts.next_steps) ? { next_steps: joined(parts.next_steps) } : {}),
  };
}

/** A number the clerk typed before the text (1. / 1、 / （1）), but not 1.5万亩. */
const LEADING_NUMBER = /^\s*(?:\d{1,3}\s*[.．、](?!\d)|[（(]\d{1,3}[）)])\s*/;

function statusKey(text: string): string {
  return text.toLowerCase().replace(/[\s_]+/g, '');
}

/** Every word for a status the importer knows: the tool's own, ledgers' usual ones, and our export's in each language. */
export function statusWords(vocabularies: readonly ExportVocabulary[]): Map<string, Status> {
  const table = new Map<string, Status>();
  for (const s of STATUSES) table.set(statusKey(s), s);
  for (const [word, s] of Object.entries({ ...LEDGER_STATUS_WORDS, ...STATUS_WORDS })) table.set(statusKey(word), s);
  for (const v of vocabularies) for (const s of STATUSES) table.set(statusKey(v.statuses[s]), s);
  return table;
}

/** A status as written: an exact word, else the longest word the cell starts with (已完成（6月20日）). */
export function parseStatus(text: string, table: ReadonlyMap<string, Status>): Status | undefined {
  const key = statusKey(text);
  const exact = table.get(key);
  if (exact) return exact;
  let best: [string, Status] | undefined;
  for (const entry of table) if (key.startsWith(entry[0]) && entry[0].length >= 2 && (!best || entry[0].length > best[0].length)) best = entry;
  return best?.[1];
}

/** Text of a cell: line ends as \n, no trailing spaces on a line, no blank lines at either end. */
export function clean(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ').split('\n').map((l) => l.trimEnd()).join('\n').trim();
}

export interface ResolvedDeadline {
  date: IsoDate;
  /** the phrase as written, when the cell is not simply a date */
  text?: string;
  milestones?: Milestone[];
}

/**
 * A deadline cell → the deadline: an exact date (also Excel's day number), a phrase (6月底前,
 * 三季度末, 长期坚持 → 31 December), our export's `2020-10-31（原2020-06-30，已延期）`, or steps
 * (`6月底前完成方案；年底前建成`: the last is the deadline, the others milestones).
 */
export function resolveDeadline(cell: string, year: number, vocabularies: readonly ExportVocabulary[] = []): ResolvedDeadline | undefined {
  const text = clean(cell);
  if (text === '') return undefined;
  const serial = excelDay(text);
  if (serial) return { date: serial };
  const whole = parseDeadline(text.replace(/\s*\n\s*/g, ''), year);
  if (whole) return parseCalendarDate(text) ? { date: whole.date } : { date: whole.date, text };

  const leading = /^(\d{4}-\d{1,2}-\d{1,2}|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*([（(].*[）)])$/s.exec(text);
  const leadingDate = leading ? parseCalendarDate(leading[1]!.replace(/\s+/g, '')) : undefined;
  if (leading && leadingDate) {
    const extensionNote = vocabularies.some((v) => extensionPattern(v).test(text));
    return extensionNote ? { date: leadingDate } : { date: leadingDate, text };
  }

  const steps = text.split(/[\n；;]+/).map((s) => s.trim().replace(/[。，,]$/, '')).filter(Boolean);
  if (steps.length > 1) {
    const found = steps.map((s) => ({ step: s, phrase: findDeadlinePhrase(s, year) }));
    if (found.every((f) => f.phrase)) {
      const latest = found.reduce((a, b) => (b.phrase!.date >= a.phrase!.date ? b : a));
      const milestones = found
        .filter((f) => f !== latest)
        .map((f) => ({ title: stepTitle(f.step, f.phrase!.text), due: f.phrase!.date }))
        .filter((ms) => ms.title !== '' && ms.due < latest.phrase!.date);
      return { date: latest.phrase!.date, text, ...(milestones.length > 0 ? { milestones } : {}) };
    }
  }
  // Words around the phrase (6月底前完成主体工程): in a deadline column, the phrase is the deadline.
  const phrase = findDeadlinePhrase(text, year);
  return phrase ? { date: phrase.date, text } : undefined;
}

/** 6月底前完成方案 → 完成方案; 完成方案（6月底前） → 完成方案 */
function stepTitle(step: string, phrase: string): string {
  return step.replace(phrase, '').replace(/[（(]\s*[）)]/g, '').replace(/^[\s，,、：:]+|[\s，,、：:]+$/g, '').replace(/^之?前/, '').trim();
}

function extensionPattern(v: ExportVocabulary): RegExp {
  const sample = v.extended('\u0001', '\u0002');
  const escaped = sample.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace('\u0001', '\\d{4}-\\d{2}-\\d{2}').replace('\u0002', '\\d{4}-\\d{2}-\\d{2}')}$`);
}

/** Excel's day number (44012 = 2020-06-30), as a date cell reads when its format was lost. */
function excelDay(text: string): IsoDate | undefined {
  if (!/^\d{5}(?:\.\d+)?$/.test(text)) return undefined;
  const serial = Math.floor(Number(text));
  // 1954 to 2119: no other five-digit number is likely in a deadline column
  return serial > 20_000 && serial < 80_000 ? fromDayNumber(serial - 25_569) : undefined;
}

/** A date cell: YYYY-MM-DD, 2020年9月20日, 2020/9/20, 9月20日 (in the plan's year), or Excel's day number. */
export function readDate(cell: string, year: number): IsoDate | undefined {
  const text = clean(cell).replace(/\s+/g, '');
  if (text === '') return undefined;
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) return parseCalendarDate(`${compact[1]}-${compact[2]}-${compact[3]}`);
  const found = excelDay(text) ?? parseCalendarDate(text);
  if (found) return found;
  const phrase = parseDeadline(text, year);
  return phrase && !phrase.ongoing ? phrase.date : undefined;
}

/** Our export's target text (`name：目标≤5%，实际3%`, either language) → a target; undefined for anything else. */
export function parseTargetText(line: string, vocabularies: readonly ExportVocabulary[]): Target | undefined {
  const NUM = '([-+]?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)';
  for (const v of vocabularies) {
    for (const withActual of [true, false]) {
      const sample = v.target('\u0001', '\u0002', withActual ? '\u0003' : undefined);
      const escaped = sample.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const re = new RegExp(`^${escaped.replace('\u0001', '(.+?)').replace('\u0002', `(≤?)${NUM}(.*?)`).replace('\u0003', `${NUM}(.*?)`)}$`, 's');
      const m = re.exec(line.trim());
      if (!m) continue;
      const unit = m[4] ?? '';
      const target: Target = { name: m[1]!.trim(), target: Number(m[3]) };
      if (unit !== '') target.unit = unit;
      if (withActual) target.actual = Number(m[5]);
      if (m[2] === '≤') target.direction = 'max';
      return target;
    }
  }
  return undefined;
}

export function stripNumbering(text: string): string {
  return text.replace(LEADING_NUMBER, '');
}

/** A short title from a task's text: its first sentence, shortened as notice titles are. */
export function titleOf(text: string): string {
  const lines = text.split('\n').map((l) => stripNumbering(l).trim()).filter(Boolean);
  let first = lines[0] ?? '';
  // a sentence the clerk broke with Alt+Enter goes on in the next line
  for (let i = 1; i < lines.length && [...first].length < 8 && !/[。；;：:！!？?]$/.test(first); i++) first += lines[i];
  const sentence = (first.split(/(?<=[。；;！!？?])/)[0] ?? first).replace(/[：:]$/, '');
  return shortTitle(sentence);
}

export function clipTitle(text: string): string {
  const chars = [...text.replace(/\s*\n\s*/g, ' ')];
  return chars.length > 300 ? `${chars.slice(0, 299).join('')}…` : chars.join('');
}

/** Names in a cell: split at 、，,；; / and line breaks, and at spaces between Chinese names. */
export function namesIn(text: string): string[] {
  return splitNames(text.replace(/(?<=[\u4e00-\u9fff）)])[ \u3000]+(?=[\u4e00-\u9fff（(])/g, '、'));
}

const LEAD_MARK = /\s*[（(]?(?:牵头|主办|主责)(?:单位)?[）)]?$/;
const CO_MARK = /\s*[（(]?(?:配合|协办|参与|协助|协同)(?:单位)?[）)]?$/;

/** Units, lead unit first: the 牵头单位 column, then units marked （牵头） in the others, then the rest. */
export function unitsOf(leadCells: readonly string[], otherCells: readonly string[]): string[] {
  const leading = leadCells.flatMap(namesIn).map((n) => n.replace(LEAD_MARK, '').trim());
  const marked: string[] = [];
  const rest: string[] = [];
  for (const name of otherCells.flatMap(namesIn)) {
    if (LEAD_MARK.test(name) && name.replace(LEAD_MARK, '').trim() !== '') marked.push(name.replace(LEAD_MARK, '').trim());
    else rest.push(name.replace(CO_MARK, '').trim());
  }
  return [...new Set([...leading, ...marked, ...rest].filter((n) => n !== ''))];
}

/** A percentage cell: 80, 80%, or 0.8 (a cell formatted as percent). */
export function percentCell(text: string): number | undefined {
  return readPercent(clean(text), { fractions: true });
}
