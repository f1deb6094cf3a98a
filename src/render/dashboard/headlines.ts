// The headline figures as tiles: the figure large, its change since the previous 旬 and month
// small beneath, coloured by whether the change is good news.
import type { Messages } from '../../i18n/index.js';
import type { DashboardData, Headline, HeadlineKey } from '../../reports/dashboard-data.js';
import { esc } from '../html.js';
import { pickAttributes } from './picks.js';

/** Which way is good news for each figure; total and awaiting review are neither. */
const BETTER: Readonly<Record<HeadlineKey, 'up' | 'down' | undefined>> = {
  total: undefined,
  done: 'up',
  rate: 'up',
  red: 'down',
  yellow: 'down',
  awaiting_review: undefined,
  on_time_rate: 'up',
};

const isPercent = (key: HeadlineKey) => key === 'rate' || key === 'on_time_rate';

function round(value: number, key: HeadlineKey): number {
  return isPercent(key) ? Math.round(value * 10) / 10 : Math.round(value);
}

function change(h: Headline, value: number | undefined, label: string, since: string | undefined, m: Messages): string {
  if (value === undefined) return '';
  const delta = round(value, h.key);
  const better = BETTER[h.key];
  const tone = delta === 0 || better === undefined ? 'flat' : (delta > 0) === (better === 'up') ? 'good' : 'bad';
  const arrow = delta > 0 ? '▲' : delta < 0 ? '▼' : '';
  const title = since ? ` title="${esc(m.dashboard.comparedWith(since))}"` : '';
  return `<li class="${tone}"${title}><span>${esc(label)}</span> <b>${arrow}${esc(m.dashboard.change(Math.abs(delta), isPercent(h.key)))}</b></li>`;
}

export function renderHeadlines(data: DashboardData, m: Messages): string {
  const w = m.dashboard;
  const tiles = data.headlines.map((h) => {
    const value = round(h.value, h.key);
    const figure = isPercent(h.key) ? `${value}<small>%</small>` : `${value}<small>${esc(w.countUnit)}</small>`;
    const light = h.key === 'red' || h.key === 'yellow' ? h.key : undefined;
    const pick = light ? pickAttributes({ light, label: w.lights[light] }) : '';
    const changes =
      change(h, h.sinceXun, w.sinceXun, data.compareTo.xun, m) + change(h, h.sinceMonth, w.sinceMonth, data.compareTo.month, m);
    return (
      `<div class="tile t-${h.key}" data-headline="${h.key}" data-value="${value}"${pick}>` +
      `<div class="label">${esc(w.headline[h.key])}</div><div class="figure">${figure}</div>` +
      `${h.period ? `<div class="round">${esc(w.roundOf(w.period(h.period)))}</div>` : ''}` +
      `${changes ? `<ul class="changes">${changes}</ul>` : ''}</div>`
    );
  });
  return `<section class="tiles">${tiles.join('')}</section>`;
}
