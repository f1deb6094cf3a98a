// The audit trail is checked before writing: an edit asks git first, and refuses with a clear
// message, leaving the file untouched, whenever a commit could not follow.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, run, tempDir } from '../helpers.js';
import { repo, type Repo } from '../repo.js';

const AS_OF = ['--as-of', '2020-09-30'];

/** A progress entry on 2020-003 that must be refused with `message`, changing nothing. */
async function refused(r: Repo, message: string): Promise<void> {
  const before = r.read('2020-003');
  const head = r.git('rev-parse', 'HEAD');
  const result = await run([...AS_OF, 'progress', '2020-003', '记一条'], { cwd: r.dir });
  expect(result.stderr).toBe(`tasks: ${message}\n`);
  expect(result.code).toBe(4);
  expect(r.read('2020-003')).toBe(before);
  expect(r.git('rev-parse', 'HEAD')).toBe(head);
}

async function works(r: Repo): Promise<void> {
  const result = await run([...AS_OF, 'progress', '2020-003', '恢复后再记一条'], { cwd: r.dir });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(r.git('status', '--porcelain')).toBe('');
}

/** A second branch `side` whose commit changes notes.txt the other way from main's. */
function diverge(r: Repo): void {
  writeFileSync(join(r.dir, 'notes.txt'), '原文\n');
  r.git('add', 'notes.txt');
  r.git('commit', '-qm', '备注');
  r.git('checkout', '-qb', 'side');
  writeFileSync(join(r.dir, 'notes.txt'), '分支的改法\n');
  r.git('commit', '-qam', '分支');
  r.git('checkout', '-q', 'main');
  writeFileSync(join(r.dir, 'notes.txt'), '主干的改法\n');
  r.git('commit', '-qam', '主干');
}

const fails = (r: Repo, ...args: string[]) => expect(() => r.git(...args)).toThrow();

describe('an edit asks git before touching the file', () => {
  it('refuses during a rebase, and works once it is over', async () => {
    const r = repo();
    diverge(r);
    r.git('checkout', '-q', 'side');
    r.git('-c', 'sequence.editor=sed -i 1ibreak', 'rebase', '-q', '-i', 'HEAD~1');
    await refused(r, '仓库正在进行 rebase（变基），现在提交的修改会在 git rebase --abort 后丢失，已取消，文件未改动。请先完成（git rebase --continue）或放弃（git rebase --abort）再修改');
    r.git('rebase', '--abort');
    await works(r);
  });

  it('refuses during a merge, a cherry-pick, a revert and a bisect', async () => {
    const r = repo();
    diverge(r);
    r.git('merge', '-q', '--no-commit', '--no-ff', 'side', '-s', 'ours');
    await refused(r, '仓库正在合并（merge），尚未完成，已取消，文件未改动。请先解决冲突并提交（git commit），或放弃合并（git merge --abort）再修改');
    r.git('merge', '--abort');
    fails(r, 'cherry-pick', 'side');
    await refused(r, '仓库正在进行 cherry-pick，尚未完成，已取消，文件未改动。请先完成（git cherry-pick --continue）或放弃（git cherry-pick --abort）再修改');
    r.git('cherry-pick', '--abort');
    fails(r, 'revert', '--no-edit', 'HEAD~1');
    await refused(r, '仓库正在进行 git revert，尚未完成，已取消，文件未改动。请先完成（git revert --continue）或放弃（git revert --abort）再修改');
    r.git('revert', '--abort');
    r.git('bisect', 'start');
    await refused(r, '仓库正在用 git bisect 查找问题，当前检出的是历史版本，已取消，文件未改动。请先结束查找（git bisect reset）再修改');
    r.git('bisect', 'reset');
    await works(r);
  });

  it('refuses on a detached HEAD and with unresolved conflicts', async () => {
    const r = repo();
    diverge(r);
    r.git('checkout', '-q', '--detach');
    await refused(r, '仓库当前没有检出分支（detached HEAD），现在提交的修改在切换分支后就找不到了，已取消，文件未改动。请先切回分支，例如 git switch main');
    r.git('checkout', '-q', 'main');
    writeFileSync(join(r.dir, 'notes.txt'), '暂存的改法\n');
    r.git('stash', '-q');
    writeFileSync(join(r.dir, 'notes.txt'), '又一种改法\n');
    r.git('commit', '-qam', '再改');
    fails(r, 'stash', 'pop', '-q');
    await refused(r, '仓库中有未解决的冲突（notes.txt），已取消，文件未改动。请先解决冲突并提交（git add … && git commit）再修改');
    r.git('checkout', '-q', 'HEAD', '--', 'notes.txt');
    await works(r);
  });

  it('refuses while git’s index.lock is there, naming it and how to clear it', async () => {
    const r = repo();
    const lock = join(r.dir, '.git', 'index.lock');
    writeFileSync(lock, '');
    await refused(r, `git 的锁文件 ${lock} 存在：可能另一个 git 命令正在运行，也可能是上次 git 被中断后留下的。已取消，文件未改动。确认没有 git 命令在运行后，请删除它（rm '${lock}'）再试`);
    r.git('status', '--porcelain');
    expect(existsSync(lock)).toBe(true);
    spawnSync('rm', [lock]);
    await works(r);
  });

  it('refuses when commit signing fails', async () => {
    const r = repo();
    r.git('config', 'commit.gpgsign', 'true');
    r.git('config', 'gpg.program', 'false');
    await refused(
      r,
      '仓库要求提交签名（commit.gpgsign），但签名失败（git 的提示：gpg failed to sign the data），修改无法留痕，已取消，文件未改动。请检查 gpg 和签名密钥（可先试 git commit --allow-empty -m 试签名），或对这个仓库关闭签名：git config commit.gpgsign false',
    );
    r.git('config', 'commit.gpgsign', 'false');
    await works(r);
  });

  it('says "not in a repository" only when there is none', async () => {
    const dir = tempDir();
    const r = await run([...AS_OF, 'progress', '2020-003', 'x', '--dir', join(dir, 'plan')], { cwd: dir });
    expect(r.code).toBe(2);
    const plain = repo();
    spawnSync('rm', ['-rf', join(plain.dir, '.git')]);
    const saved = await run([...AS_OF, 'progress', '2020-003', '不在仓库中'], { cwd: plain.dir });
    expect(saved.code).toBe(0);
    expect(saved.stderr).toBe('（提示：台账不在 git 仓库中，本次修改已保存但没有留痕；可运行 git init 或 tasks init 启用。）\n');
  });
});

