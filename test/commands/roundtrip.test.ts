// Any text a clerk can type is kept as typed by every editing command: `&` and `*` (which the
// fast parser takes for anchors and aliases), YAML indicators, quotes, colons, emoji, line breaks.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseFast } from '../../src/store/parse.js';
import { copyFixture, run } from '../helpers.js';
import { clerkLine, clerkText, runs, seed, typed } from '../fuzz.js';

const AS_OF = ['--as-of', '2020-09-30'];
const fileOf = (dir: string, id: string) => join(dir, 'tasks', `${id}.yaml`);

/** The task as both parsers read it; they must agree whenever the fast one accepts the file. */
function readBack(dir: string, id: string): Record<string, any> {
  const text = readFileSync(fileOf(dir, id), 'utf8').replace(/^\uFEFF/, '');
  const full = parse(text) as Record<string, any>;
  const fast = parseFast(text, () => true);
  if (fast !== undefined) expect(JSON.parse(JSON.stringify(fast))).toEqual(JSON.parse(JSON.stringify(full)));
  return full;
}

async function ok(dir: string, argv: string[]): Promise<void> {
  const r = await run([...AS_OF, ...argv, '--quiet'], { cwd: dir });
  if (r.code !== 0) throw new Error(`tasks ${argv.join(' ')} → ${r.code}\n${r.stderr}`);
  const v = await run(['validate'], { cwd: dir });
  if (v.code !== 0) throw new Error(`validate after tasks ${argv.join(' ')} → ${v.code}\n${v.stderr}`);
}

const options = (n: number) => ({ numRuns: runs(n), seed: seed(), endOnFailure: true });
const clerkTitle = clerkLine.filter((s) => typed(s) !== '');
const clerkNote = clerkText.filter((s) => typed(s) !== '');

describe('any text a clerk types round-trips', () => {
  it('through progress', async () => {
    const dir = copyFixture('edit');
    await fc.assert(
      fc.asyncProperty(clerkNote, async (note) => {
        await ok(dir, ['progress', '2020-001', note, '--no-commit']);
        const progress = readBack(dir, '2020-001').progress as Array<{ note: string }>;
        expect(progress.at(-1)!.note).toBe(typed(note));
      }),
      options(25),
    );
  }, 120_000);

  it('through set title and set detail', async () => {
    const dir = copyFixture('edit');
    await fc.assert(
      fc.asyncProperty(clerkTitle, clerkNote, async (title, detail) => {
        await ok(dir, ['set', '2020-003', 'title', title, '--no-commit']);
        await ok(dir, ['set', '2020-001', 'detail', detail, '--no-commit']);
        expect(readBack(dir, '2020-003').title).toBe(typed(title));
        expect(readBack(dir, '2020-001').detail).toBe(typed(detail));
      }).beforeEach(() => {
        // the same value twice is refused as "no change": start each case from the fixture's values
        writeFileSync(fileOf(dir, '2020-003'), readFileSync(join(copyFixture('edit'), 'tasks', '2020-003.yaml')));
      }),
      options(15),
    );
  }, 120_000);

  it('through milestone add and done', async () => {
    const dir = copyFixture('edit');
    await fc.assert(
      fc.asyncProperty(clerkTitle, async (title) => {
        await ok(dir, ['milestone', '2020-003', 'add', title, '--due', '2020-12-01', '--no-commit']);
        const milestones = readBack(dir, '2020-003').milestones as Array<{ title: string; done_on?: string }>;
        const index = milestones.findLastIndex((ms) => ms.title === typed(title));
        expect(index).toBeGreaterThanOrEqual(0);
        await ok(dir, ['milestone', '2020-003', 'done', String(index + 1), '--on', '2020-09-30', '--no-commit']);
        expect((readBack(dir, '2020-003').milestones as Array<{ done_on?: string }>)[index]!.done_on).toBe('2020-09-30');
      }),
      options(15),
    );
  }, 120_000);

  it('through target', async () => {
    const dir = copyFixture('edit');
    const file = fileOf(dir, '2020-003');
    const base = readFileSync(file, 'utf8');
    await fc.assert(
      fc.asyncProperty(clerkTitle, fc.integer({ min: 0, max: 10_000 }), async (name, actual) => {
        // a target whose name is the typed text, written as the full YAML writer would
        const quoted = JSON.stringify(typed(name));
        writeFileSync(file, `${base}targets:\n  - name: ${quoted}\n    target: 10\n`);
        await ok(dir, ['target', '2020-003', typed(name), '--actual', String(actual), '--no-commit']);
        expect(readBack(dir, '2020-003').targets).toEqual([{ name: typed(name), target: 10, actuals: [{ date: '2020-09-30', value: actual }] }]);
      }),
      options(15),
    );
  }, 120_000);

  it('through new', async () => {
    const dir = copyFixture('edit');
    await fc.assert(
      fc.asyncProperty(clerkTitle, clerkNote, async (title, detail) => {
        const r = await run([...AS_OF, 'new', '--title', title, '--detail', detail, '--lead', '区长', '--unit', '区财政局', '--deadline', '2020-12-31', '--no-commit'], { cwd: dir });
        expect(r.code, r.stderr).toBe(0);
        const id = /已新建任务 ([\w-]+)（/.exec(r.stdout)![1]!;
        const task = readBack(dir, id);
        expect(task.title).toBe(typed(title));
        expect(task.detail).toBe(typed(detail));
      }),
      options(15),
    );
  }, 120_000);
});

describe('text the fast parser declines', () => {
  function repo(): { dir: string; git: (...args: string[]) => string } {
    const dir = copyFixture('edit');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
    git('init', '-q');
    git('config', 'user.name', '督查室');
    git('config', 'user.email', 'd@example.org');
    git('add', '.');
    git('commit', '-qm', '台账');
    return { dir, git };
  }

  it('records R&D and 5*8小时, and edits a task whose text already holds them', async () => {
    const { dir, git } = repo();
    for (const argv of [
      ['progress', '2020-003', 'R&D投入'],
      ['set', '2020-003', 'title', '研发&创新'],
      ['progress', '2020-003', '每周5*8小时'],
      ['new', '--title', 'R&D', '--lead', '区长', '--unit', '区财政局', '--deadline', '2020-12-31'],
      ['done', '2020-003', '--on', '2020-09-30'],
    ]) {
      const r = await run([...AS_OF, ...argv], { cwd: dir });
      expect(r.code, `${argv.join(' ')}: ${r.stderr}`).toBe(0);
    }
    const task = readBack(dir, '2020-003');
    expect(task.title).toBe('研发&创新');
    expect(task.progress.map((p: { note: string }) => p.note).slice(-2)).toEqual(['R&D投入', '每周5*8小时']);
    expect(readBack(dir, '2020-004').title).toBe('R&D');
    expect(git('status', '--porcelain')).toBe('');
  });

  it('lists at least one problem when an edit is refused', async () => {
    const { dir } = repo();
    const file = fileOf(dir, '2020-003');
    // an anchor and alias the full parser reads, with a value the schema refuses
    writeFileSync(file, readFileSync(file, 'utf8').replace('lead: 区长', 'lead: &who 区长\nsection: *who\npoint: 5'));
    const r = await run([...AS_OF, 'progress', '2020-003', 'x', '--no-commit'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'tasks: tasks/2020-003.yaml 本身有错误，请先按下面的提示修好再修改：\n' +
        'tasks/2020-003.yaml:5:8: 错误: 所属要点（point）应为文字，这里是整数；请加引号，写成 "5"\n' +
        '  5 | point: 5\n' +
        '    |        ^\n',
    );
  });
});
