// What sharing a plan sets up: the merge driver (by init and hook install), the id letter, and the
// server's check, beside a Gitea's own hooks.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from '../helpers.js';

const git = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: 'pipe' }).trim();

describe('setting up a shared plan', () => {
  it('tasks init writes .gitattributes and sets this clone’s merge driver', async () => {
    const dir = join(tempDir(), '台账');
    const r = await run(['init', dir, '--year', '2020', '--title', '测试']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, '.gitattributes'), 'utf8')).toContain('tasks/**/*.yaml merge=tasks\n');
    expect(git(dir, 'config', '--get', 'merge.tasks.driver')).toMatch(/' merge-driver %O %A %B %P$/);
    expect(git(dir, 'check-attr', 'merge', 'tasks/2020-001.yaml')).toBe('tasks/2020-001.yaml: merge: tasks');
  });

  it('tasks hook install adds the merge rules to an existing plan and commits them on their own', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'tasks'));
    writeFileSync(join(dir, 'tasks.config.yaml'), 'title: 测试\nyear: 2020\n');
    git(dir, 'init', '-q');
    git(dir, 'config', 'user.name', '督查室');
    git(dir, 'config', 'user.email', 'd@example.org');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', '台账');
    const r = await run(['hook', 'install'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('已设置按字段合并任务文件');
    expect(git(dir, 'log', '-1', '--format=%s')).toBe('合并规则：任务文件和设置按字段合并');
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('refuses an id letter that is not one to three letters, or one another clerk’s tasks use', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'tasks'));
    writeFileSync(join(dir, 'tasks.config.yaml'), 'title: 测试\nyear: 2020\n');
    writeFileSync(join(dir, 'tasks', '2020-B001.yaml'), 'id: 2020-B001\ntitle: 乙的任务\nlead: 区长\nunits: [区财政局]\ndeadline: 2020-12-31\nstatus: not_started\n');
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, '-c', 'user.name=乙', '-c', 'user.email=b@example.org', 'commit', '-qm', '台账');
    git(dir, 'config', 'user.email', 'a@example.org');
    expect((await run(['sync', '--clerk', 'B2'], { cwd: dir })).stderr).toContain('编号字母应为 1 到 3 个英文大写字母');
    expect((await run(['sync', '--clerk', 'b'], { cwd: dir })).stderr).toContain('编号字母 B 已被 乙 使用');
    const ok = await run(['sync', '--clerk', 'a'], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(ok.stderr).toBe('本机的编号字母已设为 A：本机新建的任务编号为 2020-A001 起\n');
  });

  it('installs the server check as the pre-receive hook, or beside a Gitea’s own hooks', async () => {
    const plain = join(tempDir(), 'hub.git');
    execFileSync('git', ['init', '-q', '--bare', plain]);
    expect((await run(['hook', 'server', plain])).code).toBe(0);
    expect(readFileSync(join(plain, 'hooks', 'pre-receive'), 'utf8')).toContain('validate --dir "$dir"');

    const gitea = join(tempDir(), 'gitea.git');
    execFileSync('git', ['init', '-q', '--bare', gitea]);
    mkdirSync(join(gitea, 'hooks', 'pre-receive.d'));
    writeFileSync(join(gitea, 'hooks', 'pre-receive'), '#!/bin/sh\n# gitea\n');
    expect((await run(['hook', 'server', gitea])).code).toBe(0);
    expect(existsSync(join(gitea, 'hooks', 'pre-receive.d', 'tasks-validate'))).toBe(true);
    expect(readFileSync(join(gitea, 'hooks', 'pre-receive'), 'utf8')).toBe('#!/bin/sh\n# gitea\n');

    const other = join(tempDir(), 'other.git');
    execFileSync('git', ['init', '-q', '--bare', other]);
    writeFileSync(join(other, 'hooks', 'pre-receive'), '#!/bin/sh\n# 别的检查\n');
    const kept = await run(['hook', 'server', other]);
    expect(kept.code).toBe(2);
    expect(kept.stderr).toContain('已有别的程序的 pre-receive 钩子，未覆盖');
  });
});
