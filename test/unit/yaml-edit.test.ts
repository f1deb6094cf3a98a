import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { applyToData, applyToText, type EditOp } from '../../src/store/yaml-edit.js';

const SOURCE = [
  '# yaml-language-server: $schema=../schemas/task.schema.json',
  '# 第二行注释：修改时要保留',
  'id: 2020-017',
  "title: '“放管服”改革'   # 行尾注释，前面有三个空格",
  'detail: |',
  '  第一行',
  '  第二行',
  'lead: 常务副区长',
  'units: [区发改委, 区财政局]   # 流式列表',
  'deadline: 2020-09-30',
  'status: in_progress',
  'milestones:',
  '  - title: 完成招标',
  '    due: 2020-06-30',
  '  # 节点之间的注释',
  '  - title: 开工建设',
  '    due: 2020-08-31',
  '    done_on: 2020-08-20',
  'progress:',
  '  - date: 2020-03-10',
  '    note: 已完成方案   # 第一条',
  '    percent: 20',
  'tags:',
  '- 重点项目',
  '',
].join('\n');

/** Applies the ops and checks the two promises: the data is what the ops mean, and no other line changed. */
function edit(source: string, ops: EditOp[]): { out: string; changed: string[] } {
  const out = applyToText(source, ops);
  const expected = applyToData(load(source.replace(/^\uFEFF/, '')) as Record<string, unknown>, ops);
  expect(load(out.replace(/^\uFEFF/, ''))).toEqual(expected);
  const before = source.split('\n');
  const after = out.split('\n');
  const kept = before.filter((line) => after.includes(line));
  return { out, changed: before.filter((line) => !kept.includes(line)) };
}

