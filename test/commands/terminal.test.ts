// Escape sequences from task data never reach a terminal raw: CSV and JSON written to a terminal,
// the commit messages git log prints, and what undo quotes all show them written out.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers.js';
import { repo } from '../repo.js';

const AS_OF = ['--as-of', '2020-09-30'];
const RAW = /[\u001b\u0007\u009b\u202e]/;

describe('task data on the way to a terminal', () => {
  it('CSV and JSON to a terminal show escapes visibly; to a pipe they stay data', async () => {
    const r = repo();
    writeFileSync(join(r.dir, 'tasks', '2020-003.yaml'), r.read('2020-003').replace('title: 已有进展的任务', 'title: "坏\\e]52;c;aGk=\\a\\u202e任务"'));
    const tty = await run([...AS_OF, 'list', '--format', 'csv'], { cwd: r.dir, columns: 100 });
    expect(tty.stdout).not.toMatch(RAW);
    expect(tty.stdout).toContain('坏\\x1b]52;c;aGk=\\x07\\u202e任务');
    const json = await run([...AS_OF, 'list', '--format', 'json'], { cwd: r.dir, columns: 100 });
    expect(json.stdout).not.toMatch(RAW);
    expect(JSON.parse(json.stdout).tasks.find((t: { id: string }) => t.id === '2020-003').title).toBe('坏\u001b]52;c;aGk=\u0007\u202e任务');
    const piped = await run([...AS_OF, 'list', '--format', 'csv'], { cwd: r.dir });
    expect(piped.stdout).toContain('坏\u001b]52;c;aGk=\u0007\u202e任务');
  });

  it('commit messages hold no raw escape, and undo quotes them visibly', async () => {
    const r = repo();
    const edit = await run([...AS_OF, 'progress', '2020-003', '完成\u001b[2J招标\u009b31m'], { cwd: r.dir });
    expect(edit.code).toBe(0);
    const subject = r.git('log', '-1', '--format=%s');
    expect(subject).not.toMatch(RAW);
    expect(subject).toBe('进展 2020-003：完成\\x1b[2J招标\\u009b31m（区财政局）\n');
    const undo = await run([...AS_OF, 'undo'], { cwd: r.dir });
    expect(undo.stdout).toBe('已撤销：进展 2020-003：完成\\x1b[2J招标\\u009b31m（区财政局）（用新提交恢复，历史保留）\n');
  });
});
