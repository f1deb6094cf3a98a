// What the built program reads to answer: js-yaml and the English catalog only when needed, and a
// first load of a large plan whose files are not in the plain layout read whole on helper threads.
import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultYoungGeneration, sizeYoungGeneration } from '../../src/heap.js';
import { spawnTasks, tempDir } from '../helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'tasks');
const trace = join(ROOT, 'test', 'e2e', 'trace-modules.cjs');
const traceBuiltins = join(ROOT, 'test', 'e2e', 'trace-builtins.cjs');

function loaded(args: string[], cwd: string): { code: number | null; stdout: string; parts: string[] } {
  const r = spawnSync(process.execPath, ['--require', trace, BIN, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', TASKS_CACHE: 'off' } });
  return { code: r.status, stdout: r.stdout, parts: (r.stderr.split('\n').find((l) => l.startsWith('LOADED:')) ?? 'LOADED:').slice(7).split(',') };
}

/** A plan of `n` tasks whose detail is a folded scalar (`>`), which only js-yaml reads. */
function foldedPlan(n: number): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'tasks'));
  for (let i = 1; i <= n; i++) {
    writeFileSync(join(dir, 'tasks', `W-${i}.yaml`), `id: W-${i}\ntitle: 任务${i}\ndetail: >\n  折叠\n  文本\nlead: 区长\nunits: [区财政局]\ndeadline: 2020-06-30\nstatus: in_progress\n`);
  }
  return dir;
}