describe('minimal YAML edits', () => {
  it('changes a scalar in place, keeping the comment after it', () => {
    const { out, changed } = edit(SOURCE, [{ op: 'set', path: ['status'], value: 'done' }]);
    expect(changed).toEqual(['status: in_progress']);
    expect(out).toContain('status: done\n');
    const t = edit(SOURCE, [{ op: 'set', path: ['title'], value: '新标题' }]);
    expect(t.out).toContain('title: 新标题   # 行尾注释，前面有三个空格');
  });

  it('removes an item of a list, keeping the comments around it', () => {
    const first = edit(SOURCE, [{ op: 'delete', path: ['milestones', 0] }]);
    expect(first.changed).toEqual(['  - title: 完成招标', '    due: 2020-06-30']);
    expect(first.out).toContain('milestones:\n  # 节点之间的注释\n  - title: 开工建设');
    const last = edit(SOURCE, [{ op: 'delete', path: ['milestones', 1] }]);
    expect(last.changed).toEqual(['  - title: 开工建设', '    due: 2020-08-31', '    done_on: 2020-08-20']);
    const flow = edit(SOURCE, [{ op: 'delete', path: ['units', 1] }]);
    expect(flow.out).toContain('units: [区发改委]');
  });

  it('quotes a value that YAML would read as something else', () => {
    const { out } = edit(SOURCE, [{ op: 'set', path: ['lead'], value: '2020' }, { op: 'set', path: ['status'], value: 'null' }]);
    expect(out).toContain('lead: "2020"');
  });

  it('adds a missing key where the schema order puts it', () => {
    const { out, changed } = edit(SOURCE, [{ op: 'set', path: ['done_on'], value: '2020-09-28' }]);
    expect(changed).toEqual([]);
    expect(out).toContain('status: in_progress\ndone_on: 2020-09-28\nmilestones:');
  });

  it('deletes a key and its lines only', () => {
    const { out, changed } = edit(SOURCE, [{ op: 'delete', path: ['detail'] }]);
    expect(changed).toEqual(['detail: |', '  第一行', '  第二行']);
    expect(out).toContain("title: '“放管服”改革'   # 行尾注释，前面有三个空格\nlead:");
  });

  it('appends a progress entry after the last one, and inserts one in date order', () => {
    const entry = { date: '2020-06-10', note: '完成招标', percent: 40, by: '区住建局' };
    const { out, changed } = edit(SOURCE, [{ op: 'insert', path: ['progress'], index: 1, value: entry }]);
    expect(changed).toEqual([]);
    expect(out).toContain('    percent: 20\n  - date: 2020-06-10\n    note: 完成招标\n    percent: 40\n    by: 区住建局\ntags:');
    const early = edit(SOURCE, [{ op: 'insert', path: ['progress'], index: 0, value: { date: '2020-02-01', note: '启动' } }]);
    expect(early.out).toContain('progress:\n  - date: 2020-02-01\n    note: 启动\n  - date: 2020-03-10');
  });

  it('adds a key inside a list item, keeping the comment between items', () => {
    const { out, changed } = edit(SOURCE, [{ op: 'set', path: ['milestones', 0, 'done_on'], value: '2020-06-28' }]);
    expect(changed).toEqual([]);
    expect(out).toContain('  - title: 完成招标\n    due: 2020-06-30\n    done_on: 2020-06-28\n  # 节点之间的注释');
  });

  it('keeps a flow list flow', () => {
    const { out, changed } = edit(SOURCE, [{ op: 'set', path: ['units'], value: ['区住建局', '区发改委'] }]);
    expect(changed).toEqual(['units: [区发改委, 区财政局]   # 流式列表']);
    expect(out).toContain('units: [区住建局, 区发改委]\n');
    const added = edit(SOURCE, [{ op: 'insert', path: ['units'], index: 2, value: '区审计局' }]);
    expect(added.out).toContain('units: [区发改委, 区财政局, 区审计局]\n');
  });

  it('creates a list that is missing, in the file’s own list indentation', () => {
    const { out } = edit(SOURCE, [
      { op: 'insert', path: ['extensions'], index: 0, value: { date: '2020-09-25', from: '2020-09-30', to: '2020-10-31', reason: '区长办公会同意延期' } },
    ]);
    expect(out).toContain('progress:\n  - date: 2020-03-10');
    expect(out).toMatch(/extensions:\n {2}- date: 2020-09-25\n {4}from: 2020-09-30/);
    const flat = edit(SOURCE.replace('tags:\n- 重点项目', 'tags: [重点项目]').replace(/\n {2}- /g, '\n- ').replace(/\n {4}/g, '\n  '), [
      { op: 'insert', path: ['extensions'], index: 0, value: { date: '2020-09-25', from: '2020-09-30', to: '2020-10-31', reason: 'x' } },
    ]);
    expect(flat.out).toMatch(/extensions:\n- date: 2020-09-25\n {2}from: 2020-09-30/);
  });

  it('keeps CRLF line ends and a BOM', () => {
    const crlf = `\uFEFF${SOURCE.replace(/\n/g, '\r\n')}`;
    const out = applyToText(crlf, [
      { op: 'set', path: ['done_on'], value: '2020-09-28' },
      { op: 'insert', path: ['progress'], index: 1, value: { date: '2020-09-28', note: '完成' } },
      { op: 'set', path: ['status'], value: 'done' },
    ]);
    expect(out.startsWith('\uFEFF')).toBe(true);
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    for (const line of crlf.split('\r\n').filter((l) => !l.includes('status'))) expect(out.split('\r\n')).toContain(line);
  });

  it('writes Chinese multi-line text as a | block', () => {
    const { out } = edit(SOURCE, [{ op: 'set', path: ['detail'], value: '第一行\n第二行\n第三行' }]);
    expect(out).toContain('detail: |-\n  第一行\n  第二行\n  第三行\nlead:');
  });

  it('handles a file that does not end with a newline', () => {
    const out = applyToText('id: T-1\ntitle: x\nstatus: in_progress', [{ op: 'insert', path: ['progress'], index: 0, value: { date: '2020-01-01', note: 'y' } }]);
    expect(load(out)).toMatchObject({ progress: [{ date: '2020-01-01', note: 'y' }] });
  });

  it('removes a list item with its lines, the last one leaving an empty flow list', () => {
    const first = edit(SOURCE, [{ op: 'delete', path: ['milestones', 0] }]);
    expect(first.changed).toEqual(['  - title: 完成招标', '    due: 2020-06-30']);
    const flow = edit(SOURCE, [{ op: 'delete', path: ['units', 1] }]);
    expect(flow.out).toContain('units: [区发改委]');
    const last = edit(SOURCE, [{ op: 'delete', path: ['progress', 0] }]);
    expect(last.out).toContain('progress: []\n');
    expect(last.changed).toEqual(['progress:', '  - date: 2020-03-10', '    note: 已完成方案   # 第一条', '    percent: 20']);
  });
});
