// The dashboard page in Debian's Chromium, opened from a file as a leader would open it: nothing
// leaves the file, nothing fails, the figures are there, a click filters, hostile names stay text;
// and the page bin/tasks makes of the bundled plan says what the terminal's views say.
// The screenshots and the PDFs are left in <tmpdir>/tasks-dashboard-e2e/ for people to look at.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/index.js';
import { renderDashboard } from '../../src/render/dashboard/page.js';
import { NAME_WIDTH } from '../../src/render/dashboard/picks.js';
import { clip } from '../../src/render/html.js';
import type { DashboardData } from '../../src/reports/dashboard-data.js';
import { HOSTILE, syntheticDashboard } from '../fixtures/dashboard/data.js';
import { spawnTasks } from '../helpers.js';

const CHROMIUM = '/usr/bin/chromium';

const OUT = join(tmpdir(), 'tasks-dashboard-e2e');
const zh = messages('zh');

let context: BrowserContext;
let profile: string;

beforeAll(async () => {
  // required: .ci/run installs it on a fresh machine
  if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM}: install Debian's chromium (apt-get install chromium)`);
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  profile = mkdtempSync(join(tmpdir(), 'tasks-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
    viewport: { width: 1366, height: 768 },
  });
});

afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  requests: string[];
  errors: string[];
  url: string;
}

/** Writes the page to a file, opens it, and records every request and every error. */
async function open(name: string, data: DashboardData): Promise<Opened> {
  const file = join(OUT, `${name}.html`);
  writeFileSync(file, renderDashboard(data, zh));
  return openFile(file);
}

async function openFile(file: string): Promise<Opened> {
  const url = pathToFileURL(file).href;
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => {
    errors.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, requests, errors, url };
}

const visibleRows = (page: Page, list: string) => page.locator(`#${list} tr[data-row]:visible`).count();

