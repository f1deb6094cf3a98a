// The cache must never change an answer: after any sequence of edits, a load through the cache
// gives exactly what a load that reads every file gives.
//
//   TASKS_PROPERTY_RUNS=500 npx vitest run test/store/cache.property.test.ts
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/index.js';
import { cachePath } from '../../src/store/cache.js';
import { loadConfig, loadTasks, type LoadOptions, type Plan } from '../../src/store/load.js';
import { tempDir } from '../helpers.js';

const RUNS = Number(process.env.TASKS_PROPERTY_RUNS ?? 10);
const m = messages('zh');
const NAMES = 6;

const name = (n: number, sub = false) => `tasks/${sub ? 'sub/' : ''}T-${n}.yaml`;

/** A valid task; `digit` changes the text without changing its size. */
function taskText(n: number, digit: number, late = false): string {
  return [
    `id: T-${n}`,
    `title: 任务${digit}`,
    'lead: 区长',
    'units: [区发改委]',
    `deadline: 2020-0${late ? 6 : 9}-30`,
    'status: in_progress',
    'progress:',
    '  - date: 2020-09-01',
    `    note: 进展${digit}`,
    '',
  ].join('\n');
}

const CONFIGS = [
  'title: 测试\nroster:\n  leads: [区长]\n  units: [区发改委]\n',
  'title: 测试\nroster:\n  leads: [常务副区长]\n  units: [区发改委]\n',
  'title: [未闭合\n',
  undefined,
];

const INVALID: Array<string | Buffer> = [
  'id: T-0\ntitle: [未闭合\n',
  'id: T-0\ntitle: 缺字段\n',
  Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xc4, 0xe3, 0x0a]),
  '',
  'id: T-0\ntitle: &a 锚点\nlead: *a\nunits: [区发改委]\ndeadline: 2020-06-30\nstatus: in_progress\n',
];

type Op =
  | { kind: 'sameSize'; n: number; digit: number; keepMtime: boolean }
  | { kind: 'grow'; n: number }
  | { kind: 'rename'; n: number; to: number; sub: boolean }
  | { kind: 'delete'; n: number }
  | { kind: 'invalid'; n: number; how: number }
  | { kind: 'write'; n: number; digit: number; late: boolean; sub: boolean }
  | { kind: 'checkout'; rev: number }
  | { kind: 'config'; variant: number }
  | { kind: 'damageCache'; how: number }
  | { kind: 'nothing' };

const n = fc.integer({ min: 0, max: NAMES - 1 });
const digit = fc.integer({ min: 0, max: 9 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('sameSize' as const), n, digit, keepMtime: fc.boolean() }) },
  fc.record({ kind: fc.constant('grow' as const), n }),
  fc.record({ kind: fc.constant('rename' as const), n, to: n, sub: fc.boolean() }),
  fc.record({ kind: fc.constant('delete' as const), n }),
  fc.record({ kind: fc.constant('invalid' as const), n, how: fc.integer({ min: 0, max: INVALID.length - 1 }) }),
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('write' as const), n, digit, late: fc.boolean(), sub: fc.boolean() }) },
  fc.record({ kind: fc.constant('checkout' as const), rev: fc.integer({ min: 0, max: 1 }) }),
  fc.record({ kind: fc.constant('config' as const), variant: fc.integer({ min: 0, max: CONFIGS.length - 1 }) }),
  fc.record({ kind: fc.constant('damageCache' as const), how: fc.integer({ min: 0, max: 2 }) }),
  fc.constant({ kind: 'nothing' as const }),
);

/** A step: an edit, then a load through the cache, which may run on helper threads. */
const step = fc.record({ op, helpers: fc.integer({ min: 0, max: 7 }).map((k) => k === 0), aged: fc.boolean() });

function existing(dir: string, k: number): string | undefined {
  for (const sub of [false, true]) if (existsSync(join(dir, name(k, sub)))) return name(k, sub);
  return undefined;
}

