// The built bin/tasks as a child process, with a hermetic environment.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, fixture, ROOT, spawnTasks, tempDir } from '../helpers.js';

describe('bin/tasks', () => {
  it('prints help in Chinese with the exit codes, and in English with --lang en', () => {
    const zh = spawnTasks(['--help']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('逾期（红灯）任务');
    expect(zh.stdout).toContain('退出码');
    const en = spawnTasks(['--help', '--lang', 'en']);
    expect(en.stdout).toContain('Exit codes');
    expect(spawnTasks(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('shows the overdue table of a fixture plan, without colour when piped', () => {
    const r = spawnTasks(['overdue', '--as-of', '2020-09-30', '-C', fixture('lights')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('截至2020年9月30日：逾期 3 项（其中节点逾期 1 项），临期 2 项');
    expect(r.stdout).not.toContain('\u001b[');
    expect(r.stderr).toBe('');
  });

  it('colours when FORCE_COLOR asks, and NO_COLOR wins over the terminal', () => {
    const forced = spawnTasks(['overdue', '--as-of', '2020-09-30', '-C', fixture('lights')], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\u001b[31m');
    const off = spawnTasks(['overdue', '--as-of', '2020-09-30', '-C', fixture('lights'), '--no-color'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(off.stdout).not.toContain('\u001b[');
  });

  it('suggests the nearest command and option, exit 2, no stack trace', () => {
    const cmd = spawnTasks(['overdeu']);
    expect(cmd.code).toBe(2);
    expect(cmd.stderr).toBe('tasks: 没有“overdeu”这个命令，是否想用“overdue”？；运行 tasks --help 查看全部命令\n');
    const opt = spawnTasks(['overdue', '--grup', 'lead', '-C', fixture('lights')]);
    expect(opt.code).toBe(2);
    expect(opt.stderr).toContain('“--group”');
    expect(opt.stderr).not.toMatch(/at .*\.js/);
  });

  it('suggests an option of the command typed, not one of another command, nor one merely as long', () => {
    // --force belongs to done and import, not to overdue; --format is three letters away
    const r = spawnTasks(['overdue', '--forse', '-C', fixture('lights')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('tasks: 不认识的选项“--forse”；加 --help 查看可用选项\n');
    expect(spawnTasks(['overdue', '--fromat', 'json', '-C', fixture('lights')]).stderr).toContain('是否想用“--format”');
    // the dashboard has no --format: nothing near it is suggested (--out was, for the dashes they share)
    expect(spawnTasks(['dashboard', '--formt', 'x', '-C', fixture('lights')]).stderr).toBe('tasks: 不认识的选项“--formt”；加 --help 查看可用选项\n');
    // the program's own options count, before the command's name or after it
    expect(spawnTasks(['-C', fixture('lights'), 'overdue', '--as-f', '2020-09-30']).stderr).toContain('“--as-of”');
  });

  it('tells a clerk who writes an argument as an option to write it after the command', () => {
    // `--note` was answered with "did you mean --date?": the note is progress's second argument
    const note = spawnTasks(['progress', '2020-001', '--note', '已召开专题协调会', '-C', fixture('lights')]);
    expect(note.code).toBe(2);
    expect(note.stderr).toBe('tasks: 不认识的选项“--note”：进展情况直接写在命令后面，不加选项名\n  用法：tasks progress [options] <id> <note>\n');
    // its description up to the first explanation, and the usage of a subcommand with its parent
    expect(spawnTasks(['set', '2020-001', '--field', 'deadline', '2020-12-31', '-C', fixture('lights')]).stderr).toContain('“--field”：字段直接写在命令后面');
    expect(spawnTasks(['feedback', 'import', '--files=a.xlsx', '-C', fixture('lights')]).stderr).toContain('用法：tasks feedback import [options] <files...>');
    expect(spawnTasks(['--lang', 'en', 'progress', '--id', '2020-001', 'x', '-C', fixture('lights')]).stderr).toBe(
      'tasks: unknown option "--id": give task id after the command, without an option name\n  usage: tasks progress [options] <id> <note>\n',
    );
    // an option that names no argument is still matched against the options
    expect(spawnTasks(['progress', '2020-001', 'x', '--dat', '2020-09-30', '-C', fixture('lights')]).stderr).toContain('是否想用“--date”');
  });

  it('says which date forms are accepted for a bad --as-of', () => {
    for (const bad of ['2020-13-01', '尽快']) {
      const r = spawnTasks(['overdue', '--as-of', bad, '-C', fixture('lights')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('2020年9月30日、9月30日、9.30（当年）、today/今天、昨天');
    }
  });

  it('uses Beijing date for today on a UTC machine', () => {
    // the fixture's task L-01 is due 2020-09-30; --as-of is absent, so today decides: check with a fixed date instead
    const r = spawnTasks(['list', '--as-of', 'today', '--format', 'json', '-C', fixture('lights')]);
    expect(JSON.parse(r.stdout).as_of).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('works without a config, saying so once on stderr, and on an empty tasks folder', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'tasks'));
    const r = spawnTasks(['overdue', '--as-of', '2020-09-30'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('没有逾期任务');
    expect(r.stderr.trim().split('\n')).toEqual(['未找到 tasks.config.yaml，使用默认设置（可用 tasks init 创建）。']);
  });

  it('shows terminal escape sequences in task text as visible escapes, never raw', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'tasks'));
    writeFileSync(
      join(dir, 'tasks', 'E-1.yaml'),
      'id: E-1\ntitle: "坏\\e]0;改标题\\a任务\\e[2J清屏\\u202e反转"\nlead: 区长\nunits: [区发改委]\ndeadline: 2020-06-30\nstatus: in_progress\n',
    );
    const r = spawnTasks(['overdue', '--as-of', '2020-09-30'], { cwd: dir });
    expect(r.stdout).toContain('坏\\x1b]0;改标题\\x07任务\\x1b[2J清屏\\u202e反转');
    expect(r.stdout).not.toMatch(/[\u001b\u0007\u202e]/);
  });

  it('lists unreadable files on stderr, shows the rest, and exits 1', () => {
    const dir = copyFixture('lights');
    writeFileSync(join(dir, 'tasks', 'L-99.yaml'), 'id: L-99\ntitle: [坏\n');
    const r = spawnTasks(['overdue', '--as-of', '2020-09-30'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('L-06');
    expect(r.stderr).toContain('tasks/L-99.yaml:');
    expect(r.stderr).toContain('有 1 个任务文件无法读取');
    const json = spawnTasks(['overdue', '--as-of', '2020-09-30', '--format', 'json'], { cwd: dir });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).unreadable[0].file).toBe('tasks/L-99.yaml');
  });

  it('imports the Tunxi notice into an empty folder as 141 valid drafts, and skips edited ones on re-import', () => {
    const dir = tempDir();
    const out = join(dir, 'tasks');
    const notice = join(ROOT, 'seeds', 'tunxi-2020-key-work-notice.txt');
    const first = spawnTasks(['import', 'notice', notice, '--year', '2020', '--out', out], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('共 141 项：新写入 141');
    expect(first.stderr).toContain('与通知所称 141 项一致');
    const draft = readFileSync(join(out, '2020-012.yaml'), 'utf8');
    expect(draft.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/task.schema.json');
    expect(draft).toContain('section: 一、深化改革创新，高质量加快动能转换');
    expect(spawnTasks(['validate'], { cwd: dir }).stdout).toContain('141 个任务，0 个错误');
    writeFileSync(join(out, '2020-001.yaml'), readFileSync(join(out, '2020-001.yaml'), 'utf8').replace('lead: 待定', 'lead: 区长'));
    const again = spawnTasks(['import', 'notice', notice, '--year', '2020', '--out', out], { cwd: dir });
    expect(again.stderr).toContain('跳过');
    expect(again.stderr).toContain('未变 140，跳过 1');
    expect(readFileSync(join(out, '2020-001.yaml'), 'utf8')).toContain('lead: 区长');
    // forced, the notice is merged in: its 待定 never replaces an official already filled in
    const forced = spawnTasks(['import', 'notice', notice, '--year', '2020', '--out', out, '--force'], { cwd: dir });
    expect(forced.stderr).toContain('未变 141');
    expect(readFileSync(join(out, '2020-001.yaml'), 'utf8')).toContain('lead: 区长');
  });

  it('refuses a notice with no structure, exit 1', () => {
    const r = spawnTasks(['import', 'notice', join(fixture('notices'), 'no-structure.txt'), '--year', '2020', '--out', tempDir()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('没有找到可识别的结构');
  });

  it('installs a pre-commit hook that refuses a commit with an invalid staged task file', () => {
    const dir = copyFixture('lights');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
    git('init', '-q');
    git('config', 'user.email', 'clerk@example.org');
    git('config', 'user.name', '督查室');
    const hook = spawnTasks(['hook', 'install'], { cwd: dir });
    expect(hook.code).toBe(0);
    git('add', '.');
    git('commit', '-qm', '台账');
    writeFileSync(join(dir, 'tasks', 'L-01.yaml'), readFileSync(join(dir, 'tasks', 'L-01.yaml'), 'utf8').replace('2020-09-30', '2020-09-31'));
    git('add', 'tasks/L-01.yaml');
    let failed = '';
    try {
      git('commit', '-qm', '改时限');
    } catch (error) {
      failed = String((error as { stdout?: string }).stdout ?? '') + String((error as { stderr?: string }).stderr ?? '');
    }
    expect(failed).toContain('tasks/L-01.yaml:');
    expect(failed).toContain('2020-09-31');
    expect(git('log', '--oneline').trim().split('\n')).toHaveLength(1);
  });
});
