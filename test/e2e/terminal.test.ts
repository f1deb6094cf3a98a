// The built bin/tasks on a real terminal (a pseudo-terminal made by util-linux's `script`): the
// questions tasks asks there, answered as a clerk types, one line after each question.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, gitFixture, tempDir } from '../helpers.js';

/** Runs `tasks …` on a terminal, typing each answer once the text before it has been printed. */
function onTerminal(cwd: string, args: string[], dialogue: Array<{ after: string; type: string }>): Promise<{ code: number | null; screen: string }> {
  // script runs its command through a shell: every argument is quoted, none comes from a user
  const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const child = spawn('script', ['-qec', command, '/dev/null'], { cwd, env: { ...process.env, TERM: 'dumb', TASKS_CACHE: 'off' } });
  let screen = '';
  let next = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    screen += chunk.toString('utf8');
    while (next < dialogue.length && screen.includes(dialogue[next]!.after)) child.stdin.write(`${dialogue[next++]!.type}\r`);
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, screen })));
}

describe('questions on a terminal', () => {
  it('tasks init asks for the roster and writes both lists', async () => {
    const dir = tempDir();
    const r = await onTerminal(dir, ['init', '--year', '2020', '--title', '测试台账'], [
      { after: '牵头责任领导', type: '区长、常务副区长' },
      { after: '责任单位', type: '区发改委、区财政局' },
    ]);
    expect(r.screen).not.toContain('程序内部错误');
    expect(r.code).toBe(0);
    const config = readFileSync(join(dir, 'tasks.config.yaml'), 'utf8');
    expect(config).toMatch(/leads:\n\s+- 区长\n\s+- 常务副区长\n/);
    expect(config).toMatch(/units:\n\s+- 区发改委\n\s+- 区财政局\n/);
  });

  it('an empty answer (Ctrl+D) leaves the roster to fill in later', async () => {
    const dir = tempDir();
    const r = await onTerminal(dir, ['init', '--year', '2020'], [
      { after: '牵头责任领导', type: '\u0004' },
      { after: '责任单位', type: '' },
    ]);
    expect(r.screen).not.toContain('程序内部错误');
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'tasks.config.yaml'), 'utf8')).toMatch(/leads: \[\]/);
  });

  it('tasks done asks before closing a task with work open, and closes it on 是', async () => {
    const { dir, git } = gitFixture('edit');
    const r = await onTerminal(dir, ['--as-of', '2020-09-30', 'done', '2020-001'], [{ after: '仍要标记完成吗', type: '是' }]);
    expect(r.screen).not.toContain('程序内部错误');
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'tasks', '2020-001.yaml'), 'utf8')).toMatch(/^status: done$/m);
    expect(git('log', '-1', '--format=%s')).toMatch(/^完成 2020-001：.*办结时节点未完成/);
  });
});
