// The period report and reminders through the built bin/tasks on the bundled plan.
import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, spawnTasks, tempDir } from '../helpers.js';

const trace = join(ROOT, 'test', 'e2e', 'trace-modules.cjs');

describe('tasks report from bin/tasks', () => {
  it('gives the JSON contract’s keys for 2020年9月下旬 on the bundled plan, the same in any time zone', () => {
    const outputs = ['UTC', 'America/New_York'].map((tz) => spawnTasks(['--as-of', '2020-10-01', 'report', 'xun', '--period', '2020-09-3', '--format', 'json'], { env: { TZ: tz } }));
    for (const r of outputs) expect(r.code).toBe(0);
    expect(outputs[0]!.stdout).toBe(outputs[1]!.stdout);
    const json = JSON.parse(outputs[0]!.stdout);
    for (const key of ['period', 'previous', 'headline', 'done_in_period', 'newly_red', 'no_longer_red', 'still_red', 'extensions', 'due_next', 'feedback', 'categories', 'targets', 'by_lead', 'by_unit']) {
      expect(json, key).toHaveProperty(key);
    }
    expect(json.period).toMatchObject({ kind: 'xun', start: '2020-09-21', end: '2020-09-30', label: '2020年9月下旬' });
    expect(json.previous).toMatchObject({ kind: 'xun', start: '2020-09-11', end: '2020-09-20' });
    expect(json.extensions.map((x: { id: string }) => x.id)).toEqual(['2020-121']);
    expect(json.feedback.missing.map((j: { id: string }) => j.id).sort()).toEqual(['2020-010', '2020-046', '2020-064', '2020-095']);
    for (const list of [json.done_in_period, json.newly_red, json.no_longer_red, json.still_red, json.feedback.missing, json.feedback.late]) {
      for (const item of list) expect(typeof item.id).toBe('string');
    }
  }, 60_000);

  it('does not load the docx or exceljs packages for a report in text', () => {
    const r = spawnSync(process.execPath, ['--require', trace, BIN, '--as-of', '2020-10-01', 'report', 'xun'], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
    const loaded = (r.stderr.split('\n').find((l) => l.startsWith('LOADED:')) ?? 'LOADED:').slice(7).split(',');
    expect(r.status).toBe(0);
    expect(loaded).not.toContain('docx');
    expect(loaded).not.toContain('exceljs');
  }, 60_000);

  it('numbers reminders in a copy of the bundled plan outside git and says how many went to whom', () => {
    const dir = tempDir();
    cpSync(join(ROOT, 'tasks'), join(dir, 'tasks'), { recursive: true });
    cpSync(join(ROOT, 'tasks.config.yaml'), join(dir, 'tasks.config.yaml'));
    const r = spawnTasks(['--as-of', '2020-10-01', 'remind', '--format', 'md'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# 催办单');
    expect(r.stderr).toMatch(/已出催办单\d+份（催办〔2020〕第1号至催办〔2020〕第\d+号）：区发改委\d项/);
  }, 60_000);
});
