// The dashboard page as text: reproducible, self-contained, escaped, complete where it must be.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/index.js';
import { REVIEW_CAP } from '../../src/render/dashboard/lists.js';
import { TARGETS_SHOWN } from '../../src/reports/dashboard.js';
import { renderDashboard } from '../../src/render/dashboard/page.js';
import { emptyDashboard, HOSTILE, syntheticDashboard } from '../fixtures/dashboard/data.js';

const zh = messages('zh');
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');
const between = (html: string, open: string, close: string) => {
  const start = html.indexOf(open) + open.length;
  return html.slice(start, html.indexOf(close, start));
};
/** the rows of one list section: the HTML from its id to the end of its table */
const sectionRows = (html: string, id: string) => {
  const start = html.indexOf(`<section class="card list" id="${id}"`);
  return (html.slice(start, html.indexOf('</section>', start)).match(/<tr data-row/g) ?? []).length;
};

describe('renderDashboard', () => {
  it('gives the same bytes for the same data', () => {
    const a = renderDashboard(syntheticDashboard({ tasks: 141 }), zh);
    const b = renderDashboard(syntheticDashboard({ tasks: 141 }), zh);
    expect(createHash('sha256').update(a).digest('hex')).toBe(createHash('sha256').update(b).digest('hex'));
  });

  it('allows its own style and script by hash and nothing else', () => {
    const html = renderDashboard(syntheticDashboard({ tasks: 141 }), zh);
    const csp = between(html, '<meta http-equiv="Content-Security-Policy" content="', '">');
    const style = between(html, '<style>', '</style>');
    const script = between(html, '<script>', '</script>');
    expect(csp.split('; ')).toEqual([
      "default-src 'none'",
      `style-src 'sha256-${sha256(style)}'`,
      `script-src 'sha256-${sha256(script)}'`,
      "base-uri 'none'",
      "form-action 'none'",
    ]);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html.match(/<style/g)).toHaveLength(1);
    expect(html).not.toMatch(/\bsrc=|\bhref=|url\(|@import|https?:|\sstyle="/);
  });

  it('shows hostile names as text: no tag, attribute or bidi control of theirs survives', () => {
    const data = syntheticDashboard({ tasks: 141, hostile: true });
    const html = renderDashboard(data, zh);
    for (const name of Object.values(HOSTILE)) expect(html).not.toContain(name);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>加粗');
    expect(html).not.toContain('</svg><img');
    expect(html).not.toContain('\u202e');
    expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;副区长');
    expect(html).toContain('&lt;/svg&gt;&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;区&quot;局&#39;');
    // every attribute value is quoted and holds no raw quote: the count of quotes is even per tag
    for (const tag of html.match(/<[a-z][^>]*>/g) ?? []) expect((tag.match(/"/g) ?? []).length % 2).toBe(0);
  });

  it('carries the headline figures and lists every red task, however many', () => {
    const data = syntheticDashboard({ tasks: 10_000 });
    const html = renderDashboard(data, zh);
    for (const h of data.headlines) expect(html).toContain(`data-headline="${h.key}" data-value="${h.value}"`);
    expect(data.red.length).toBeGreaterThan(500);
    expect(sectionRows(html, 'red')).toBe(data.red.length);
    expect(data.targetCount).toBeGreaterThan(TARGETS_SHOWN);
    expect(sectionRows(html, 'targets')).toBe(TARGETS_SHOWN);
    expect(html).toContain(zh.dashboard.more(TARGETS_SHOWN, data.targetCount));
    expect(sectionRows(html, 'review')).toBe(Math.min(REVIEW_CAP, data.awaitingReview.length));
    // a page to e-mail and open on an old office computer
    expect(Buffer.byteLength(html)).toBeLessThan(3_000_000);
  });

  it('tags list rows with the official, unit and light a click filters by', () => {
    const data = syntheticDashboard({ tasks: 141 });
    const html = renderDashboard(data, zh);
    const first = data.red[0]!;
    const lead = data.byLead.findIndex((r) => r.name === first.leads[0]);
    const unit = data.byUnit.findIndex((r) => r.name === first.leadUnit);
    expect(html).toMatch(new RegExp(`<tr data-row data-lead="[^"]*\\b${lead}\\b[^"]*" data-unit="${unit}" data-light="red"><td class="id">${first.id}<`));
    expect(html).toContain(`<span class="name" data-pick tabindex="0" role="button" data-lead="${lead}" data-label="${first.leads[0]}">`);
  });

  it('reads the completion chart in words: done against time elapsed', () => {
    const data = syntheticDashboard({ tasks: 141 });
    const behind = { ...data, completion: { ...data.completion, points: [{ date: '2020-09-30', done: 40, share: 40 }] } };
    expect(renderDashboard(behind, zh)).toContain('<p class="note behind">已完成 40%，时间已过 75%，落后时间进度 35 个百分点</p>');
    const ahead = { ...data, completion: { ...data.completion, points: [{ date: '2020-09-30', done: 80, share: 80.5 }] } };
    expect(renderDashboard(ahead, zh)).toContain('<p class="note">已完成 80.5%，时间已过 75%，快于时间进度 5.5 个百分点</p>');
  });

  it('says so when the plan is empty, and when nothing is red', () => {
    const html = renderDashboard(emptyDashboard(), zh);
    expect(html).toContain(zh.dashboard.empty);
    expect(html).toContain(zh.dashboard.none.red);
    expect(html).toContain(zh.dashboard.none.punctuality);
    expect(html).not.toContain('<tr data-row');
    expect(html).not.toContain('落后时间进度');
    expect(html).not.toContain('class="legend"');
  });

  it('speaks English with the English catalog', () => {
    const en = messages('en');
    const html = renderDashboard(syntheticDashboard({ tasks: 141 }), en);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(`<h2>${en.dashboard.section.red}<small>`);
    expect(html).toContain('as of 30 September 2020');
  });
});
