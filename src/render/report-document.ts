// The period report as an office document (render/document.ts): the headline in a paragraph and a
// table of figures, then one numbered part per section, each with its numbered table. The same
// document prints for the terminal, as Markdown, .docx and .xlsx.
import { CATEGORIES } from '../core/categories.js';
import { diffDays } from '../core/dates.js';
import type { Evaluated } from '../core/evaluate.js';
import type { Judged } from '../core/feedback.js';
import { latestEntry } from '../core/light.js';
import { parsePeriod, periodLabel, periodNumber } from '../core/periods.js';
import { leadUnitOf } from '../core/task.js';
import type { Messages } from '../i18n/index.js';
import type { Headline } from '../reports/headline.js';
import type { PeriodReport } from '../reports/period.js';
import type { SummaryReport, SummaryRow } from '../reports/summary.js';
import { note, paragraph, section, table, type DocBlock, type DocColumn, type DocRow, type ReportDocument, type Span } from './document.js';
import { feedbackCell } from './task-view.js';

/** A percent 0–100 as the share 0–1 a percent column holds. */
const share = (n: number | undefined) => (n === undefined ? undefined : n / 100);
const rate = (n: number | undefined) => (n === undefined ? '—' : `${n.toFixed(1)}%`);
const round1 = (n: number) => Math.round(n * 10) / 10;

export function periodReportDocument(r: PeriodReport, m: Messages, planTitle: string): ReportDocument {
  const w = m.report;
  const kind = r.period.kind;
  const thisWord = w.this(kind);
  const prevWord = w.previous(kind, r.period.start.slice(5) === '01-01');
  const subtitle = [
    ...(kind === 'year' || kind === 'half' ? [] : [m.document.issue(periodNumber(r.period))]),
    `${periodLabel(r.period, m.lang)}${w.span(r.period.start, r.period.end)}`,
    ...(r.complete ? [] : [w.partial(r.asOf)]),
  ];
  const blocks: DocBlock[] = [
    paragraph(headlineSpans(r, m, prevWord)),
    section(w.sections.overview, figuresTable(r.headline, r.previousHeadline, r.comparable, m, thisWord, prevWord)),
    section(w.sections.done(thisWord), doneTable(r, m, thisWord)),
    section(
      w.sections.red,
      section(w.sections.newlyRed(thisWord), redTable(r.newlyRed, m, w.captions.newlyRed(thisWord))),
      section(w.sections.noLongerRed(thisWord), noLongerRedTable(r, m, thisWord)),
      section(w.sections.stillRed, redTable(r.stillRed, m, w.captions.stillRed)),
    ),
    section(w.sections.extensions(thisWord), extensionsTable(r, m, thisWord)),
    section(w.sections.dueNext(w.next(kind)), dueNextTable(r, m)),
    section(w.sections.feedback, ...feedbackBlocks(r, m, thisWord)),
    section(w.sections.categories, ...categoryBlocks(r, m)),
    section(w.sections.targets, targetsTable(r, m)),
    section(w.sections.byLead, summaryTable(r.byLead, m, w.captions.byLead, w.col.lead)),
    section(w.sections.byUnit, summaryTable(r.byUnit, m, w.captions.byUnit, w.col.leadUnit)),
  ];
  if (r.silent) blocks.push(section(w.sections.silent(thisWord), silentTable(r.silent, m, w.captions.silent(thisWord))));
  if (r.redInPeriod) blocks.push(section(w.sections.redInPeriod(thisWord), redInPeriodTable(r, m, thisWord)));
  if (r.rank) blocks.push(section(w.sections.rank, ...rankBlocks(r, m)));
  // short enough to stay clear of the page number in the middle of an A4 portrait footer: the
  // issue (or, before the period is over, the date) and the period, without the period's dates
  const footer = r.complete
    ? [...(kind === 'year' || kind === 'half' ? [] : [m.document.issue(periodNumber(r.period))]), periodLabel(r.period, m.lang)].join(' ')
    : w.footerPartial(periodLabel(r.period, m.lang), r.asOf);
  return { title: w.title(planTitle, kind), subtitle, footer, date: r.asOf, blocks };
}

