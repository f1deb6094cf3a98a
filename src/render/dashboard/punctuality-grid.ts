// Feedback punctuality: units down, the recent periods of the feedback cycle (旬 by default) across. A table rather than a drawing, so that it
// prints without cut rows and reads as text; each cell has a mark as well as a colour, for
// black-and-white printers.
import type { Messages } from '../../i18n/index.js';
import { PUNCTUALITY, type PunctualityGrid } from '../../reports/dashboard-data.js';
import { esc } from '../html.js';
import { pickName, type Picks } from './picks.js';

export function renderPunctuality(grid: PunctualityGrid, picks: Picks, m: Messages): string {
  const w = m.dashboard;
  if (grid.periods.length === 0 || grid.rows.length === 0) return `<p class="none">${esc(w.none.punctuality)}</p>`;
  const head = grid.periods.map((period) => `<th scope="col">${esc(w.period(period))}</th>`).join('');
  const rows = grid.rows.map((row) => {
    const name = `<th scope="row">${pickName(row.unit, { unit: picks.unit(row.unit) })}</th>`;
    const cells = grid.periods.map((_, i) => {
      const state = row.cells[i] ?? 'none';
      return `<td class="p-${state}" title="${esc(w.punctuality[state])}">${esc(w.punctualityMark[state])}</td>`;
    });
    return `<tr>${name}${cells.join('')}</tr>`;
  });
  const key = PUNCTUALITY.map((state) => `<li><i class="p-${state}">${esc(w.punctualityMark[state])}</i>${esc(w.punctuality[state])}</li>`)
    .join('');
  return (
    `<ul class="legend pkey">${key}</ul>` +
    `<table class="grid"><thead><tr><th scope="col">${esc(w.col.unit)}</th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}
