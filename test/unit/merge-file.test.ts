// The merge of one task file from its three texts: ours' layout kept line for line, conflicts
// between markers that name the field, results that break a rule reported, not written as valid.
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/index.js';
import { conflictBlocks, describeBlocks, mergeFile, replaceBlocks } from '../../src/store/merge.js';

const m = messages('zh');
const roster = { leads: [], units: [] };

const BASE = [
  '# yaml-language-server: $schema=../schemas/task.schema.json',
  '# 由督查室维护',
  'id: 2020-017',
  'title: 实施项目   # 标题',
  'lead: 常务副区长',
  'units: [区发改委, 区财政局]',
  'deadline: 2020-10-31',
  'status: in_progress',
  'milestones:',
  '  - title: 完成招标',
  '    due: 2020-06-30',
  'progress:',
  '  - date: 2020-03-10   # 第一条',
  '    note: 方案',
  '',
].join('\n');

const bytes = (text: string) => Buffer.from(text, 'utf8');
const merge = (base: string | undefined, ours: string, theirs: string) =>
  mergeFile({ file: 'tasks/2020-017.yaml', base: base === undefined ? undefined : bytes(base), ours: bytes(ours), theirs: bytes(theirs), roster, m });

describe('mergeFile', () => {
  it('adds theirs’ entries to ours’ text without touching any line of ours', async () => {
    const ours = BASE.replace('    note: 方案\n', '    note: 方案\n  - date: 2020-09-20\n    note: 本方九月\n');
    const theirs = BASE.replace('    due: 2020-06-30\n', '    due: 2020-06-30\n    done_on: 2020-06-28\n').replace('    note: 方案\n', '    note: 方案\n  - date: 2020-07-01\n    note: 对方七月\n');
    const result = await merge(BASE, ours, theirs);
    expect(result.outcome).toBe('clean');
    if (result.outcome !== 'clean') return;
    const kept = new Set(result.text.split('\n'));
    expect(ours.split('\n').filter((line) => !kept.has(line))).toEqual([]);
    expect(result.text).toContain('  - date: 2020-03-10   # 第一条\n    note: 方案\n  - date: 2020-07-01\n    note: 对方七月\n  - date: 2020-09-20\n    note: 本方九月\n');
    expect(result.text).toContain('    due: 2020-06-30\n    done_on: 2020-06-28\n');
  });

  it('puts a field both sides changed between markers that name it, and reads them back', async () => {
    const result = await merge(BASE, BASE.replace('deadline: 2020-10-31', 'deadline: 2020-11-30'), BASE.replace('deadline: 2020-10-31', 'deadline: 2020-12-31').replace('units: [区发改委, 区财政局]', 'units: [区发改委]'));
    expect(result.outcome).toBe('conflicts');
    if (result.outcome !== 'conflicts') return;
    expect(result.text).toContain('units: [区发改委]\n<<<<<<< 本方 deadline\ndeadline: 2020-11-30\n=======\ndeadline: 2020-12-31\n>>>>>>> 对方 deadline\nstatus: in_progress\n');
    expect(describeBlocks('tasks/2020-017.yaml', result.text, m)).toEqual(['tasks/2020-017.yaml:7: 完成时限：本方 2020-11-30，对方 2020-12-31']);
    const theirs = replaceBlocks(result.text, (b) => b.theirs);
    expect(load(theirs)).toMatchObject({ deadline: '2020-12-31', units: ['区发改委'] });
    expect(conflictBlocks(theirs)).toEqual([]);
  });

  it('names an item of a list by its title in the conflict line', async () => {
    const result = await merge(BASE, BASE.replace('    due: 2020-06-30', '    due: 2020-07-15'), BASE.replace('    due: 2020-06-30', '    due: 2020-07-31'));
    expect(result.outcome).toBe('conflicts');
    if (result.outcome !== 'conflicts') return;
    expect(result.conflicts[0]!.paths).toEqual([['milestones', 0, 'due']]);
    expect(describeBlocks('tasks/2020-017.yaml', result.text, m)).toEqual(['tasks/2020-017.yaml:11: 节点目标“完成招标”的应完成日期：本方 2020-07-15，对方 2020-07-31']);
  });

  it('reports a merge that breaks a rule, with every entry kept', async () => {
    const ours = BASE.replace('status: in_progress', 'status: done\ndone_on: 2020-09-01');
    const theirs = BASE.replace('    note: 方案\n', '    note: 方案\n  - date: 2020-09-20\n    note: 完成后又报\n');
    const result = await merge(BASE, ours, theirs);
    expect(result.outcome).toBe('invalid');
    if (result.outcome !== 'invalid') return;
    expect(result.text).toContain('note: 完成后又报');
    expect(result.problems.map((p) => p.code)).toEqual(['date_after_done']);
  });

  it('merges two files both sides created, and leaves a version that is not YAML to git', async () => {
    const added = await merge(undefined, BASE, BASE.replace('title: 实施项目', 'title: 另一个项目'));
    expect(added.outcome).toBe('conflicts');
    const broken = await merge(BASE, BASE, 'id: [unclosed\n');
    expect(broken.outcome).toBe('unmergeable');
  });
});