function headlineSpans(r: PeriodReport, m: Messages, prevWord: string): Span[] {
  const w = m.report;
  const h = r.headline;
  const p = r.previousHeadline;
  const counts = (delta: number) => (r.comparable ? w.countChange(prevWord, delta) : undefined);
  const points = (now: number | undefined, before: number | undefined) =>
    r.comparable && now !== undefined && before !== undefined ? w.pointChange(prevWord, round1(now - before)) : undefined;
  const first = w.sentence([
    w.headline({ asOf: r.asOf, total: h.total, done: h.done, doneLate: h.doneLate, inProgress: h.inProgress, suspended: h.suspended, cancelled: h.cancelled }),
    w.ratePart(rate(h.completionRate), points(h.completionRate, p.completionRate)),
  ]);
  const rest = [
    w.sentence([w.redPart(h.red, counts(h.red - p.red)), w.yellowPart(h.yellow, counts(h.yellow - p.yellow))]),
    ...(h.targetsTotal > 0 ? [w.sentence([w.targetsPart(h.targetsMet, h.targetsTotal, r.comparable ? w.countChange(prevWord, h.targetsMet - p.targetsMet, w.targetUnit) : undefined)])] : []),
    ...(h.feedbackDue > 0 ? [w.sentence([w.feedbackPart(h.feedbackDue, h.feedbackOnTime, rate(h.onTimeRate), points(h.onTimeRate, p.onTimeRate))])] : []),
  ];
  return [{ text: first, strong: true }, { text: w.join(rest) }];
}

function figuresTable(h: Headline, p: Headline, comparable: boolean, m: Messages, thisWord: string, prevWord: string) {
  const w = m.report;
  const f = w.figure;
  const count = (label: string, now: number, before: number): DocRow => ({ cells: [label, now, comparable ? before : null, comparable ? w.delta(now - before) : null] });
  const percent = (label: string, now: number | undefined, before: number | undefined): DocRow => ({
    cells: [label, rate(now), comparable ? rate(before) : null, comparable && now !== undefined && before !== undefined ? w.pp(round1(now - before)) : null],
  });
  return table({
    caption: w.captions.figures,
    columns: [
      { header: f.name, width: 18 },
      { header: thisWord, width: 10, align: 'right' },
      { header: prevWord, width: 10, align: 'right' },
      { header: f.change, width: 14, align: 'right' },
    ],
    rows: [
      count(f.total, h.total, p.total),
      count(f.done, h.done, p.done),
      count(f.doneLate, h.doneLate, p.doneLate),
      count(f.inProgress, h.inProgress, p.inProgress),
      { ...count(f.red, h.red, p.red), ...(h.red > 0 ? { emphasis: 'red' as const } : {}) },
      { ...count(f.yellow, h.yellow, p.yellow), ...(h.yellow > 0 ? { emphasis: 'yellow' as const } : {}) },
      percent(f.rate, h.completionRate, p.completionRate),
      { cells: [f.targets, `${h.targetsMet}/${h.targetsTotal}`, comparable ? `${p.targetsMet}/${p.targetsTotal}` : null, comparable ? w.delta(h.targetsMet - p.targetsMet) : null] },
      percent(f.onTime, h.onTimeRate, p.onTimeRate),
      count(f.awaiting, h.awaitingReview, p.awaitingReview),
    ],
  });
}

const col = (header: string, width: number, extra: Partial<DocColumn> = {}): DocColumn => ({ header, width, ...extra });
const numberColumn = (m: Messages): DocColumn => col(m.report.col.no, 4, { kind: 'number', align: 'center' });

function doneTable(r: PeriodReport, m: Messages, thisWord: string) {
  const w = m.report;
  const c = w.col;
  return table({
    caption: w.captions.done(thisWord),
    columns: [numberColumn(m), col(c.id, 9), col(c.task, 24), col(c.leadUnit, 14), col(c.deadline, 10, { align: 'center' }), col(c.doneOn, 10, { align: 'center' }), col(c.result, 12, { align: 'center' })],
    rows: r.doneInPeriod.map((e, i) => {
      const doneOn = e.result.doneOn!;
      const late = diffDays(doneOn, e.result.deadline);
      const result = late > 0 ? w.lateBy(late) : late < 0 ? w.early(-late) : w.onTime;
      return { cells: [i + 1, e.task.id, e.task.title, leadUnitOf(e.task), e.result.deadline, doneOn, result], ...(late > 0 ? { emphasis: 'yellow' as const } : {}) };
    }),
  });
}

