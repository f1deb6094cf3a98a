// The leadership dashboard: DashboardData → one self-contained HTML page. Nothing outside the
// file is loaded (the Content-Security-Policy forbids it), charts are inline SVG drawn here, and
// the same data always gives the same bytes.
import { createHash } from 'node:crypto';
import type { Messages } from '../../i18n/index.js';
import type { Filter } from '../../core/filter.js';
import type { DashboardData, Scope } from '../../reports/dashboard-data.js';
import { esc } from '../html.js';
import { completionNote, renderCompletion } from './completion-chart.js';
import { renderHeadlines } from './headlines.js';
import { renderLegend, renderLightBars } from './light-bars.js';
import { renderRedList, renderReviewList, renderTargetList } from './lists.js';
import { picksOf } from './picks.js';
import { renderPunctuality } from './punctuality-grid.js';
import { SCRIPT } from './script.js';
import { STYLE } from './style.js';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * Only the page's own stylesheet and script may run, by hash: a <style> or <script> that got into
 * the page any other way is refused, and nothing may be fetched (fonts, images, frames, requests).
 * Style attributes are refused too; the page has none (SVG uses presentation attributes).
 */
function contentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    `style-src ${sha256(STYLE)}`,
    `script-src ${sha256(SCRIPT)}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The filters in words: 牵头领导：常务副区长、区长；灯色：红灯 */
function scopeText(scope: Scope, m: Messages): string {
  const w = m.dashboard;
  const parts: string[] = [];
  for (const key of Object.keys(w.scopeKey) as Array<keyof Filter>) {
    const value = scope.filter[key];
    if (value === undefined) continue;
    const values = (Array.isArray(value) ? value : [value]).map((v) =>
      key === 'light' ? w.lights[v as keyof typeof w.lights] : key === 'status' ? m.status[v as keyof typeof m.status] : String(v),
    );
    parts.push(`${w.scopeKey[key]}${m.lang === 'zh' ? '：' : ': '}${values.join(m.lang === 'zh' ? '、' : ', ')}`);
  }
  return w.scope(scope.tasks, scope.of, parts);
}

export function renderDashboard(data: DashboardData, m: Messages): string {
  const w = m.dashboard;
  const picks = picksOf(data);
  const empty = data.byLead.length === 0 && data.byUnit.length === 0 && data.red.length === 0 && data.completion.total === 0;
  const body: string[] = [
    `<header><h1>${esc(w.heading(data.title))}</h1><p class="asof">${esc(w.asOf(data.asOf))}</p></header>`,
  ];
  if (data.scope) body.push(`<p class="scope">${esc(scopeText(data.scope, m))}</p>`);
  if (data.unreadable > 0) body.push(`<p class="warn">${esc(w.unreadable(data.unreadable))}</p>`);
  if (empty) body.push(`<p class="warn">${esc(w.empty)}</p>`);
  body.push(renderHeadlines(data, m));
  body.push(`<p class="hint">${esc(w.filter.hint)}</p>`);
  body.push(
    `<p id="filter" class="filter" aria-live="polite" hidden>${esc(w.filter.label)}<b id="filter-label"></b>` +
      `<button type="button" data-clear>${esc(w.filter.clear)}</button></p>`,
  );
  body.push(
    `<div class="cols"><section class="card" id="completion"><h2>${esc(w.section.completion)}</h2>` +
      `${completionNote(data.completion, data.asOf, m)}${renderCompletion(data.completion, data.asOf, m)}</section>` +
      `<section class="card" id="by-lead"><h2>${esc(w.section.byLead)}</h2>${renderLightBars(data.byLead, 'lead', picks, m)}${data.byLead.length ? renderLegend(m) : ''}</section></div>`,
  );
  body.push(renderRedList(data.red, picks, m));
  body.push(
    `<div class="cols"><section class="card tall" id="by-unit"><h2>${esc(w.section.byUnit)}</h2>${data.byUnit.length ? renderLegend(m) : ''}${renderLightBars(data.byUnit, 'unit', picks, m)}</section>` +
      `<section class="card tall" id="punctuality"><h2>${esc(w.section.punctuality)}</h2>${renderPunctuality(data.punctuality, picks, m)}</section></div>`,
  );
  body.push(renderTargetList(data.targets, data.targetCount, picks, m));
  body.push(renderReviewList(data.awaitingReview, picks, m));
  body.push(`<footer>${esc(w.footer(data.asOf))}</footer>`);
  return [
    '<!DOCTYPE html>',
    `<html lang="${w.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(w.docTitle(data.title, data.asOf))}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