describe('the dashboard in Chromium', () => {
  it('loads alone, shows the figures, and filters the lists on a click', async () => {
    const data = syntheticDashboard({ tasks: 141 });
    const { page, requests, errors, url } = await open('dashboard-141', data);

    expect(requests).toEqual([url]);
    for (const h of data.headlines) {
      await expect.poll(() => page.locator(`[data-headline="${h.key}"] .figure`).innerText()).toContain(String(h.value));
    }
    expect(await visibleRows(page, 'red')).toBe(data.red.length);

    // a click on an official's name leaves only that official's red tasks
    const lead = data.red[0]!.leads[0]!;
    const theirs = data.red.filter((t) => t.leads.includes(lead)).length;
    expect(theirs).toBeLessThan(data.red.length);
    await page.locator('#by-lead th .name', { hasText: lead }).click();
    expect(await visibleRows(page, 'red')).toBe(theirs);
    expect(await page.locator('#filter-label').innerText()).toBe(lead);
    expect(await page.locator('#red [data-shown]').innerText()).toBe(String(theirs));

    // a light: no red task is yellow, and the list says so
    await page.locator('#by-lead .legend .l-yellow').click();
    expect(await visibleRows(page, 'red')).toBe(0);
    await expect.poll(() => page.locator('#red tr[data-none]').isVisible()).toBe(true);

    // a red bar segment of a unit: that unit's red tasks
    const unit = data.red[0]!.leadUnit;
    await page.locator(`#by-unit tr:has(th .name:text-is("${unit}")) .seg.l-red`).click();
    expect(await visibleRows(page, 'red')).toBe(data.red.filter((t) => t.leadUnit === unit).length);

    await page.locator('#filter button').click();
    expect(await visibleRows(page, 'red')).toBe(data.red.length);
    expect(await page.locator('#filter').isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('gives a screenshot at 1366×768 and an A4 landscape PDF', async () => {
    const { page, requests, errors, url } = await open('dashboard-print', syntheticDashboard({ tasks: 141 }));
    expect(requests).toEqual([url]);
    const png = await page.screenshot({ path: join(OUT, 'dashboard-141.png') });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const pdf = await page.pdf({ path: join(OUT, 'dashboard-141.pdf'), preferCSSPageSize: true, printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // A4 landscape: 842 × 595 points
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.\d+ 59[45]\.\d+\]/);
    expect(errors).toEqual([]);
  });

  it('shows hostile names as text and runs none of them', async () => {
    const data = syntheticDashboard({ tasks: 141, hostile: true });
    const { page, requests, errors, url } = await open('dashboard-hostile', data);
    expect(requests).toEqual([url]);
    expect(errors).toEqual([]);
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    // long names are cut, and whole in the tooltip
    const lead = page.locator('#by-lead th .name').first();
    expect(await lead.innerText()).toBe(clip(HOSTILE.lead, NAME_WIDTH));
    expect(await lead.getAttribute('title')).toBe(HOSTILE.lead);
    expect(await page.locator('#by-unit th .name').first().getAttribute('title')).toBe(HOSTILE.unit);
    expect(await page.locator('#red td.title', { hasText: '"引号"' }).innerText()).toMatch(/^<b>加粗<\/b>"引号"任务<\/td><\/tr><script>/);
    // the RTL override is dropped, so the name reads as the bytes around it say
    expect(await page.locator('#by-unit th .name').nth(1).innerText()).toBe(HOSTILE.rtl.replace('\u202e', ''));
    expect(await page.title()).toContain(HOSTILE.title);
    await page.locator('#by-lead th .name').first().click();
    expect(await page.locator('#filter-label').innerText()).toBe(HOSTILE.lead);
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
  });

  it('shows the bundled plan as of 2020-09-30 with the figures of tasks overdue and tasks summary', async () => {
    const file = join(OUT, 'bundled-2020-09-30.html');
    const made = spawnTasks(['--as-of', '2020-09-30', 'dashboard', '--out', file]);
    expect(made).toMatchObject({ code: 0, stderr: '' });
    expect(made.stdout.trim()).toMatch(/bundled-2020-09-30\.html$/);
    const json = (...args: string[]) => {
      const r = spawnTasks(['--as-of', '2020-09-30', ...args, '--format', 'json']);
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout);
    };
    const overdue = json('overdue');
    const { total } = json('summary');
    const list = json('list');
    const waiting = list.tasks.filter((t: { awaiting_review: unknown }) => t.awaiting_review !== null).length;

    const { page, requests, errors, url } = await openFile(file);
    expect(requests).toEqual([url]);
    const shown = async (key: string) => Number((await page.locator(`[data-headline="${key}"]`).getAttribute('data-value')) ?? NaN);
    const figure = async (key: string) => (await page.locator(`[data-headline="${key}"] .figure`).innerText()).replace(/[^\d.]/g, '');
    expect(await shown('red')).toBe(overdue.counts.red);
    expect(await figure('red')).toBe(String(overdue.counts.red));
    expect(await shown('total')).toBe(total.total);
    expect(await shown('done')).toBe(total.done);
    expect(await shown('yellow')).toBe(total.yellow);
    expect(await shown('rate')).toBe(total.completion_rate);
    expect(await figure('rate')).toBe(String(total.completion_rate));
    expect(await shown('awaiting_review')).toBe(waiting);
    expect(await visibleRows(page, 'red')).toBe(overdue.tasks.length);
    expect(await page.locator('#red tr[data-row] td.id').allInnerTexts()).toEqual(overdue.tasks.map((t: { id: string }) => t.id));

    // a click on an official leaves the red tasks tasks overdue --lead gives
    const lead = overdue.tasks[0].lead[0] as string;
    const theirs = json('overdue', '--lead', lead).tasks.map((t: { id: string }) => t.id);
    expect(theirs.length).toBeLessThan(overdue.tasks.length);
    await page.locator('#by-lead th .name', { hasText: lead }).click();
    expect(await page.locator('#red tr[data-row]:visible td.id').allInnerTexts()).toEqual(theirs);
    expect(await page.locator('#filter-label').innerText()).toBe(lead);

    await page.locator('#filter button').click();
    await page.screenshot({ path: join(OUT, 'bundled-2020-09-30.png') });
    await page.pdf({ path: join(OUT, 'bundled-2020-09-30.pdf'), preferCSSPageSize: true, printBackground: true });
    expect(requests).toEqual([url]);
    expect(errors).toEqual([]);
  });

  it('is readable with scripts off', async () => {
    const data = syntheticDashboard({ tasks: 141 });
    const file = join(OUT, 'dashboard-noscript.html');
    writeFileSync(file, renderDashboard(data, zh));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    await page.goto(pathToFileURL(file).href);
    expect(await page.locator('html').getAttribute('class')).toBeNull();
    expect(await visibleRows(page, 'red')).toBe(data.red.length);
    expect(await page.locator('.hint').isVisible()).toBe(false);
    expect(await page.locator('#filter').isVisible()).toBe(false);
    expect(readFileSync(file, 'utf8')).toContain(data.red[0]!.id);
  });
});