function whyRed(e: Evaluated, m: Messages): string {
  const parts: string[] = [];
  if (e.result.deadlineDaysOverdue > 0) parts.push(m.report.deadlinePassed);
  for (const ms of e.result.overdueMilestones) parts.push(m.report.milestonePassed(ms.title, ms.due));
  return m.report.list(parts);
}

/** The task's latest feedback as of the report's date: date, percent, note, 存在问题 and 下步打算 in one cell. */
const latest = (e: Evaluated, m: Messages) => feedbackCell(e.result.latest, m);

function redTable(items: readonly Evaluated[], m: Messages, caption: string) {
  const c = m.report.col;
  return table({
    caption,
    columns: [numberColumn(m), col(c.id, 9), col(c.task, 18), col(c.leadUnit, 12), col(c.deadline, 10, { align: 'center' }), col(c.days, 5, { kind: 'number' }), col(c.why, 12), col(c.latest, 30)],
    rows: items.map((e, i) => ({ cells: [i + 1, e.task.id, e.task.title, leadUnitOf(e.task), e.result.deadline, e.result.daysOverdue, whyRed(e, m), latest(e, m)], emphasis: 'red' as const })),
  });
}

function noLongerRedTable(r: PeriodReport, m: Messages, thisWord: string) {
  const c = m.report.col;
  const why = m.report.why;
  return table({
    caption: m.report.captions.noLongerRed(thisWord),
    columns: [numberColumn(m), col(c.id, 9), col(c.task, 24), col(c.leadUnit, 14), col(c.before, 7, { kind: 'number' }), col(c.how, 28)],
    rows: r.noLongerRed.map((x, i) => {
      const how = x.why === 'done' ? why.done(x.e.result.doneOn!) : x.why === 'extended' ? why.extended(x.extension!.to, x.extension!.reason) : why[x.why];
      return { cells: [i + 1, x.e.task.id, x.e.task.title, leadUnitOf(x.e.task), x.before.result.daysOverdue, how] };
    }),
  });
}

function extensionsTable(r: PeriodReport, m: Messages, thisWord: string) {
  const c = m.report.col;
  return table({
    caption: m.report.captions.extensions(thisWord),
    columns: [numberColumn(m), col(c.id, 9), col(c.task, 20), col(c.leadUnit, 14), col(c.date, 10, { align: 'center' }), col(c.from, 10, { align: 'center' }), col(c.to, 10, { align: 'center' }), col(c.reason, 20)],
    rows: r.extensions.map((x, i) => ({ cells: [i + 1, x.e.task.id, x.e.task.title, leadUnitOf(x.e.task), x.date, x.from, x.to, x.reason] })),
  });
}

function dueNextTable(r: PeriodReport, m: Messages) {
  const w = m.report;
  const c = w.col;
  return table({
    caption: w.captions.dueNext(periodLabel(r.next, m.lang)),
    columns: [numberColumn(m), col(c.id, 9), col(c.kind, 6, { align: 'center' }), col(c.item, 24), col(c.leadUnit, 12), col(c.due, 10, { align: 'center' }), col(c.latest, 30)],
    rows: r.dueNext.map((d, i) => ({
      cells: [i + 1, d.e.task.id, d.kind === 'task' ? w.kindTask : w.kindMilestone, d.kind === 'task' ? d.title : w.milestoneOf(d.e.task.title, d.title), leadUnitOf(d.e.task), d.due, latest(d.e, m)],
    })),
  });
}

