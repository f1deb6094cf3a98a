// On the bundled plan, tasks feedback forms and tasks feedback status judge by the same rules as
// tasks report (tasks.config.yaml `feedback`: every 旬, from 1 April 2020, no co-unit tier).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, runJson, tempDir } from '../helpers.js';

async function both(period: string, asOf: string) {
  const report = await runJson(['--as-of', asOf, 'report', 'xun', '--period', period, '--format', 'json']);
  const status = await runJson(['--as-of', asOf, 'feedback', 'status', '--period', period, '--format', 'json']);
  expect([report.code, status.code]).toEqual([0, 0]);
  return { report: report.json.feedback, status: status.json };
}

const key = (j: { id: string; unit: string }) => `${j.id} ${j.unit}`;

describe('feedback status agrees with the period report on the bundled plan', () => {
  it('2020年9月下旬: the same missing and late answers, lead units only', async () => {
    const { report, status } = await both('2020-09-3', '2020-09-30');
    expect(report.missing.length).toBeGreaterThan(0);
    expect(status.counts.missing).toBe(report.missing.length);
    expect(status.counts.late).toBe(report.late.length);
    expect(status.missing.map(key)).toEqual(report.missing.map(key));
    expect(status.late.map(key)).toEqual(report.late.map(key));
    expect(status.missing.every((j: { tier: string }) => j.tier === 'lead')).toBe(true);
    expect(status.co_units_reply_by).toBeNull();
  });

  it('seen later, answers that came after the due date are late rather than missing, and nothing else moves', async () => {
    const { report, status } = await both('2020-09-3', '2020-12-31');
    // the report judges the period at its end; status as of the day asked, so late arrivals count as late
    expect(status.counts.missing + status.counts.late).toBe(report.missing.length + report.late.length);
    expect([...status.missing, ...status.late].map(key).sort()).toEqual([...report.missing, ...report.late].map(key).sort());
  });

  it('2020年3月中旬, before the rules start on 1 April: nothing owed by either, and no forms written', async () => {
    const { report, status } = await both('2020-03-2', '2020-03-20');
    expect([report.missing.length, report.late.length]).toEqual([0, 0]);
    expect([status.counts.missing, status.counts.late, status.counts.owed, status.owed]).toEqual([0, 0, 0, false]);
    const text = await run(['--as-of', '2020-03-20', 'feedback', 'status', '--period', '2020-03-2', '--check']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('2020年3月中旬早于反馈规则的起报日期（tasks.config.yaml 中 feedback.start），本期不要求反馈');
    const out = tempDir();
    const forms = await run(['--as-of', '2020-03-15', 'feedback', 'forms', '--period', '2020-03-2', '--out', out]);
    expect(forms.code).toBe(0);
    expect(forms.stdout).toBe('');
    expect(forms.stderr).toContain('2020年3月中旬早于反馈规则的起报日期 2020-04-01（tasks.config.yaml 中 feedback.start），本期不要求反馈，未生成反馈表');
    expect(existsSync(join(out, '反馈表-2020-03-2'))).toBe(false);
  });
});
