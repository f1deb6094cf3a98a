// A commit that fails after the file was written (the disk fills up between the two steps): the
// file is put back as it was, the clerk is told, and the exit code says the change was not saved.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { run } from '../helpers.js';
import { repo } from '../repo.js';

const failing = vi.hoisted(() => ({ on: false }));

vi.mock('../../src/store/git.js', async (original) => {
  const git = await original<typeof import('../../src/store/git.js')>();
  const fail = (real: typeof git.commitOnly): typeof git.commitOnly =>
    (cwd, paths, message) =>
      failing.on
        ? { ok: false, status: 128, stdout: Buffer.alloc(0), stderr: 'error: unable to write new index file\nfatal: No space left on device\n', missing: false }
        : real(cwd, paths, message);
  return { ...git, commitOnly: fail(git.commitOnly), commitPaths: fail(git.commitPaths) };
});

describe('a commit that fails after the write', () => {
  it('puts an edited file back and says so, with exit code 4', async () => {
    const r = repo();
    const before = r.read('2020-003');
    failing.on = true;
    const result = await run(['--as-of', '2020-09-30', 'progress', '2020-003', '磁盘满了'], { cwd: r.dir });
    failing.on = false;
    expect(result.stderr).toBe('tasks: git 提交失败（磁盘已满，git 退出码 128）。文件已恢复原样，本次修改没有保存；解决后请重新运行这条命令\n');
    expect(result.code).toBe(4);
    expect(r.read('2020-003')).toBe(before);
    expect(r.git('status', '--porcelain')).toBe('');
    expect(readdirSync(join(r.dir, 'tasks', '.locks'))).toEqual(['.gitignore']);
    const next = await run(['--as-of', '2020-09-30', 'progress', '2020-003', '空间腾出来了'], { cwd: r.dir });
    expect(next.code).toBe(0);
    expect(r.git('log', '--format=%s').split('\n')).toHaveLength(3);
  });

  it('removes a new task file again', async () => {
    const r = repo();
    failing.on = true;
    const result = await run(['--as-of', '2020-09-30', 'new', '--title', '推进垃圾分类', '--lead', '区长', '--unit', '区财政局', '--deadline', '年底前'], { cwd: r.dir });
    failing.on = false;
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('git 提交失败（磁盘已满，git 退出码 128）');
    expect(readdirSync(join(r.dir, 'tasks')).filter((n) => n.endsWith('.yaml'))).toEqual(['2020-001.yaml', '2020-002.yaml', '2020-003.yaml']);
    expect(r.git('status', '--porcelain')).toBe('');
  });
});