function feedbackBlocks(r: PeriodReport, m: Messages, thisWord: string): DocBlock[] {
  const w = m.report;
  const c = w.col;
  const f = r.feedback;
  const late = f.late.length;
  const missing = f.missing.length;
  const onTime = f.due - late - missing;
  const summary =
    f.due === 0 ? w.feedbackNotDue(thisWord) : f.noneAtAll ? w.feedbackNone(f.due) : w.feedbackSummary({ due: f.due, onTime, late, missing, rate: rate(r.headline.onTimeRate) });
  const blocks: DocBlock[] = [paragraph(summary)];
  if (f.due === 0) return blocks;
  const periodName = (j: Judged) => periodLabel(j.period, m.lang);
  const unitCell = (j: Judged) => (j.tier === 'co' ? w.coUnit(j.unit) : j.unit);
  // a late report is shown with what it said: the report itself, dated, in the last column
  const lateColumns = [
    numberColumn(m), col(c.id, 9), col(c.task, 16), col(c.unit, 12), col(c.period, 13, { align: 'center' }), col(c.dueBy, 10, { align: 'center' }), col(c.reported, 30),
  ];
  const lateRow = (j: Judged, i: number): DocRow => ({ cells: [i + 1, j.task.id, j.task.title, unitCell(j), periodName(j), j.due, feedbackCell(j.entry, m)] });
  blocks.push(
    table({
      caption: w.captions.feedbackByUnit,
      columns: [numberColumn(m), col(c.unit, 20), col(c.owed, 6, { kind: 'number' }), col(c.onTime, 6, { kind: 'number' }), col(c.late, 6, { kind: 'number' }), col(c.missing, 6, { kind: 'number' }), col(c.onTimeRate, 8, { kind: 'percent' })],
      rows: f.byUnit.map((u, i) => ({
        cells: [i + 1, u.unit, u.due, u.onTime, u.late, u.missing, share(u.onTimeRate)],
        ...(u.missing > 0 ? { emphasis: 'red' as const } : u.late > 0 ? { emphasis: 'yellow' as const } : {}),
      })),
      total: ['', m.document.total, f.due, onTime, late, missing, share(r.headline.onTimeRate)],
    }),
  );
  // with no feedback at all, the list of what is missing would only repeat every task
  if (f.noneAtAll) return blocks;
  blocks.push(
    table({
      caption: w.captions.missing,
      columns: [numberColumn(m), col(c.id, 9), col(c.task, 20), col(c.unit, 12), col(c.missingCount, 6, { kind: 'number' }), col(c.periods, 16), col(c.latest, 30)],
      // one row per task and unit: a quarter's report would otherwise repeat a silent task nine times
      rows: byTaskAndUnit(f.missing).map((g, i) => ({
        cells: [i + 1, g.first.task.id, g.first.task.title, unitCell(g.first), g.items.length, w.periodList(g.items.map(periodName)), feedbackCell(latestEntry(g.first.task.progress, r.asOf), m)],
      })),
    }),
    table({
      caption: w.captions.late,
      columns: lateColumns,
      rows: f.late.map(lateRow),
    }),
  );
  if (f.lateArrivals.length > 0) {
    blocks.push(
      table({
        caption: w.captions.lateArrivals(thisWord),
        columns: lateColumns,
        rows: f.lateArrivals.map(lateRow),
      }),
    );
  }
  return blocks;
}

function categoryBlocks(r: PeriodReport, m: Messages): DocBlock[] {
  const w = m.report;
  const c = w.col;
  const cat = r.categories;
  const of = (n: number) => (cat.total > 0 ? n / cat.total : undefined);
  const present = CATEGORIES.filter((k) => cat.counts[k] > 0).map((k) => w.categoryCount(w.category[k], cat.counts[k]));
  return [
    paragraph(w.categoriesSummary(present)),
    table({
      caption: w.captions.categories,
      columns: [col(c.category, 26), col(c.count, 8, { kind: 'number' }), col(c.share, 9, { kind: 'percent' })],
      rows: CATEGORIES.map((k) => ({ cells: [w.category[k], cat.counts[k], of(cat.counts[k])], ...(k === 'behind' && cat.counts[k] > 0 ? { emphasis: 'yellow' as const } : {}) })),
      total: [m.document.total, cat.total, cat.total > 0 ? 1 : undefined],
    }),
    table({
      caption: w.captions.behind,
      columns: [
        numberColumn(m), col(c.id, 9), col(c.task, 18), col(c.leadUnit, 12), col(c.percent, 7, { align: 'right' }), col(c.elapsed, 8, { align: 'right' }), col(c.gap, 7, { kind: 'number' }), col(c.latest, 30),
      ],
      rows: cat.behind.map((b, i) => {
        const line = b.floor ?? b.elapsed;
        return { cells: [i + 1, b.e.task.id, b.e.task.title, leadUnitOf(b.e.task), `${b.percent ?? 0}%`, b.floor !== undefined ? w.floor(b.floor) : `${b.elapsed}%`, line - (b.percent ?? 0), latest(b.e, m)] };
      }),
    }),
  ];
}

