// Test helpers: run the CLI in-process with a fake context, or the built bin/tasks as a child process.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { runCli } from '../src/cli.js';
import type { Context, Output } from '../src/context.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(ROOT, 'bin', 'tasks');
export const fixture = (name: string) => join(ROOT, 'test', 'fixtures', name);

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function capture(columns?: number): Output & { text: string } {
  const out = { text: '', colorLevel: 0, columns, isTTY: columns !== undefined, write: (s: string) => void (out.text += s) };
  return out;
}

/**
 * Runs `tasks argv` in this process. `now` defaults to 2020-09-30 12:00 Beijing time. With
 * `answers`, stdin is a terminal that answers the questions asked in turn (and they are written
 * to stderr).
 */
export async function run(
  argv: string[],
  options: { cwd?: string; env?: Record<string, string>; now?: Date; columns?: number; answers?: string[]; planSize?: (files: number) => void } = {},
): Promise<Run> {
  const stdout = capture(options.columns);
  const stderr = capture();
  const ctx: Context = {
    cwd: options.cwd ?? ROOT,
    env: { NO_COLOR: '1', ...options.env },
    now: () => options.now ?? new Date('2020-09-30T04:00:00Z'),
    stdout,
    stderr,
    stdinIsTTY: false,
    pid: process.pid,
    isAlive: (pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    },
    self: { node: process.execPath, bin: BIN },
    ...(options.planSize ? { planSize: options.planSize } : {}),
  };
  const answers = options.answers ? [...options.answers] : undefined;
  if (answers) {
    ctx.stdinIsTTY = true;
    ctx.prompt = async (question) => {
      stderr.write(question);
      return answers.shift() ?? '';
    };
  }
  const code = await runCli(argv, ctx);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

export async function runJson(argv: string[], options: Parameters<typeof run>[1] = {}): Promise<{ code: number; json: any; stderr: string }> {
  const r = await run([...argv, '--format', 'json'], options);
  return { code: r.code, json: JSON.parse(r.stdout), stderr: r.stderr };
}

/** Runs the built bin/tasks as a child process with a hermetic environment. */
export function spawnTasks(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', TZ: 'UTC', LANG: 'C.UTF-8', ...options.env },
    encoding: 'utf8',
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const temps: string[] = [];
afterEach(() => {
  while (temps.length) rmSync(temps.pop()!, { recursive: true, force: true });
});

/** A fresh temp folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tasks-test-'));
  temps.push(dir);
  return dir;
}

/** A temp copy of a fixture folder, removed after the test. */
export function copyFixture(name: string): string {
  const dir = tempDir();
  cpSync(fixture(name), dir, { recursive: true, filter: (src) => !src.includes('.tasks-cache') });
  return dir;
}

/** A copy of a fixture in a fresh git repository with one commit; `prepare` may change the copy first. */
export function gitFixture(name: string, prepare?: (dir: string) => void): { dir: string; git: (...args: string[]) => string } {
  const dir = copyFixture(name);
  prepare?.(dir);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
  git('init', '-q');
  git('config', 'user.name', '督查室 李四');
  git('config', 'user.email', 'lisi@example.org');
  git('add', '.');
  git('commit', '-qm', '台账');
  return { dir, git };
}
