// The faults a shared plan meets, one by one, each proving that nothing is lost: every entry either
// side recorded is still there, entry by entry, and the local state is as it was when the
// command refuses.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, run, spawnTasks, tempDir } from '../helpers.js';
import { allNotes, gitIn, office, readTask, type Clone } from './offices.js';

async function ok(clone: Clone, ...args: string[]): Promise<string> {
  const r = await clone.tasks(...args);
  if (r.code !== 0) throw new Error(`tasks ${args.join(' ')} → ${r.code}\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

const notesOf = (clone: Clone, id: string): string[] => (readTask(clone.dir, id).progress ?? []).map((p: { note: string }) => p.note);

/** Everything that identifies the clone's state: its branch, its index and its working folder. */
function state(clone: Clone): string {
  return [clone.git('rev-parse', 'HEAD'), clone.git('status', '--porcelain'), allNotes(clone.dir).join('\n')].join('|');
}

describe('faults in tasks sync, each losing nothing', () => {
  it('both sides change one field: stops with the field named, keeps every entry, and resolves or aborts', async () => {
    const o = office();
    const a = o.clone('甲', 'A');
    const b = o.clone('乙', 'B');
    await ok(a, 'progress', '2020-001', '甲的反馈');
    await ok(a, 'set', '2020-001', 'deadline', '2020-10-31', '--reason', '甲');
    await ok(a, 'sync');
    await ok(b, 'progress', '2020-001', '乙的反馈');
    await ok(b, 'set', '2020-001', 'deadline', '2020-11-30', '--reason', '乙');
    const before = state(b);

    const stopped = await b.tasks('sync');
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain('收到 2 项修改（区住建局 2），其中有些需要您决定：');
    expect(stopped.stderr).toMatch(/tasks\/2020-001\.yaml:\d+: 完成时限：本方 2020-11-30，对方 2020-10-31\n  tasks resolve 2020-001 deadline ours\|theirs\|新值\n/);
    expect(stopped.stderr).toContain('tasks sync --abort');
    // the entries of both sides are in the file already; only the deadline waits
    const text = readFileSync(join(b.dir, 'tasks', '2020-001.yaml'), 'utf8');
    expect(text).toContain('note: 甲的反馈');
    expect(text).toContain('note: 乙的反馈');
    expect(text.match(/^<<<<<<< /gm)).toHaveLength(1);
    // asking again shows the same, changing nothing
    const again = await b.tasks('sync');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('上次同步的合并还没有完成');

    // giving up goes back to exactly where the clerk was
    expect((await b.tasks('sync', '--abort')).stdout).toBe('已放弃这次合并，台账回到同步之前的状态\n');
    expect(state(b)).toBe(before);

    expect((await b.tasks('sync')).code).toBe(1);
    const resolved = await b.tasks('resolve', '2020-001', '完成时限', 'ours');
    expect(resolved.stdout).toBe('已解决 2020-001 的完成时限：2020-11-30\n全部冲突已解决，合并已完成。运行 tasks sync 发送给其他人\n');
    expect(await ok(b, 'sync')).toBe('没有收到修改，发出 2 项\n');
    await ok(a, 'sync');
    for (const clone of [a, b]) {
      expect(notesOf(clone, '2020-001')).toEqual(['已完成方案', '乙的反馈', '甲的反馈']);
      expect(readTask(clone.dir, '2020-001')).toMatchObject({ deadline: '2020-11-30' });
      // only the extension in force is left in the history
      expect(readTask(clone.dir, '2020-001').extensions.map((x: { to: string; reason: string }) => [x.to, x.reason])).toEqual([['2020-11-30', '乙']]);
    }
  }, 240_000);

  it('one side deletes a task the other changed: the changed task is kept, with its entries', async () => {
    const o = office();
    const a = o.clone('甲', 'A');
    const b = o.clone('乙', 'B');
    a.git('rm', '-q', 'tasks/2020-003.yaml');
    a.git('commit', '-qm', '删除 2020-003');
    await ok(a, 'sync');
    await ok(b, 'progress', '2020-003', '乙补报');
    const r = await b.tasks('sync');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('注意：tasks/2020-003.yaml 在一方已被删除，另一方有新的修改，已保留修改后的文件');
    expect(notesOf(b, '2020-003')).toEqual(['接近完成', '乙补报']);
    await ok(a, 'sync');
    expect(notesOf(a, '2020-003')).toEqual(['接近完成', '乙补报']);
  }, 240_000);

  it('a task file renamed on one side: the other side’s entries follow it to its new place', async () => {
    const o = office();
    const a = o.clone('甲', 'A');
    const b = o.clone('乙', 'B');
    mkdirSync(join(a.dir, 'tasks', '财政'));
    a.git('mv', 'tasks/2020-003.yaml', 'tasks/财政/2020-003.yaml');
    a.git('commit', '-qm', '归类');
    await ok(a, 'progress', '2020-003', '甲的反馈');
    await ok(a, 'sync');
    await ok(b, 'progress', '2020-003', '乙的反馈');
    await ok(b, 'sync');
    expect(existsSync(join(b.dir, 'tasks', '2020-003.yaml'))).toBe(false);
    const moved = readFileSync(join(b.dir, 'tasks', '财政', '2020-003.yaml'), 'utf8');
    expect(moved.match(/note: /g)).toHaveLength(3);
    expect(moved).toContain('note: 甲的反馈');
    expect(moved).toContain('note: 乙的反馈');
  }, 240_000);

  it('the settings changed on both sides: names added on either side are kept, a setting both changed waits for a person', async () => {
    const o = office();
    const a = o.clone('甲', 'A');
    const b = o.clone('乙', 'B');
    const edit = (clone: Clone, change: (text: string) => string, message: string) => {
      const path = join(clone.dir, 'tasks.config.yaml');
      writeFileSync(path, change(readFileSync(path, 'utf8')));
      clone.git('commit', '-qam', message);
    };
    edit(a, (t) => t.replace('units: [区住建局, 区财政局, 区城管局]', 'units: [区住建局, 区财政局, 区城管局, 区教体局]').replace('title: 编辑测试', 'title: 甲的标题'), '甲改设置');
    await ok(a, 'sync');
    edit(b, (t) => t.replace('units: [区住建局, 区财政局, 区城管局]', 'units: [区住建局, 区卫健委, 区财政局, 区城管局]').replace('title: 编辑测试', 'title: 乙的标题'), '乙改设置');
    const r = await b.tasks('sync');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('tasks.config.yaml:1: 台账名称：本方 乙的标题，对方 甲的标题');
    expect(r.stderr).toContain('tasks resolve tasks.config.yaml title ours|theirs|新值');
    const resolved = await b.tasks('resolve', 'tasks.config.yaml', 'title', '屯溪区重点工作');
    expect(resolved.code).toBe(0);
    await ok(b, 'sync');
    const config = readFileSync(join(b.dir, 'tasks.config.yaml'), 'utf8');
    expect(config).toContain('title: 屯溪区重点工作');
    expect(config).toContain('units: [区住建局, 区卫健委, 区财政局, 区城管局, 区教体局]');
  }, 240_000);

  it('an unrelated history on the remote: refused, nothing changed here or there', async () => {
    const o = office();
    const b = o.clone('乙', 'B');
    await ok(b, 'progress', '2020-001', '乙的反馈');
    const stranger = tempDir();
    const git = gitIn(stranger);
    git('init', '-q', '-b', 'main');
    writeFileSync(join(stranger, 'README.md'), '另一个仓库\n');
    git('add', '.');
    git('-c', 'user.name=x', '-c', 'user.email=x@example.org', 'commit', '-qm', '另一个');
    git('push', '-q', '--force', o.hub, 'main');
    const hubBefore = execFileSync('git', ['rev-parse', 'main'], { cwd: o.hub, encoding: 'utf8' });
    const before = state(b);
    const r = await b.tasks('sync');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('没有共同的历史');
    expect(state(b)).toBe(before);
    expect(notesOf(b, '2020-001')).toEqual(['已完成方案', '乙的反馈']);
    expect(execFileSync('git', ['rev-parse', 'main'], { cwd: o.hub, encoding: 'utf8' })).toBe(hubBefore);
  }, 240_000);

  it('a remote that cannot be reached: exit 4, the local changes kept as they were', async () => {
    const o = office();
    const b = o.clone('乙', 'B');
    await ok(b, 'progress', '2020-001', '乙的反馈');
    b.git('remote', 'set-url', 'origin', join(o.root, 'gone.git'));
    const before = state(b);
    const r = await b.tasks('sync');
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('无法连接远程仓库 origin');
    expect(r.stderr).not.toMatch(/fatal:|at .*\.js/);
    expect(state(b)).toBe(before);
  }, 240_000);

  it('commits that break the rules are not sent: checked here as a merge is, and refused by the hub’s check when pushed by hand', async () => {
    const o = office();
    const a = o.clone('甲', 'A');
    const b = o.clone('乙', 'B');
    const installed = await run(['hook', 'server', o.hub]);
    expect(installed.code).toBe(0);
    expect(installed.stderr).toContain('已安装服务器端检查');
    await ok(a, 'progress', '2020-001', '甲的反馈');
    await ok(a, 'sync');
    const hubTip = () => execFileSync('git', ['rev-parse', 'main'], { cwd: o.hub, encoding: 'utf8' }).trim();
    const sentBefore = hubTip();
    // a change made by hand around the checks
    const path = join(b.dir, 'tasks', '2020-003.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('deadline: 2020-06-30', 'deadline: 2020-06-31'));
    b.git('commit', '-qam', '手工修改', '--no-verify');
    await ok(b, 'progress', '2020-001', '乙的反馈');
    const r = await b.tasks('sync');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('收到 1 项修改（区住建局 1）\n');
    expect(r.stderr).toContain('要发出的修改不符合规则，没有发出：\n  tasks/2020-003.yaml:5:11: 错误: 完成时限（deadline）的值“2020-06-31”不是有效日期');
    expect(r.stderr).toContain('没有丢失');
    expect(hubTip()).toBe(sentBefore);
    expect(notesOf(b, '2020-001')).toEqual(['已完成方案', '乙的反馈', '甲的反馈']);
    expect(b.git('log', '-1', '--format=%s')).toMatch(/^同步：合并 origin\/main 的 1 项修改/);
    // pushed by hand, the hub is the last guard
    let pushed = '';
    try {
      b.git('push', '-q', 'origin', 'main');
    } catch (error) {
      pushed = String((error as { stderr?: string }).stderr);
    }
    expect(pushed).toContain('完成时限（deadline）的值“2020-06-31”不是有效日期');
    expect(hubTip()).toBe(sentBefore);
    // fixed, it goes through
    writeFileSync(path, readFileSync(path, 'utf8').replace('deadline: 2020-06-31', 'deadline: 2020-06-30'));
    b.git('commit', '-qam', '更正');
    expect((await b.tasks('sync')).code).toBe(0);
    expect(hubTip()).toBe(b.git('rev-parse', 'HEAD').trim());
  }, 240_000);

  it('nothing to merge: commits that break the rules are checked before they are sent', async () => {
    const o = office();
    const b = o.clone('乙', 'B');
    const path = join(b.dir, 'tasks', '2020-002.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^status: .*$/m, 'status: 办理中了'));
    b.git('commit', '-qam', '手工修改', '--no-verify');
    const before = state(b);
    const r = await b.tasks('sync');
    expect(r.code).toBe(1);
    // not "up to date": the commits were not sent, as the notes below say
    expect(r.stdout).toBe('没有收到修改\n');
    expect(r.stderr).toMatch(/要发出的修改不符合规则，没有发出：\n  tasks\/2020-002\.yaml:\d+:\d+: 错误: /);
    expect(state(b)).toBe(before);
    expect(execFileSync('git', ['rev-parse', 'main'], { cwd: o.hub, encoding: 'utf8' }).trim()).not.toBe(b.git('rev-parse', 'HEAD').trim());
  }, 240_000);

  it('a hub that refuses the push: exit 4, the merge and the local changes kept', async () => {
    const o = office();
    const a = o.clone('甲', 'A');
    const b = o.clone('乙', 'B');
    await ok(a, 'progress', '2020-001', '甲的反馈');
    await ok(a, 'sync');
    writeFileSync(join(o.hub, 'hooks', 'pre-receive'), '#!/bin/sh\necho 台账只读，暂停接收 >&2\nexit 1\n', { mode: 0o755 });
    await ok(b, 'progress', '2020-001', '乙的反馈');
    const r = await b.tasks('sync');
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('收到 1 项修改（区住建局 1）\n');
    expect(r.stderr).toContain('远程仓库 origin 拒绝接收本台账的修改');
    expect(r.stderr).toContain('台账只读，暂停接收');
    expect(r.stderr).toContain('没有丢失');
    expect(notesOf(b, '2020-001')).toEqual(['已完成方案', '乙的反馈', '甲的反馈']);
  }, 240_000);

  it('a sync killed at any moment: the next sync finishes the job, every entry once', async () => {
    const o = office();
    const a = o.clone('甲', 'A');
    const b = o.clone('乙', 'B');
    const rounds = Number(process.env.TASKS_TEST_KILLS ?? 2);
    let duration = 0;
    for (let round = 0; round <= rounds; round++) {
      await ok(a, 'progress', '2020-001', `甲${round}`);
      await ok(a, 'sync');
      await ok(b, 'progress', '2020-001', `乙${round}`);
      const started = Date.now();
      await new Promise<void>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'sync', '--quiet'], { cwd: b.dir, stdio: 'ignore' });
        // the first round runs to the end and times the sync; the others are killed part way
        const timer = round === 0 ? undefined : setTimeout(() => child.kill('SIGKILL'), (duration * round) / (rounds + 1));
        child.on('exit', () => {
          if (timer) clearTimeout(timer);
          if (round === 0) duration = Date.now() - started;
          resolve();
        });
      });
      // a real process with the real clock, which takes over the killed sync's lock once it is stale
      const after = spawnTasks(['sync'], { cwd: b.dir });
      expect(after.code, after.stderr).toBe(0);
    }
    await ok(a, 'sync');
    const expected = ['已完成方案', ...Array.from({ length: rounds + 1 }, (_, i) => [`甲${i}`, `乙${i}`]).flat()];
    for (const clone of [a, b]) {
      expect([...notesOf(clone, '2020-001')].sort()).toEqual([...expected].sort());
      expect(clone.git('status', '--porcelain', '--untracked-files=no')).toBe('');
    }
  }, 300_000);
});
