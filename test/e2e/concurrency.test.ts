// Four processes recording progress on one task at the same moment lose none of their entries, and
// four creating tasks at the same moment never hand out one id twice.
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { BIN, copyFixture } from '../helpers.js';

const WORKERS = 4;
const EACH = 25;

function worker(dir: string, n: number): Promise<number> {
  const script = `
    const { spawnSync } = require('node:child_process');
    let failures = 0;
    for (let i = 1; i <= ${EACH}; i++) {
      const r = spawnSync(process.execPath, [${JSON.stringify(BIN)}, '--as-of', '2020-09-30', 'progress', '2020-003', 'w${n}-' + i, '--quiet'], { cwd: ${JSON.stringify(dir)} });
      if (r.status !== 0) { failures++; process.stderr.write(String(r.stderr)); }
    }
    process.exitCode = failures;
  `;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NO_COLOR: '1' } });
    child.on('exit', (code) => resolve(code ?? -1));
  });
}

describe('concurrent edits', () => {
  it(`keeps all ${WORKERS * EACH} entries and commits each once`, async () => {
    const dir = copyFixture('edit');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
    git('init', '-q');
    git('config', 'user.name', '督查室');
    git('config', 'user.email', 'd@example.org');
    git('add', '.');
    git('commit', '-qm', '台账');
    const failures = await Promise.all(Array.from({ length: WORKERS }, (_, n) => worker(dir, n + 1)));
    expect(failures).toEqual(Array(WORKERS).fill(0));
    const task = load(readFileSync(join(dir, 'tasks', '2020-003.yaml'), 'utf8')) as { progress: Array<{ note: string }> };
    const notes = task.progress.map((p) => p.note).filter((n) => n.startsWith('w'));
    expect(notes).toHaveLength(WORKERS * EACH);
    expect(new Set(notes).size).toBe(WORKERS * EACH);
    expect(git('log', '--oneline').trim().split('\n')).toHaveLength(1 + WORKERS * EACH);
    expect(git('status', '--porcelain').trim()).toBe('');
  }, 240_000);

  it('hands out distinct ids to 4 × 5 concurrent tasks new, committing each', async () => {
    const dir = copyFixture('edit');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
    git('init', '-q');
    git('config', 'user.name', '督查室');
    git('config', 'user.email', 'd@example.org');
    git('add', '.');
    git('commit', '-qm', '台账');
    const NEW_EACH = 5;
    const script = (n: number) => `
      const { spawnSync } = require('node:child_process');
      let failures = 0;
      for (let i = 1; i <= ${NEW_EACH}; i++) {
        const r = spawnSync(process.execPath, [${JSON.stringify(BIN)}, '--as-of', '2020-09-30', 'new', '--title', 'w${n}-' + i, '--lead', '区长', '--unit', '区财政局', '--deadline', '年底前', '--quiet'], { cwd: ${JSON.stringify(dir)} });
        if (r.status !== 0) { failures++; process.stderr.write(String(r.stderr)); }
      }
      process.exitCode = failures;
    `;
    const failures = await Promise.all(
      Array.from({ length: WORKERS }, (_, n) =>
        new Promise<number>((resolve) => spawn(process.execPath, ['-e', script(n + 1)], { stdio: ['ignore', 'ignore', 'inherit'] }).on('exit', (code) => resolve(code ?? -1))),
      ),
    );
    expect(failures).toEqual(Array(WORKERS).fill(0));
    const created = readdirSync(join(dir, 'tasks')).filter((f) => f.endsWith('.yaml') && f > '2020-003.yaml');
    expect(created).toHaveLength(WORKERS * NEW_EACH);
    const titles = created.map((f) => (load(readFileSync(join(dir, 'tasks', f), 'utf8')) as { title: string }).title);
    expect(new Set(titles).size).toBe(WORKERS * NEW_EACH);
    expect(git('log', '--oneline').trim().split('\n')).toHaveLength(1 + WORKERS * NEW_EACH);
    expect(git('status', '--porcelain')).toBe('');
  }, 240_000);
});
