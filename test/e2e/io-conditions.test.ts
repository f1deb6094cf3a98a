// Real file-system conditions, not simulated ones: a read-only mount, a full disk, a plan the user
// may not write. Each needs root (to mount, or to run as another user); where that is not possible
// the test says why and is skipped, and the same messages stay covered by the hostile corpus and
// by faults injected through the store.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, fixture, run, tempDir } from '../helpers.js';

const AS_OF = ['--as-of', '2020-09-30'];
const mounted: string[] = [];

afterEach(() => {
  while (mounted.length) spawnSync('umount', [mounted.pop()!]);
});

/** Mounts with `args` (the last is the mount point); the reason when it cannot be done here. */
function mount(args: string[]): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root to mount';
  const r = spawnSync('mount', args, { encoding: 'utf8' });
  if (r.status !== 0) return `cannot mount here: ${(r.stderr || String(r.error)).trim()}`;
  mounted.push(args.at(-1)!);
  return undefined;
}

describe('a read-only mount', () => {
  it('refuses edits and exports with a sentence and exit 4, and still shows the plan', async (ctx) => {
    const source = tempDir();
    cpSync(fixture('edit'), source, { recursive: true });
    const dir = tempDir();
    const why = mount(['--bind', source, dir]) ?? mount(['-o', 'remount,ro,bind', dir]);
    if (why) ctx.skip(why);
    const before = readFileSync(join(dir, 'tasks', '2020-003.yaml'), 'utf8');
    const edit = await run([...AS_OF, 'progress', '2020-003', '只读', '--no-commit'], { cwd: dir });
    expect(edit.stderr).toBe('tasks: 无法写入 tasks/.locks：所在的文件系统是只读的，原有文件未改动；请检查磁盘的挂载方式（是否以只读方式挂载），或换一个可写的目录\n');
    expect(edit.code).toBe(4);
    const exported = await run([...AS_OF, 'export', 'csv'], { cwd: dir });
    expect(exported.stderr).toBe(`tasks: 无法写入 ${join(dir, 'exports', '2020-09-30-csv')}：所在的文件系统是只读的。原有文件未被改动；请检查目录权限和磁盘空间，或用 --out 指定其他目录\n`);
    expect(exported.code).toBe(4);
    const view = await run([...AS_OF, 'overdue'], { cwd: dir });
    expect(view.code).toBe(0);
    expect(readFileSync(join(dir, 'tasks', '2020-003.yaml'), 'utf8')).toBe(before);
  });
});

describe('a full disk', () => {
  it('refuses an edit with a sentence and exit 4, leaving the file as it was', async (ctx) => {
    const dir = tempDir();
    const why = mount(['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]);
    if (why) ctx.skip(why);
    cpSync(fixture('edit'), dir, { recursive: true });
    mkdirSync(join(dir, 'tasks', '.locks'));
    writeFileSync(join(dir, 'tasks', '.locks', '.gitignore'), '*\n');
    const before = readFileSync(join(dir, 'tasks', '2020-003.yaml'), 'utf8');
    // fill what is left of the disk
    spawnSync('dd', ['if=/dev/zero', `of=${join(dir, 'filler')}`, 'bs=1k', 'count=1024']);
    const edit = await run([...AS_OF, 'progress', '2020-003', '磁盘满了', '--no-commit'], { cwd: dir });
    expect(edit.stderr).toMatch(/^tasks: 无法写入 tasks\/(?:\.locks\/)?[^：]+：磁盘已满，原有文件未改动；请清理磁盘空间后再试\n$/);
    expect(edit.code).toBe(4);
    expect(readFileSync(join(dir, 'tasks', '2020-003.yaml'), 'utf8')).toBe(before);
  });
});

describe('a plan the user may not write', () => {
  it('says so with exit 4, naming the folder', (ctx) => {
    if (process.getuid?.() !== 0) ctx.skip('needs root, to run tasks as another user (nobody)');
    const dir = tempDir();
    cpSync(fixture('edit'), dir, { recursive: true });
    execFileSync('chmod', ['-R', 'a+rX', dir]);
    const home = tempDir();
    chmodSync(home, 0o755);
    chownSync(home, 65534, 65534);
    const r = spawnSync(process.execPath, [BIN, ...AS_OF, 'progress', '2020-003', '没有权限', '--no-commit'], {
      cwd: dir,
      uid: 65534,
      gid: 65534,
      env: { PATH: process.env.PATH ?? '', HOME: home, NO_COLOR: '1' },
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('tasks: 无法写入 tasks/.locks：没有权限，原有文件未改动；请检查文件和文件夹的所有者和权限（ls -l），或换有权限的用户运行\n');
    expect(r.status).toBe(4);
  });
});