function targetsTable(r: PeriodReport, m: Messages) {
  const w = m.report;
  const c = w.col;
  const rows: DocRow[] = [];
  let n = 0;
  for (const g of r.targets) {
    for (const t of g.items) {
      const max = t.target.direction === 'max';
      const unit = t.target.unit ?? '';
      const state = t.met === undefined ? w.met.none : max ? (t.met ? w.met.maxYes : w.met.maxNo) : t.met ? w.met.yes : t.onPace ? w.met.onPace : w.met.behind;
      rows.push({
        cells: [++n, g.name, t.e.task.id, t.target.name, w.goal(t.target.target, unit, max), t.actual === undefined ? '' : `${t.actual}${unit}`, share(t.percentOfTarget), `${t.elapsed}%`, state],
        ...(t.met === false && !t.onPace ? { emphasis: 'yellow' as const } : {}),
      });
    }
  }
  return table({
    caption: w.captions.targets,
    columns: [
      numberColumn(m), col(c.point, 16), col(c.id, 9), col(c.target, 20), col(c.goal, 9, { align: 'right' }), col(c.actual, 9, { align: 'right' }),
      col(c.ofTarget, 8, { kind: 'percent' }), col(c.elapsed, 8, { align: 'right' }), col(c.state, 12, { align: 'center' }),
    ],
    rows,
  });
}

function summaryTable(s: SummaryReport, m: Messages, caption: string, nameHeader: string) {
  const c = m.report.col;
  // suspended and cancelled tasks are few: they are in the totals and the JSON, not in a column each
  const cells = (r: SummaryRow) => [r.total, r.done, r.doneLate, r.open, r.red, r.yellow, share(r.rate)];
  return table({
    caption,
    columns: [
      numberColumn(m), col(nameHeader, 20), col(c.total, 6, { kind: 'number' }), col(c.done, 6, { kind: 'number' }), col(c.doneLate, 8, { kind: 'number' }),
      col(c.open, 6, { kind: 'number' }), col(c.red, 5, { kind: 'number' }), col(c.yellow, 5, { kind: 'number' }), col(c.rate, 8, { kind: 'percent' }),
    ],
    rows: s.rows.map((r, i) => ({ cells: [i + 1, r.name || m.views.unnamed, ...cells(r)], ...(r.red > 0 ? { emphasis: 'red' as const } : {}) })),
    total: ['', m.document.total, ...cells(s.total)],
  });
}

function silentTable(items: readonly Evaluated[], m: Messages, caption: string) {
  const c = m.report.col;
  return table({
    caption,
    columns: [numberColumn(m), col(c.id, 9), col(c.task, 22), col(c.leadUnit, 12), col(c.deadline, 10, { align: 'center' }), col(c.latest, 30)],
    rows: items.map((e, i) => ({ cells: [i + 1, e.task.id, e.task.title, leadUnitOf(e.task), e.result.deadline, latest(e, m)] })),
  });
}

function redInPeriodTable(r: PeriodReport, m: Messages, thisWord: string) {
  const w = m.report;
  const c = w.col;
  const rows: DocRow[] = [];
  let n = 0;
  for (const g of r.redInPeriod ?? []) {
    for (const item of g.items) {
      rows.push({
        cells: [++n, g.name, item.e.task.id, item.e.task.title, item.e.result.deadline, item.redNow ? w.still : w.cleared, item.redNow ? item.e.result.daysOverdue : null],
        ...(item.redNow ? { emphasis: 'red' as const } : {}),
      });
    }
  }
  return table({
    caption: w.captions.redInPeriod(thisWord),
    columns: [numberColumn(m), col(c.leadUnit, 14), col(c.id, 9), col(c.task, 28), col(c.deadline, 10, { align: 'center' }), col(c.nowState, 8, { align: 'center' }), col(c.days, 5, { kind: 'number' })],
    rows,
  });
}