function apply(dir: string, git: (...args: string[]) => void, o: Op): void {
  const path = (file: string) => join(dir, file);
  switch (o.kind) {
    case 'sameSize': {
      const file = existing(dir, o.n);
      if (!file) return;
      // touch -r keeps the nanoseconds, which utimes() would round
      if (o.keepMtime) execFileSync('touch', ['-r', path(file), path('.mtime')]);
      writeFileSync(path(file), readFileSync(path(file), 'utf8').replace(/任务\d/, `任务${o.digit}`));
      if (o.keepMtime) execFileSync('touch', ['-m', '-r', path('.mtime'), path(file)]);
      return;
    }
    case 'grow': {
      const file = existing(dir, o.n);
      if (file) writeFileSync(path(file), `${readFileSync(path(file), 'utf8')}tags: [改革]\n`);
      return;
    }
    case 'rename': {
      const file = existing(dir, o.n);
      if (!file) return;
      mkdirSync(path('tasks/sub'), { recursive: true });
      renameSync(path(file), path(name(o.to, o.sub)));
      return;
    }
    case 'delete': {
      const file = existing(dir, o.n);
      if (file) rmSync(path(file));
      return;
    }
    case 'invalid':
      writeFileSync(path(existing(dir, o.n) ?? name(o.n)), INVALID[o.how]!);
      return;
    case 'write':
      mkdirSync(path('tasks/sub'), { recursive: true });
      writeFileSync(path(existing(dir, o.n) ?? name(o.n, o.sub)), taskText(o.n, o.digit, o.late));
      return;
    case 'checkout':
      git('checkout', '-q', '-f', o.rev === 0 ? 'first' : 'second');
      return;
    case 'config': {
      const text = CONFIGS[o.variant];
      if (text === undefined) rmSync(path('tasks.config.yaml'), { force: true });
      else writeFileSync(path('tasks.config.yaml'), text);
      return;
    }
    case 'damageCache': {
      const file = cachePath(dir);
      if (!existsSync(file)) return;
      const bytes = readFileSync(file);
      if (o.how === 0) writeFileSync(file, bytes.subarray(0, bytes.length >> 1));
      else if (o.how === 1) writeFileSync(file, Buffer.concat([bytes, bytes]));
      else writeFileSync(file, 'tasks cache 1 0.0.0 x\n{}');
      return;
    }
    case 'nothing':
      return;
  }
}

/**
 * Waits until the file system's clock has moved past every stamp the last load took, as it has
 * in life by the time anyone edits again; the cache's racy rule covers edits made sooner.
 */
function waitForClock(dir: string): void {
  const probe = join(dir, '.probe');
  writeFileSync(probe, 'a');
  const start = statSync(probe).ctimeMs;
  for (let i = 0; statSync(probe).ctimeMs <= start; i++) writeFileSync(probe, String(i));
  rmSync(probe);
}

/** Makes the cache look written long after every file it holds changed, so that no entry is racy. */
function age(dir: string): void {
  const later = new Date(Date.now() + 3_600_000);
  if (existsSync(cachePath(dir))) utimesSync(cachePath(dir), later, later);
}

/** Config and tasks, as a command opens them. */
async function loadPlan(root: string, options: LoadOptions): Promise<Plan> {
  const { config, found, problems } = await loadConfig(root, m);
  const loaded = await loadTasks(root, config, m, options);
  return { root, config, configFound: found, ...loaded, problems: [...problems, ...loaded.problems] };
}

function comparable(plan: Plan) {
  return JSON.stringify({ config: plan.config, found: plan.configFound, tasks: plan.tasks, problems: plan.problems, unreadable: plan.unreadable, count: plan.fileCount });
}

/** A plan in git with two revisions to check out, tagged first and second. */
function template(): string {
  const dir = tempDir();
  const git = (...args: string[]) => void execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  mkdirSync(join(dir, 'tasks'));
  for (let k = 0; k < 4; k++) writeFileSync(join(dir, name(k)), taskText(k, k, k % 2 === 0));
  // tasks no step touches, so that a load with helpers stamps on them (from ten files up)
  for (let k = 100; k < 108; k++) writeFileSync(join(dir, name(k)), taskText(k, k % 10));
  writeFileSync(join(dir, 'tasks.config.yaml'), CONFIGS[0]!);
  git('init', '-q');
  git('config', 'user.name', '督查室');
  git('config', 'user.email', 'ducha@example.org');
  git('add', '.');
  git('commit', '-qm', '台账');
  git('tag', 'first');
  writeFileSync(join(dir, name(1)), taskText(1, 7));
  rmSync(join(dir, name(2)));
  mkdirSync(join(dir, 'tasks', 'sub'));
  writeFileSync(join(dir, name(4, true)), taskText(4, 4));
  writeFileSync(join(dir, 'tasks.config.yaml'), CONFIGS[1]!);
  git('add', '-A');
  git('commit', '-qm', '更新');
  git('tag', 'second');
  return dir;
}

describe('the cache of parsed tasks, under random edits', () => {
  it('gives the same tasks and problems as reading every file', async () => {
    const plan = template();
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const dir = tempDir();
        cpSync(plan, dir, { recursive: true });
        const git = (...args: string[]) => void execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
        try {
          for (const { op: o, helpers, aged } of steps) {
            waitForClock(dir);
            apply(dir, git, o);
            const cached = await loadPlan(dir, helpers ? { parallelFrom: 1 } : {});
            if (aged) age(dir);
            const fresh = await loadPlan(dir, { cache: false });
            expect(comparable(cached)).toBe(comparable(fresh));
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: RUNS },
    );
  }, 60_000 + RUNS * 10_000);
});
