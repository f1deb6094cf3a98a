// Exports through the built bin/tasks: exceljs stays off the path of the views, and the files are
// the same bytes whatever the machine's time zone.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, fixture, ROOT, spawnTasks, tempDir } from '../helpers.js';

const trace = join(ROOT, 'test', 'e2e', 'trace-modules.cjs');

function loadedBy(args: string[]): string[] {
  const r = spawnSync(process.execPath, ['--require', trace, BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
  const line = r.stderr.split('\n').find((l) => l.startsWith('LOADED:')) ?? 'LOADED:';
  return line.slice('LOADED:'.length).split(',').filter(Boolean);
}

describe('start-up stays lean', () => {
  it('does not load exceljs for tasks list or tasks overdue, but does for tasks export xlsx', () => {
    const plan = ['--dir', fixture('lights'), '--as-of', '2020-09-30'];
    expect(loadedBy([...plan, 'list'])).not.toContain('exceljs');
    expect(loadedBy([...plan, 'overdue'])).not.toContain('exceljs');
    expect(loadedBy([...plan, 'export', 'xlsx', '--out', tempDir(), '--quiet'])).toContain('exceljs');
  });
});

describe('tasks export xlsx from bin/tasks', () => {
  it('prints nothing with --quiet and gives the same bytes in any time zone', () => {
    const hashes = ['UTC', 'Asia/Shanghai', 'America/New_York'].map((tz) => {
      const out = tempDir();
      const r = spawnTasks(['--dir', fixture('lights'), '--as-of', '2020-09-30', 'export', 'xlsx', '--out', out, '--quiet'], { env: { TZ: tz } });
      expect(r.code).toBe(0);
      expect(r.stdout + r.stderr).toBe('');
      const dir = join(out, '2020-09-30');
      return readdirSync(dir).sort().map((f) => createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')).join(',');
    });
    expect(new Set(hashes).size).toBe(1);
  });
});
