// Crash tests: bin/tasks killed with SIGKILL in the middle of progress, new, set and export, at
// random moments and at each named step of a write (TASKS_CRASH_AT). After every kill each task
// file is its old or its new version and valid; the export folder is the old or the new one; and
// the next edit works at once, leaving git clean: nothing half-committed, no lock, journal or
// temp file behind. TASKS_CRASH=N runs N times as many random kills.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/config.js';
import { messages } from '../../src/i18n/index.js';
import { loadTasks } from '../../src/store/load.js';
import { BIN } from '../helpers.js';
import { repo, type Repo } from '../repo.js';

const RANDOM_KILLS = Math.max(1, Math.round(4 * Number(process.env.TASKS_CRASH ?? '1')));
const AS_OF = ['--as-of', '2020-09-30'];
// each kill is followed by a second run and the checks: a few seconds apiece on a busy machine
const TIMEOUT = 60_000 + (RANDOM_KILLS + 3) * 2 * 10_000;

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
}

/** Runs bin/tasks; kills it after `killAfterMs` when given. */
function tasks(dir: string, args: string[], options: { killAfterMs?: number; crashAt?: string } = {}): Promise<Outcome> {
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, ...AS_OF, ...args, '--quiet'], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', TZ: 'UTC', ...(options.crashAt ? { TASKS_CRASH_AT: options.crashAt } : {}) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const timer = options.killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
  return new Promise((resolve, reject) => {
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code !== null && code !== 0) reject(new Error(`tasks ${args.join(' ')} exited ${code}: ${stderr}`));
      else resolve({ code, signal, ms: Date.now() - started });
    });
  });
}

const killed = { count: 0 };

/** Every task file loads as a valid task. */
async function allValid(dir: string): Promise<void> {
  const loaded = await loadTasks(dir, DEFAULT_CONFIG, messages('zh'), { cache: false });
  expect(loaded.unreadable, JSON.stringify(loaded.problems)).toEqual([]);
}

/** After the next edit: git clean, every file as committed, nothing left in tasks/.locks or tasks/. */
function settled(r: Repo): void {
  expect(r.git('status', '--porcelain', '--untracked-files=all')).toBe('');
  expect(readdirSync(join(r.dir, 'tasks', '.locks'))).toEqual(['.gitignore']);
  expect(readdirSync(join(r.dir, 'tasks')).filter((n) => n.startsWith('.') && n !== '.locks')).toEqual([]);
}

const taskData = (r: Repo, id: string) => parse(r.read(id).replace(/^\uFEFF/, '')) as Record<string, any>;
const commits = (r: Repo) => r.git('rev-list', '--count', 'HEAD').trim();

/** The moments to kill at: spread over a run's length, measured on this machine first. */
async function moments(calibrate: () => Promise<Outcome>): Promise<number[]> {
  const { ms } = await calibrate();
  return Array.from({ length: RANDOM_KILLS }, (_, i) => Math.round((ms * (i + Math.random())) / RANDOM_KILLS));
}

const STEPS = ['journaled', 'written', 'committed'];

