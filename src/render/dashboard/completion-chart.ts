// Completion over the year: the share of tasks done by each 旬 end, against the diagonal of time
// elapsed. A line under the diagonal is work behind the calendar.
import { diffDays, parts, ymd, type IsoDate } from '../../core/dates.js';
import { elapsedShare } from '../../core/light.js';
import type { Messages } from '../../i18n/index.js';
import type { Completion } from '../../reports/dashboard-data.js';
import { esc, n } from '../html.js';

const WIDTH = 640;
const HEIGHT = 270;
const LEFT = 40;
const RIGHT = 56;
const TOP = 28;
const BOTTOM = 26;

export function renderCompletion(completion: Completion, asOf: IsoDate, m: Messages): string {
  const w = m.dashboard;
  const { yearStart, yearEnd, points } = completion;
  const span = Math.max(1, diffDays(yearEnd, yearStart));
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const clampDays = (date: IsoDate) => Math.min(span, Math.max(0, diffDays(date, yearStart)));
  const x = (date: IsoDate) => LEFT + (clampDays(date) / span) * plotWidth;
  const y = (share: number) => TOP + (1 - Math.min(100, Math.max(0, share)) / 100) * plotHeight;
  const elapsed = elapsedShare(yearStart, yearEnd, asOf);
  const out = [`<svg class="completion" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${esc(w.section.completion)}">`];

  for (const share of [0, 25, 50, 75, 100]) {
    out.push(`<line class="grid" x1="${LEFT}" x2="${LEFT + plotWidth}" y1="${n(y(share))}" y2="${n(y(share))}"/>`);
    out.push(`<text class="axis" x="${LEFT - 6}" y="${n(y(share))}" text-anchor="end" dominant-baseline="central">${share}%</text>`);
  }
  const { year } = parts(yearStart);
  for (let month = 1; month <= 12; month++) {
    const start = ymd(year, month, 1);
    if (start < yearStart || start > yearEnd) continue;
    out.push(`<line class="tick" x1="${n(x(start))}" x2="${n(x(start))}" y1="${TOP + plotHeight}" y2="${TOP + plotHeight + 4}"/>`);
    out.push(`<text class="axis" x="${n(x(ymd(year, month, 15)))}" y="${HEIGHT - 8}" text-anchor="middle">${esc(w.month(month))}</text>`);
  }

  // the time-elapsed diagonal, labelled near its top end
  out.push(`<line class="diag" x1="${n(x(yearStart))}" y1="${n(y(0))}" x2="${n(x(yearEnd))}" y2="${n(y(100))}"/>`);
  out.push(`<text class="diag-label" x="${n(x(yearEnd) + 4)}" y="${n(y(100))}" dominant-baseline="central">${esc(w.timeLine)}</text>`);

  const asOfX = x(asOf);
  out.push(`<line class="asof" x1="${n(asOfX)}" x2="${n(asOfX)}" y1="${TOP - 14}" y2="${TOP + plotHeight}"/>`);
  out.push(`<text class="asof-label" x="${n(asOfX)}" y="${TOP - 18}" text-anchor="middle">${esc(w.shortDate(asOf))}</text>`);
  out.push(`<circle class="diag-dot" cx="${n(asOfX)}" cy="${n(y(elapsed))}" r="3.5"/>`);
  // left of the dot, unless that would run into the y axis's labels early in the year
  const left = asOfX - LEFT > 40;
  out.push(
    `<text class="diag-value" x="${n(asOfX + (left ? -6 : 6))}" y="${n(y(elapsed) - (left ? 0 : 10))}" text-anchor="${left ? 'end' : 'start'}"` +
      ` dominant-baseline="central">${elapsed}%</text>`,
  );

  if (points.length > 0) {
    const coords = points.map((p) => `${n(x(p.date))},${n(y(p.share))}`);
    const first = points[0]!;
    const last = points.at(-1)!;
    out.push(`<path class="done-area" d="M${n(x(first.date))},${n(y(0))}L${coords.join('L')}L${n(x(last.date))},${n(y(0))}Z"/>`);
    out.push(`<polyline class="done-line" points="${coords.join(' ')}"/>`);
    for (const p of points) {
      out.push(`<circle class="done-dot" cx="${n(x(p.date))}" cy="${n(y(p.share))}" r="2.5"><title>${esc(`${w.shortDate(p.date)} ${p.share}%`)}</title></circle>`);
    }
    out.push(
      `<text class="done-value" x="${n(x(last.date) + 6)}" y="${n(y(last.share))}" dominant-baseline="central">${last.share}%</text>`,
    );
  }
  out.push(
    `<g class="key" transform="translate(${LEFT + 8},${TOP + 6})"><line class="done-line" x1="0" x2="18" y1="0" y2="0"/>` +
      `<text x="24" y="0" dominant-baseline="central">${esc(w.doneLine)}</text>` +
      `<line class="diag" x1="0" x2="18" y1="18" y2="18"/><text x="24" y="18" dominant-baseline="central">${esc(w.timeLine)}</text></g>`,
  );
  out.push('</svg>');
  return out.join('');
}

/** The one-line reading of the chart: done share at the last point against time elapsed. */
export function completionNote(completion: Completion, asOf: IsoDate, m: Messages): string {
  if (completion.total === 0) return `<p class="none">${esc(m.dashboard.none.chart)}</p>`;
  const share = completion.points.at(-1)?.share ?? 0;
  const elapsed = elapsedShare(completion.yearStart, completion.yearEnd, asOf);
  const gap = Math.round((elapsed - share) * 10) / 10;
  return `<p class="note${gap > 0 ? ' behind' : ''}">${esc(m.dashboard.completionNote(share, elapsed, gap))}</p>`;
}