describe('what the built program loads', () => {
  it('reads the bundled plan without js-yaml or the English catalog, and loads each when it is needed', () => {
    const plain = loaded(['--as-of', '2020-09-30', 'overdue'], ROOT);
    expect(plain.code).toBe(0);
    expect(plain.parts).not.toContain('dist:js-yaml');
    expect(plain.parts).not.toContain('dist:i18n-en');
    const english = loaded(['--as-of', '2020-09-30', '--lang', 'en', 'overdue'], ROOT);
    expect(english.stdout).toMatch(/^As of 30 September 2020: 12 overdue/);
    expect(english.parts).toContain('dist:i18n-en');
    const folded = loaded(['--as-of', '2020-09-30', 'show', 'W-1', '--format', 'json'], foldedPlan(1));
    expect(JSON.parse(folded.stdout).task.detail).toBe('折叠 文本\n');
    expect(folded.parts).toContain('dist:js-yaml');
  });

  it('reads the task schema\'s validator only when a task file is read: on a first run and after an edit, not on a warm start', () => {
    const dir = tempDir();
    cpSync(join(ROOT, 'tasks'), join(dir, 'tasks'), { recursive: true });
    cpSync(join(ROOT, 'tasks.config.yaml'), join(dir, 'tasks.config.yaml'));
    // files changed less than two seconds before the cache was written are read again (src/store/cache.ts)
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2_100);
    const run = () => {
      const r = spawnSync(process.execPath, ['--require', trace, BIN, '--as-of', '2020-09-30', 'overdue'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
      expect(r.stdout).toMatch(/^截至2020年9月30日：逾期 12 项/);
      return (r.stderr.split('\n').find((l) => l.startsWith('LOADED:')) ?? 'LOADED:').slice(7).split(',');
    };
    expect(run()).toContain('dist:validate-task');
    expect(run()).not.toContain('dist:validate-task');
    const file = join(dir, 'tasks', '2020-001.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}# 已核对\n`);
    expect(run()).toContain('dist:validate-task');
  });

  it('reads the commands other than the daily views from dist/more.cjs, only when one of them runs, with the bundle\'s own modules', () => {
    const dir = tempDir();
    const hook = join(dir, 'reads.cjs');
    writeFileSync(hook, `const fs = require('node:fs');
const read = fs.readFileSync;
fs.readFileSync = function (path, ...rest) {
  if (String(path).endsWith('more.cjs')) process.stderr.write('READ more.cjs\\n');
  return read.call(this, path, ...rest);
};\n`);
    const env = { PATH: process.env.PATH ?? '', NO_COLOR: '1' };
    const run = (...args: string[]) => spawnSync(process.execPath, ['--require', hook, BIN, '--as-of', '2020-09-30', ...args], { cwd: ROOT, encoding: 'utf8', env });
    for (const view of [['overdue'], ['list'], ['due'], ['summary'], ['show', '2020-001'], []]) {
      const r = run(...view);
      expect(r.status, view.join(' ')).toBe(0);
      expect(r.stderr).not.toContain('READ more.cjs');
    }
    const report = run('report', 'month');
    expect(report.status).toBe(0);
    expect(report.stderr).toContain('READ more.cjs');
    expect(report.stdout).toContain('月盘点情况');
    // an error of a command there is still the program's own: a sentence and its exit code, no trace
    const wrong = run('target', '2020-001', 'add', '新指标', '--no-commit');
    expect(wrong.stderr).toContain('READ more.cjs');
    expect(wrong.stderr).toContain('增加指标须写目标值');
    expect(wrong.stderr).not.toMatch(/\n\s+at /);
    expect(wrong.status).toBe(2);
  });

  it('reads every file of a first load on helper threads, js-yaml and all, and answers the same from its cache', () => {
    const dir = foldedPlan(2_100);
    const first = spawnTasks(['--as-of', '2020-09-30', 'validate'], { cwd: dir });
    expect(first.stdout).toContain('2100 个任务，0 个错误，0 个警告');
    const shown = spawnTasks(['--as-of', '2020-09-30', 'show', 'W-2100', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(shown.stdout).task.detail).toBe('折叠 文本\n');
    const overdue = spawnTasks(['--as-of', '2020-09-30', 'overdue', '--format', 'ids'], { cwd: dir });
    expect(overdue.stdout.trim().split('\n')).toHaveLength(2_100);
  }, 60_000);

  it('writes to files as to pipes, without loading Node\'s streams or the tty module', () => {
    const env = { PATH: process.env.PATH ?? '', NO_COLOR: '1' };
    const dir = tempDir();
    for (const args of [['--as-of', '2020-09-30', 'overdue'], ['--as-of', '2020-09-30', 'list', '--format', 'json'], ['--as-of', '2020-10-01', 'report', 'xun', '--period', '2020-09-3'], ['--as-of', '2020-09-30', 'show', 'NO-SUCH-TASK']]) {
      const piped = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env });
      const [out, err, names] = ['out', 'err', 'builtins'].map((name) => join(dir, name));
      const fds = [openSync(out!, 'w'), openSync(err!, 'w')];
      const filed = spawnSync(process.execPath, ['--require', traceBuiltins, BIN, ...args], {
        cwd: ROOT,
        stdio: ['ignore', fds[0], fds[1]],
        env: { ...env, TASKS_TRACE_BUILTINS: names },
      });
      fds.forEach((fd) => closeSync(fd));
      expect(filed.status).toBe(piped.status);
      expect(readFileSync(out!, 'utf8')).toBe(piped.stdout);
      expect(readFileSync(err!, 'utf8')).toBe(piped.stderr);
      expect(piped.stdout + piped.stderr).not.toBe('');
      const builtins = readFileSync(names!, 'utf8').split('\n');
      expect(builtins).toContain('fs');
      for (const name of ['net', 'stream', 'tty', 'internal/fs/promises']) expect(builtins).not.toContain(name);
    }
  });

  it('leaves as soon as the command has answered, with all it wrote, through a file or a pipe', () => {
    const dir = tempDir();
    // records how the process ended: by process.exit() once main() answered, or by running out of work
    const hook = join(dir, 'exit-hook.cjs');
    writeFileSync(hook, `const { appendFileSync } = require('node:fs');
const exit = process.exit;
process.exit = function (code) { appendFileSync(${JSON.stringify(join(dir, 'how'))}, 'exit\\n'); return exit.call(process, code); };
process.on('exit', () => appendFileSync(${JSON.stringify(join(dir, 'how'))}, 'done\\n'));
`);
    const env = { PATH: process.env.PATH ?? '', NO_COLOR: '1' };
    for (const args of [['--as-of', '2020-09-30', 'list', '--format', 'json'], ['--as-of', '2020-09-30', 'show', 'NO-SUCH-TASK']]) {
      writeFileSync(join(dir, 'how'), '');
      const piped = spawnSync(process.execPath, ['--require', hook, BIN, ...args], { cwd: ROOT, encoding: 'utf8', env });
      expect(readFileSync(join(dir, 'how'), 'utf8')).toBe('exit\ndone\n');
      const out = join(dir, 'out');
      const fd = openSync(out, 'w');
      const filed = spawnSync(process.execPath, ['--require', hook, BIN, ...args], { cwd: ROOT, stdio: ['ignore', fd, 'pipe'], env });
      closeSync(fd);
      expect(filed.status).toBe(piped.status);
      expect(readFileSync(out, 'utf8')).toBe(piped.stdout);
    }
    // the whole plan as JSON, more than a pipe holds (64 KiB), and an unknown task's exit code
    const whole = spawnSync(process.execPath, [BIN, '--as-of', '2020-09-30', 'list', '--format', 'json'], { cwd: ROOT, encoding: 'utf8', env });
    expect(whole.stdout.length).toBeGreaterThan(65_536);
    expect(JSON.parse(whole.stdout)).toHaveProperty('tasks');
    expect(spawnSync(process.execPath, [BIN, 'show', 'NO-SUCH-TASK'], { cwd: ROOT, env }).status).not.toBe(0);
  });

  it('keeps the order of stdout and stderr sent to one file, the table before the warning after it', () => {
    const dir = tempDir();
    cpSync(join(ROOT, 'tasks'), join(dir, 'tasks'), { recursive: true });
    // a lead the roster no longer names: 31 warnings, mentioned on stderr after the table
    writeFileSync(join(dir, 'tasks.config.yaml'), readFileSync(join(ROOT, 'tasks.config.yaml'), 'utf8').replace('分管工业副区长', '分管农业副区长乙'));
    const out = join(dir, 'both.txt');
    const fd = openSync(out, 'w');
    const r = spawnSync(process.execPath, [BIN, '--as-of', '2020-09-30', 'overdue'], { cwd: dir, stdio: ['ignore', fd, fd], env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
    closeSync(fd);
    expect(r.status).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/^截至2020年9月30日：逾期 12 项/);
    expect(text.trimEnd()).toMatch(/\n另有 31 个警告，运行 tasks validate 查看。$/);
    expect(text.indexOf('另有')).toBeGreaterThan(text.lastIndexOf('└'));
  });

  it('runs the bundle and the packages the build wrapped as they are, with their code caches, and still wraps a plain file, in ASCII or UTF-8', () => {
    const loader = createRequire(import.meta.url)(join(ROOT, 'bin', 'loader.cjs')) as {
      HEAD: string;
      TAIL: string;
      loadScript: (path: string, options?: { useCache?: boolean }) => { exports: unknown };
      loadBundle: () => { script: { cachedDataRejected?: boolean } };
    };
    for (const file of ['tasks.cjs', 'more.cjs', 'vendor/exceljs.bundle.cjs', 'vendor/docx.bundle.cjs', 'vendor/iconv-lite.bundle.cjs']) {
      const text = readFileSync(join(ROOT, 'dist', file), 'utf8');
      expect(text.startsWith(loader.HEAD), file).toBe(true);
      expect(text.endsWith(loader.TAIL), file).toBe(true);
    }
    // the code cache was made from the same source, so V8 takes it
    expect(loader.loadBundle().script.cachedDataRejected).toBe(false);
    const dir = tempDir();
    writeFileSync(join(dir, 'plain.cjs'), 'module.exports = { answer: 42 };');
    writeFileSync(join(dir, 'wrapped.cjs'), `${loader.HEAD}module.exports = { answer: 7 };${loader.TAIL}`);
    expect(loader.loadScript(join(dir, 'plain.cjs'), { useCache: false }).exports).toEqual({ answer: 42 });
    expect(loader.loadScript(join(dir, 'wrapped.cjs'), { useCache: false }).exports).toEqual({ answer: 7 });
    // the program's own files are ASCII, taken byte for byte; any other is read as UTF-8
    expect(/[^\x00-\x7f]/.test(readFileSync(join(ROOT, 'dist', 'tasks.cjs'), 'latin1'))).toBe(false);
    writeFileSync(join(dir, 'chinese.cjs'), "module.exports = { unit: '区财政局', mark: '\u2014' };");
    expect(loader.loadScript(join(dir, 'chinese.cjs'), { useCache: false }).exports).toEqual({ unit: '区财政局', mark: '—' });
  });

  it('keeps the young generation small only for a plan of a few thousand tasks, and restores V8\'s default before a package with a code cache loads', () => {
    const loader = createRequire(import.meta.url)(join(ROOT, 'bin', 'loader.cjs')) as {
      loadScript: (path: string) => { exports: unknown };
      scripts: Map<string, { cachedDataRejected?: boolean }>;
    };
    const iconv = join(ROOT, 'dist', 'vendor', 'iconv-lite.bundle.cjs');
    const rejected = () => {
      loader.loadScript(iconv);
      return loader.scripts.get(iconv)!.cachedDataRejected;
    };
    try {
      // the flag changes V8's flag hash, so a code cache made without it is refused: that is how the flag is seen here
      sizeYoungGeneration(141);
      sizeYoungGeneration(100_000);
      expect(rejected()).toBe(false);
      sizeYoungGeneration(10_000);
      expect(rejected()).toBe(true);
      defaultYoungGeneration();
      expect(rejected()).toBe(false);
    } finally {
      defaultYoungGeneration();
    }
  });
});
