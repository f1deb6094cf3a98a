// The lists under the charts: red tasks (all of them), tasks awaiting review (capped) and targets
// (as many as the report carries), with a line saying how many more there are. Each row says whose it is, for the filter.
import type { Reason } from '../../core/light.js';
import type { Messages } from '../../i18n/index.js';
import type { ListedTask, RedItem, ReviewItem, TargetItem } from '../../reports/dashboard-data.js';
import { reasonText } from '../task-view.js';
import { clip, esc } from '../html.js';
import { pickName, rowAttributes, type Picks } from './picks.js';
import { renderTargetBar, targetValue } from './target-bar.js';

/** Beyond these a list says how many more there are: the page must stay small for a large plan. */
export const REVIEW_CAP = 200;

interface Column<T> {
  head: string;
  className?: string;
  cell: (item: T) => string;
}

function list<T extends ListedTask>(
  key: string,
  heading: string,
  items: readonly T[],
  cap: number,
  columns: ReadonlyArray<Column<T>>,
  empty: string,
  picks: Picks,
  m: Messages,
  intro = '',
  total = items.length,
): string {
  const w = m.dashboard;
  const shown = items.slice(0, cap);
  const [before = '', after = ''] = w.filteredCount('\u0001').split('\u0001');
  const head = columns.map((c) => `<th scope="col"${c.className ? ` class="${c.className}"` : ''}>${esc(c.head)}</th>`).join('');
  const rows = shown.map(
    (item) =>
      `<tr${rowAttributes(item, picks)}>${columns.map((c) => `<td${c.className ? ` class="${c.className}"` : ''}>${c.cell(item)}</td>`).join('')}</tr>`,
  );
  const span = columns.length;
  if (total === 0) rows.push(`<tr class="none"><td colspan="${span}">${esc(empty)}</td></tr>`);
  else rows.push(`<tr class="none" data-none hidden><td colspan="${span}">${esc(w.noMatch)}</td></tr>`);
  const more = total > shown.length ? `<p class="more">${esc(w.more(shown.length, total))}</p>` : '';
  return (
    `<section class="card list" id="${key}" data-list><h2>${esc(heading)}<small>${esc(w.listCount(total))}</small>` +
    `<small class="shown" hidden>${esc(before)}<b data-shown></b>${esc(after)}</small></h2>${intro}` +
    `<table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>${more}</section>`
  );
}

function leadsCell(item: ListedTask, picks: Picks): string {
  return item.leads.map((name) => pickName(name, { lead: picks.lead(name) })).join('<br>');
}

function unitCell(item: ListedTask, picks: Picks): string {
  return pickName(item.leadUnit, { unit: picks.unit(item.leadUnit) });
}

function titleCell(item: ListedTask, m: Messages): string {
  return `<span class="dot l-${item.light}" title="${esc(m.dashboard.lights[item.light])}"></span>${esc(clip(item.title, 60))}`;
}

/** Days overdue, and the deadline passed when that is why the task is red. */
function daysCell(item: RedItem, m: Messages): string {
  const overdue = item.reasons.find((r) => r.kind === 'overdue');
  const deadline = overdue ? `<div class="sub">${esc(m.dashboard.deadline(overdue.deadline))}</div>` : '';
  return `${esc(m.dashboard.days(item.daysOverdue))}${deadline}`;
}

/** The reasons besides a passed deadline, which the days column already says. */
function otherReasons(item: RedItem): Reason[] {
  return item.reasons.filter((r) => r.kind !== 'overdue');
}

export function renderRedList(items: readonly RedItem[], picks: Picks, m: Messages): string {
  const w = m.dashboard;
  const columns: Array<Column<RedItem>> = [
    { head: w.col.id, className: 'id', cell: (t) => esc(t.id) },
    { head: w.col.title, className: 'title', cell: (t) => titleCell(t, m) },
    { head: w.col.lead, className: 'who', cell: (t) => leadsCell(t, picks) },
    { head: w.col.leadUnit, className: 'who', cell: (t) => unitCell(t, picks) },
    { head: w.col.daysOverdue, className: 'days', cell: (t) => daysCell(t, m) },
    { head: w.col.reasons, className: 'why', cell: (t) => esc(clip(otherReasons(t).map((r) => reasonText(r, m)).join('；'), 90)) },
    {
      head: w.col.latest,
      className: 'latest',
      cell: (t) =>
        t.latest
          ? `<time>${esc(w.shortDate(t.latest.date))}</time> ${esc(clip(t.latest.note, 120))}`
          : `<span class="muted">${esc(w.noFeedback)}</span>`,
    },
  ];
  return list('red', w.section.red, items, Number.POSITIVE_INFINITY, columns, w.none.red, picks, m);
}

export function renderReviewList(items: readonly ReviewItem[], picks: Picks, m: Messages): string {
  const w = m.dashboard;
  const columns: Array<Column<ReviewItem>> = [
    { head: w.col.id, className: 'id', cell: (t) => esc(t.id) },
    { head: w.col.title, className: 'title', cell: (t) => titleCell(t, m) },
    { head: w.col.lead, className: 'who', cell: (t) => leadsCell(t, picks) },
    { head: w.col.leadUnit, className: 'who', cell: (t) => unitCell(t, picks) },
    { head: w.col.reportedOn, className: 'date', cell: (t) => esc(w.shortDate(t.reportedOn)) },
    { head: w.col.note, className: 'latest', cell: (t) => esc(clip(t.note, 80)) },
  ];
  return list('review', w.section.review, items, REVIEW_CAP, columns, w.none.review, picks, m);
}

/** The targets the report lists (`items`) of `total`. */
export function renderTargetList(items: readonly TargetItem[], total: number, picks: Picks, m: Messages): string {
  const w = m.dashboard;
  const columns: Array<Column<TargetItem>> = [
    { head: w.col.id, className: 'id', cell: (t) => esc(t.id) },
    { head: w.col.target, className: 'title', cell: (t) => `${titleCell({ ...t, title: t.name }, m)}<div class="sub">${esc(clip(t.title, 50))}</div>` },
    { head: w.col.leadUnit, className: 'who', cell: (t) => unitCell(t, picks) },
    { head: w.col.progress, className: 'bar', cell: (t) => renderTargetBar(t, m) },
    { head: '', className: 'value', cell: (t) => esc(targetValue(t, m)) },
  ];
  const key = items.length > 0 ? `<p class="key">${esc(w.targetKey)}</p>` : '';
  return list('targets', w.section.targets, items, items.length, columns, w.none.targets, picks, m, key, total);
}
