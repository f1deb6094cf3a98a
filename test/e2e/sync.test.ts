// Several clerks, one plan: three clones of a bare hub, real git, the built merge driver. Feedback
// on the same tasks and new tasks on two clones, synced in every order, end with every entry
// present exactly once on every clone and no id handed out twice.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers.js';
import { allNotes, office, readTask, taskIds, type Clone } from './offices.js';

async function ok(clone: Clone, ...args: string[]): Promise<string> {
  const r = await clone.tasks(...args);
  if (r.code !== 0) throw new Error(`tasks ${args.join(' ')} → ${r.code}\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

/** Feedback on the same two tasks and one new task, each note naming its clerk and round. */
async function work(clone: Clone, tag: string): Promise<void> {
  await ok(clone, 'progress', '2020-001', `${tag} 旧改进展`, '--date', '2020-09-20', '--by', '区住建局');
  await ok(clone, 'progress', '2020-003', `${tag} 第二条`, '--date', '2020-09-21');
  await ok(clone, 'new', '--title', `${tag} 新任务`, '--lead', '区长', '--unit', '区财政局', '--deadline', '2020-12-31');
}

function sameEverywhere(clones: readonly Clone[], expectedNotes: readonly string[]): void {
  const notes = clones.map((c) => allNotes(c.dir).sort());
  for (const n of notes) expect(n).toEqual(notes[0]);
  for (const note of expectedNotes) expect(notes[0]!.filter((n) => n.endsWith(note))).toHaveLength(1);
  const ids = clones.map((c) => taskIds(c.dir));
  for (const list of ids) expect(list).toEqual(ids[0]);
  for (const c of clones) expect(c.git('status', '--porcelain', '--untracked-files=no')).toBe('');
}

describe('tasks sync between three clones and a hub', () => {
  it('keeps every entry exactly once and never hands out an id twice, whatever the order of the syncs', async () => {
    const o = office();
    const a = o.clone('甲', 'A');
    const b = o.clone('乙', 'B');
    const c = o.clone('丙', 'C');
    const notes: string[] = [];
    for (const [round, [[first, one], [second, two]]] of ([[[a, '甲'], [b, '乙']], [[b, '乙'], [a, '甲']]] as const).entries()) {
      await work(first, `${one}${round}`);
      await work(second, `${two}${round}`);
      notes.push(`${one}${round} 旧改进展`, `${one}${round} 第二条`, `${two}${round} 旧改进展`, `${two}${round} 第二条`);
      expect(await ok(first, 'sync')).toBe('没有收到修改，发出 3 项\n');
      expect(await ok(second, 'sync')).toBe('收到 3 项修改（区住建局 1、区财政局 2），发出 3 项\n');
      expect(await ok(first, 'sync')).toBe('收到 3 项修改（区住建局 1、区财政局 2）\n');
      await ok(c, 'sync');
      sameEverywhere([a, b, c], notes);
    }
    expect(taskIds(a.dir)).toEqual(['2020-001', '2020-002', '2020-003', '2020-A001', '2020-A002', '2020-B001', '2020-B002']);
    const progress = readTask(a.dir, '2020-001').progress.map((p: { date: string }) => p.date);
    expect(progress).toEqual([...progress].sort());
    // the merge commits say what they merged, and were checked: the plan validates everywhere
    expect(a.git('log', '--merges', '--format=%s')).toContain('同步：合并 origin/main 的 3 项修改');
    for (const clone of [a, b, c]) expect((await clone.tasks('validate')).code).toBe(0);
  }, 240_000);

  it('lets two clerks sync at the same moment: the later push is refused, fetched, merged and sent', async () => {
    const o = office();
    const a = o.clone('甲', 'A');
    const b = o.clone('乙', 'B');
    await work(a, '甲');
    await work(b, '乙');
    const both = await Promise.all([a, b].map((clone) => new Promise<string>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'sync', '--quiet'], { cwd: clone.dir, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString('utf8')));
      child.on('exit', (code) => resolve(`${code} ${stderr}`));
    })));
    expect(both).toEqual(['0 ', '0 ']);
    await ok(a, 'sync');
    await ok(b, 'sync');
    sameEverywhere([a, b], ['甲 旧改进展', '乙 旧改进展', '甲 第二条', '乙 第二条']);
  }, 240_000);

  it('merges by field in a git pull typed by hand too, and stops with the field named when both changed it', async () => {
    const o = office();
    const a = o.clone('甲', 'A');
    const b = o.clone('乙', 'B');
    await ok(a, 'progress', '2020-001', '甲的反馈');
    await ok(a, 'set', '2020-001', 'deadline', '2020-11-30', '--reason', '区长办公会同意');
    await ok(a, 'sync');
    // a clone gets the merge driver from tasks hook install (or its first tasks sync)
    await ok(b, 'hook', 'install');
    await ok(b, 'progress', '2020-001', '乙的反馈');
    await ok(b, 'milestone', '2020-001', 'done', '完成招标', '--on', '2020-06-28');
    b.git('pull', '-q', '--no-rebase', '--no-edit');
    const merged = readTask(b.dir, '2020-001');
    expect(merged.progress.map((p: { note: string }) => p.note)).toEqual(['已完成方案', '乙的反馈', '甲的反馈']);
    expect(merged).toMatchObject({ deadline: '2020-11-30', milestones: [{ title: '完成招标', done_on: '2020-06-28' }, { title: '开工建设' }] });

    // the same field changed differently on both sides
    await ok(a, 'sync');
    await ok(a, 'set', '2020-002', 'deadline', '2020-10-31', '--reason', '甲');
    await ok(a, 'sync');
    await ok(b, 'set', '2020-002', 'deadline', '2020-11-30', '--reason', '乙');
    let pull = '';
    try {
      b.git('pull', '-q', '--no-rebase', '--no-edit');
    } catch (error) {
      pull = String((error as { stderr?: string }).stderr);
    }
    expect(pull).toContain('tasks/2020-002.yaml:');
    expect(pull).toContain('完成时限：本方 2020-11-30，对方 2020-10-31');
    expect(pull).toContain('tasks resolve 2020-002 deadline ours|theirs|新值');
    const resolved = await b.tasks('resolve', '2020-002', 'deadline', '2020-12-15');
    expect(resolved.stdout).toBe('已解决 2020-002 的完成时限：2020-12-15\n全部冲突已解决，合并已完成。运行 tasks sync 发送给其他人\n');
    expect(readTask(b.dir, '2020-002')).toMatchObject({ deadline: '2020-12-15' });
    // neither clerk's extension took effect: one record says how the deadline was settled
    expect(readTask(b.dir, '2020-002').extensions).toEqual([
      { date: '2020-09-30', from: '2020-09-30', to: '2020-12-15', reason: '合并时确定的完成时限（两方分别延至 2020-11-30、2020-10-31）' },
    ]);
    expect((await b.tasks('validate')).code).toBe(0);
  }, 240_000);
});