describe('bin/tasks and git outside the process', () => {
  it('refuses when .git exists but git is not on PATH', () => {
    const r = repo();
    const before = r.read('2020-003');
    const result = spawnSync(process.execPath, [BIN, ...AS_OF, 'progress', '2020-003', 'x'], { cwd: r.dir, env: { PATH: tempDir(), NO_COLOR: '1' }, encoding: 'utf8' });
    expect(result.stderr).toBe(
      `tasks: 台账在 git 仓库中（${join(r.dir, '.git')}），但找不到 git 程序，修改无法留痕，已取消，文件未改动。请安装 git（例如 apt-get install git）或把它加入 PATH；确实不需要留痕时可加 --no-commit\n`,
    );
    expect(result.status).toBe(4);
    expect(r.read('2020-003')).toBe(before);
  });

  it('refuses a repository git does not trust (another user’s), saying how to trust it', (ctx) => {
    if (process.getuid?.() !== 0) ctx.skip('needs root, to run tasks as another user (nobody) on a repository root owns');
    const r = repo();
    const home = tempDir();
    for (const dir of [r.dir, home]) chmodSync(dir, 0o755);
    chmodSync(join(r.dir, 'tasks'), 0o777); // the service account may write the task files, as in a shared set-up
    chownSync(home, 65534, 65534);
    const before = r.read('2020-003');
    const result = spawnSync(process.execPath, [BIN, ...AS_OF, 'progress', '2020-003', 'x'], {
      cwd: r.dir,
      uid: 65534,
      gid: 65534,
      env: { PATH: process.env.PATH ?? '', HOME: home, NO_COLOR: '1' },
      encoding: 'utf8',
    });
    expect(result.stderr).toBe(
      `tasks: git 拒绝使用仓库 ${r.dir}：它属于另一个系统用户（git 称为 dubious ownership），修改无法留痕，已取消，文件未改动。如果这个仓库可信，请运行 git config --global --add safe.directory '${r.dir}'，或用仓库所有者的账号运行 tasks\n`,
    );
    expect(result.status).toBe(4);
    expect(r.read('2020-003')).toBe(before);
  });
});

describe('locks and temp files of an edit that was killed', () => {
  /** The pid of a process that has exited. */
  function deadPid(): number {
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    return Number(child.stdout);
  }

  it('takes over a dead process’s locks at once, removes its temp files, and leaves git status clean', async () => {
    const r = repo();
    const locks = join(r.dir, 'tasks', '.locks');
    mkdirSync(locks, { recursive: true });
    const pid = deadPid();
    for (const name of ['2020-003.lock', 'git.lock']) writeFileSync(join(locks, name), `${pid}\n`);
    writeFileSync(join(r.dir, 'tasks', `.2020-003.yaml.${pid}.0123abcd.tmp`), 'id: 2020-0');
    writeFileSync(join(locks, `.2020-003.yaml.${pid}.4567cdef.tmp`), 'id: 2020-0');
    // the test's clock stands still: waiting for a lock to grow old would never end
    await works(r);
    expect(readdirSync(join(r.dir, 'tasks')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(locks).sort()).toEqual(['.gitignore']);
  });
});
