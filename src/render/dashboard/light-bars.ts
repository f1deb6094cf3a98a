// Lights per official or per unit as stacked horizontal bars, one table row per name in roster
// order, so that a long roster breaks across printed pages between rows. All bars share one
// scale (a longer bar is more tasks); red is drawn first so that the reds line up on the left.
import type { Light } from '../../core/light.js';
import type { Messages } from '../../i18n/index.js';
import type { LightRow } from '../../reports/dashboard-data.js';
import { esc, n } from '../html.js';
import { pickAttributes, pickName, type Picks } from './picks.js';

/** The lights a bar shows, in drawing order; cancelled tasks are left out of the bars. */
const BAR_LIGHTS = ['red', 'yellow', 'green', 'done_late', 'done', 'suspended'] as const satisfies readonly Light[];

const WIDTH = 400;
const HEIGHT = 18;
// the smallest segment that still has room for its count written inside it
const DIGIT = 7.5;

export function renderLightBars(rows: readonly LightRow[], by: 'lead' | 'unit', picks: Picks, m: Messages): string {
  const w = m.dashboard;
  if (rows.length === 0) return `<p class="none">${esc(w.none.chart)}</p>`;
  const totals = rows.map((r) => BAR_LIGHTS.reduce((sum, light) => sum + r.counts[light], 0));
  const scale = WIDTH / Math.max(1, ...totals);
  const body = rows.map((row, i) => {
    const token = by === 'lead' ? { lead: picks.lead(row.name) } : { unit: picks.unit(row.name) };
    const parts = BAR_LIGHTS.filter((light) => row.counts[light] > 0).map((light) => [w.lights[light], row.counts[light]] as const);
    if (row.counts.cancelled > 0) parts.push([w.lights.cancelled, row.counts.cancelled]);
    const tooltip = `<title>${esc(w.barTitle(row.name, parts))}</title>`;
    const segments: string[] = [];
    let x = 0;
    for (const light of BAR_LIGHTS) {
      const count = row.counts[light];
      if (count === 0) continue;
      const width = count * scale;
      const label = width >= String(count).length * DIGIT + 4
        ? `<text x="${n(x + width / 2)}" y="${HEIGHT / 2}" text-anchor="middle" dominant-baseline="central">${count}</text>`
        : '';
      segments.push(
        `<g class="seg l-${light}"${pickAttributes({ ...token, light, label: w.filter.text(row.name, w.lights[light]) })}>` +
          `<rect x="${n(x)}" y="0" width="${n(width)}" height="${HEIGHT}"/>${label}${tooltip}</g>`,
      );
      x += width;
    }
    return (
      `<tr><th scope="row">${pickName(row.name, token)}</th>` +
      `<td class="bar"><svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${esc(w.barTitle(row.name, parts))}">${segments.join('')}</svg></td>` +
      `<td class="count">${esc(w.tasks(totals[i]!))}</td></tr>`
    );
  });
  return `<table class="bars ${by}"><tbody>${body.join('')}</tbody></table>`;
}

/** The key to the bar colours; each light filters the lists by that light. */
export function renderLegend(m: Messages): string {
  const w = m.dashboard;
  const items = BAR_LIGHTS.map(
    (light) => `<li class="l-${light}"${pickAttributes({ light, label: w.lights[light] })}><i></i>${esc(w.lights[light])}</li>`,
  );
  return `<ul class="legend">${items.join('')}</ul>`;
}