/** Judged obligations gathered by task and unit, in the order of their first. */
function byTaskAndUnit(list: readonly Judged[]): Array<{ first: Judged; items: Judged[] }> {
  const groups = new Map<string, { first: Judged; items: Judged[] }>();
  for (const j of list) {
    const key = `${j.task.id}\u0000${j.unit}`;
    const g = groups.get(key);
    if (g) g.items.push(j);
    else groups.set(key, { first: j, items: [j] });
  }
  return [...groups.values()];
}

/** A feedback period's label from its key (2020-09-3 → 2020年9月下旬). */
function periodName(key: string, m: Messages): string {
  const parsed = parsePeriod(key);
  return parsed.ok ? periodLabel(parsed.period, m.lang) : key;
}

function rankBlocks(r: PeriodReport, m: Messages): DocBlock[] {
  const w = m.report;
  const c = w.col;
  const rank = r.rank!;
  const items: DocRow[] = [];
  let n = 0;
  for (const row of rank.rows) {
    // one row per task: what it cost or earned the unit, item by item, and the sum
    const byTask = new Map<string, Array<(typeof row.score.deductions)[number]>>();
    for (const item of [...row.score.deductions, ...row.score.bonuses]) byTask.set(item.taskId, [...(byTask.get(item.taskId) ?? []), item]);
    for (const [taskId, list] of byTask) {
      const missed = list.filter((i) => i.kind === 'missing_feedback');
      const late = list.filter((i) => i.kind === 'late_feedback');
      const matters = [
        ...(missed.length ? [w.item.missing_feedback(w.periodList(missed.map((i) => periodName(i.period!, m))))] : []),
        ...(late.length ? [w.item.late_feedback(w.periodList(late.map((i) => periodName(i.period!, m))))] : []),
        ...list.flatMap((i) => (i.kind === 'red_task' ? [w.item.red_task(i.days ?? 0)] : i.kind === 'sent_back' ? [w.item.sent_back(i.date!)] : i.kind === 'done_on_time' ? [w.item.done_on_time(i.date!)] : [])),
      ];
      const points = Math.round(list.reduce((s, i) => s + i.points, 0) * 100) / 100;
      items.push({ cells: [++n, row.unit, taskId, w.list(matters), points > 0 ? `+${points}` : String(points)] });
    }
  }
  return [
    paragraph(w.rankSummary(rank.best, rank.worst)),
    table({
      caption: w.captions.rank,
      columns: [
        col(c.rank, 4, { kind: 'number', align: 'center' }), col(c.unit, 20), col(c.onTimeRate, 8, { kind: 'percent' }), col(c.late, 5, { kind: 'number' }),
        col(c.missing, 5, { kind: 'number' }), col(c.red, 5, { kind: 'number' }), col(c.rate, 8, { kind: 'percent' }), col(c.score, 7, { kind: 'number', decimals: 1 }),
      ],
      rows: rank.rows.map((row, i) => ({
        cells: [i + 1, row.unit, share(row.onTimeRate), row.late, row.missing, row.red, share(row.completionRate), row.score.score],
        ...(rank.worst.includes(row.unit) ? { emphasis: 'red' as const } : {}),
      })),
    }),
    note(w.scoreRule(rank.rows[0]?.score.base ?? 100)),
    table({
      caption: w.captions.deductions,
      columns: [numberColumn(m), col(c.unit, 16), col(c.id, 9), col(c.matter, 30), col(c.points, 6, { align: 'right' })],
      rows: items,
    }),
  ];
}

/**
 * The document with every table cut to its first `max` rows, its caption saying how many there
 * are: a .docx of a very large plan stays a document one can open, and the full lists are in the
 * .xlsx and JSON forms.
 */
export function capTables(doc: ReportDocument, max: number, m: Messages): ReportDocument {
  const cap = (blocks: readonly DocBlock[]): DocBlock[] =>
    blocks.map((b) => {
      if (b.type === 'section') return { ...b, blocks: cap(b.blocks) };
      if (b.type !== 'table' || b.rows.length <= max) return b;
      return { ...b, caption: m.report.capped(b.caption, max, b.rows.length), rows: b.rows.slice(0, max) };
    });
  return { ...doc, blocks: cap(doc.blocks) };
}