describe('SIGKILL in the middle of an edit', () => {
  it('progress: the file is old or new, and the next edit settles it at once', async () => {
    const r = repo();
    let n = 0;
    const kill = async (options: { killAfterMs?: number; crashAt?: string }) => {
      const before = taskData(r, '2020-003');
      const head = commits(r);
      const note = `中断-${++n}`;
      const outcome = await tasks(r.dir, ['progress', '2020-003', note], options);
      if (outcome.signal) killed.count++;
      await allValid(r.dir);
      const after = taskData(r, '2020-003');
      const old = JSON.stringify(after) === JSON.stringify(before);
      const added = after.progress.at(-1)?.note === note && JSON.stringify({ ...after, progress: after.progress.slice(0, -1) }) === JSON.stringify(before);
      expect(old || added, `after a kill at ${JSON.stringify(options)}`).toBe(true);
      await tasks(r.dir, ['progress', '2020-003', `之后-${n}`]);
      settled(r);
      // the killed entry is kept exactly when its commit was made
      const committed = Number(commits(r)) - Number(head) === 2;
      expect(taskData(r, '2020-003').progress.some((p: { note: string }) => p.note === note)).toBe(committed);
    };
    for (const step of STEPS) await kill({ crashAt: step });
    for (const ms of await moments(() => tasks(r.dir, ['progress', '2020-003', '量一次']))) await kill({ killAfterMs: ms });
  }, TIMEOUT);

  it('set: the title is old or new, and the next edit settles it at once', async () => {
    const r = repo();
    let n = 0;
    const kill = async (options: { killAfterMs?: number; crashAt?: string }) => {
      const before = taskData(r, '2020-001').title;
      const title = `新标题-${++n}`;
      const outcome = await tasks(r.dir, ['set', '2020-001', 'title', title], options);
      if (outcome.signal) killed.count++;
      await allValid(r.dir);
      expect([before, title]).toContain(taskData(r, '2020-001').title);
      await tasks(r.dir, ['progress', '2020-001', `之后-${n}`]);
      settled(r);
      expect(r.git('show', 'HEAD:tasks/2020-001.yaml')).toBe(r.read('2020-001'));
    };
    for (const step of STEPS) await kill({ crashAt: step });
    for (const ms of await moments(() => tasks(r.dir, ['set', '2020-001', 'title', '量一次']))) await kill({ killAfterMs: ms });
  }, TIMEOUT);

  it('new: no half-written task, no id handed out twice, and the next new works at once', async () => {
    const r = repo();
    let n = 0;
    const kill = async (options: { killAfterMs?: number; crashAt?: string }) => {
      const title = `中断的新任务-${++n}`;
      const outcome = await tasks(r.dir, ['new', '--title', title, '--lead', '区长', '--unit', '区财政局', '--deadline', '年底前'], options);
      if (outcome.signal) killed.count++;
      await allValid(r.dir);
      await tasks(r.dir, ['new', '--title', `之后-${n}`, '--lead', '区长', '--unit', '区财政局', '--deadline', '年底前']);
      settled(r);
      const ids = readdirSync(join(r.dir, 'tasks')).filter((f) => f.endsWith('.yaml'));
      const titles = ids.map((f) => taskData(r, f.replace('.yaml', '')).title);
      expect(new Set(titles).size).toBe(titles.length);
      expect(titles).toContain(`之后-${n}`);
    };
    for (const step of STEPS) await kill({ crashAt: step });
    for (const ms of await moments(() => tasks(r.dir, ['new', '--title', '量一次', '--lead', '区长', '--unit', '区财政局', '--deadline', '年底前']))) await kill({ killAfterMs: ms });
  }, TIMEOUT);

  it('export: the date folder is the old or the new one, never missing or half-written', async () => {
    const r = repo();
    const folder = join(r.dir, 'exports', '2020-09-30-csv');
    const exportCsv = (options: { killAfterMs?: number; crashAt?: string } = {}) => tasks(r.dir, ['export', 'csv', '--split'], options);
    const first = await exportCsv();
    const complete = readdirSync(folder).sort();
    const kill = async (options: { killAfterMs?: number; crashAt?: string }) => {
      const outcome = await exportCsv(options);
      if (outcome.signal) killed.count++;
      // a kill between moving the old folder aside and renaming the new one in leaves neither in place: the next run puts the old back first
      if (!existsSync(folder)) expect(readdirSync(join(r.dir, 'exports')).some((n) => n.startsWith('.2020-09-30-csv.old-'))).toBe(true);
      else expect(readdirSync(folder).sort()).toEqual(complete);
      await exportCsv();
      expect(readdirSync(folder).sort()).toEqual(complete);
      expect(readdirSync(join(r.dir, 'exports'))).toEqual(['2020-09-30-csv']);
      for (const name of complete) expect(readFileSync(join(folder, name), 'utf8')).toMatch(/^\uFEFF[^\n]+\r\n[\s\S]*\r\n$/);
    };
    for (const step of ['export-written', 'export-old-aside']) await kill({ crashAt: step });
    for (let i = 0; i < RANDOM_KILLS; i++) await kill({ killAfterMs: Math.round(first.ms * Math.random()) });
  }, TIMEOUT);
});

afterAll(() => {
  // the figure for the notes: processes that really died mid-run (a late kill finds one already done)
  console.log(`crash tests: ${killed.count} processes killed, each followed by the checks`);
});
