// The three-way merge of records, field by field, by the shape of each field in the schema.
import { describe, expect, it } from 'vitest';
import configSchema from '../../schemas/config.schema.json' with { type: 'json' };
import taskSchema from '../../schemas/task.schema.json' with { type: 'json' };
import { allocateIds, nextId } from '../../src/core/ids.js';
import { mergeRecords, shapeOf, supersededExtensions, type MergeResult } from '../../src/core/merge.js';
import { applyToData } from '../../src/store/yaml-edit.js';

const TASK = shapeOf(taskSchema as never);
const CONFIG = shapeOf(configSchema as never, { namesAsSets: true });

const base = {
  id: '2020-017',
  title: '实施项目',
  lead: '常务副区长',
  units: ['区发改委', '区财政局'],
  deadline: '2020-10-31',
  status: 'in_progress',
  milestones: [
    { title: '完成招标', due: '2020-06-30' },
    { title: '开工建设', due: '2020-08-31' },
  ],
  targets: [{ name: '项目', target: 18, actuals: [{ date: '2020-06-30', value: 8 }] }],
  progress: [
    { date: '2020-03-10', note: '方案', percent: 20 },
    { date: '2020-06-28', note: '招标', percent: 45 },
  ],
};

type Data = Record<string, any>;
const clone = (): Data => structuredClone(base);

function merged(b: unknown, o: Data, t: Data, shape = TASK): { data: Data; result: MergeResult } {
  const result = mergeRecords(b, o, t, shape);
  return { data: applyToData(o, result.ops as never) as Data, result };
}

describe('three-way merge of a task', () => {
  it('keeps the progress entries of both sides, in date order', () => {
    const o = clone();
    o.progress.push({ date: '2020-09-20', note: '本方九月', percent: 70 });
    const t = clone();
    t.progress.push({ date: '2020-07-15', note: '对方七月', percent: 55 }, { date: '2020-09-25', note: '对方九月' });
    const { data, result } = merged(base, o, t);
    expect(result.conflicts).toEqual([]);
    expect(data.progress.map((p: Data) => p.note)).toEqual(['方案', '招标', '对方七月', '本方九月', '对方九月']);
  });

  it('keeps an entry both sides added alike once, and two different entries of one date both', () => {
    const entry = { date: '2020-09-20', note: '同一条反馈', by: '区发改委' };
    const o = clone();
    o.progress.push(entry, { date: '2020-09-21', note: '本方' });
    const t = clone();
    t.progress.push({ ...entry }, { date: '2020-09-21', note: '对方' });
    const { data } = merged(base, o, t);
    expect(data.progress.map((p: Data) => p.note)).toEqual(['方案', '招标', '同一条反馈', '本方', '对方']);
  });

  it('takes a scalar changed on one side, and reports one changed differently on both', () => {
    const o = clone();
    o.title = '本方标题';
    o.deadline = '2020-10-31';
    const t = clone();
    t.status = 'suspended';
    t.deadline = '2020-11-30';
    o.deadline = '2020-12-15';
    const { data, result } = merged(base, o, t);
    expect(data).toMatchObject({ title: '本方标题', status: 'suspended', deadline: '2020-12-15' });
    expect(result.conflicts).toEqual([{ path: ['deadline'], base: '2020-10-31', ours: '2020-12-15', theirs: '2020-11-30' }]);
  });

  it('treats units and lead as values: the same change on both sides is no conflict, different ones are', () => {
    const o = clone();
    const t = clone();
    o.units = ['区发改委'];
    t.units = ['区发改委'];
    o.lead = ['常务副区长', '区长'];
    t.lead = '区长';
    const { result } = merged(base, o, t);
    expect(result.conflicts.map((c) => c.path)).toEqual([['lead']]);
  });

  it('merges milestones by title: a done date on one side, a new milestone on the other', () => {
    const o = clone();
    o.milestones[0].done_on = '2020-06-28';
    const t = clone();
    t.milestones.splice(1, 0, { title: '完成设计', due: '2020-07-31', added: '2020-07-01' });
    t.milestones[2].due = '2020-09-15';
    const { data, result } = merged(base, o, t);
    expect(result.conflicts).toEqual([]);
    expect(data.milestones).toEqual([
      { title: '完成招标', due: '2020-06-30', done_on: '2020-06-28' },
      { title: '完成设计', due: '2020-07-31', added: '2020-07-01' },
      { title: '开工建设', due: '2020-09-15' },
    ]);
  });

  it('reports a milestone whose due date both sides changed, at its index in the result', () => {
    const o = clone();
    o.milestones.unshift({ title: '前期', due: '2020-03-01' });
    o.milestones[2].due = '2020-09-01';
    const t = clone();
    t.milestones[1].due = '2020-09-30';
    const { result } = merged(base, o, t);
    expect(result.conflicts).toEqual([{ path: ['milestones', 2, 'due'], base: '2020-08-31', ours: '2020-09-01', theirs: '2020-09-30' }]);
  });

  it('merges the dated actuals of a target as a log', () => {
    const o = clone();
    o.targets[0].actuals.push({ date: '2020-09-30', value: 12 });
    const t = clone();
    t.targets[0].actuals.push({ date: '2020-08-31', value: 10, note: '统计局' });
    const { data } = merged(base, o, t);
    expect(data.targets[0].actuals.map((a: Data) => a.value)).toEqual([8, 10, 12]);
  });

  it('applies a removal by one side and keeps an entry the other side changed', () => {
    const o = clone();
    o.progress[0].percent = 25;
    const t = clone();
    t.progress.splice(0, 1);
    t.progress.splice(0, 1);
    const { data } = merged(base, o, t);
    expect(data.progress).toEqual([{ date: '2020-03-10', note: '方案', percent: 25 }]);
  });

  it('merges a changed entry field by field (a decision on one side, a note on the other)', () => {
    const withRequest: Data = { ...clone(), completion_requests: [{ date: '2020-09-20', by: '区发改委', done_on: '2020-09-18' }] };
    const o = structuredClone(withRequest);
    o.completion_requests[0].decision = 'accepted';
    o.completion_requests[0].decided = '2020-09-22';
    const t = structuredClone(withRequest);
    t.completion_requests[0].note = '附验收报告';
    const { data, result } = merged(withRequest, o, t);
    expect(result.conflicts).toEqual([]);
    expect(data.completion_requests).toEqual([{ date: '2020-09-20', by: '区发改委', done_on: '2020-09-18', decision: 'accepted', decided: '2020-09-22', note: '附验收报告' }]);
    const t2 = structuredClone(withRequest);
    t2.completion_requests[0].decision = 'rejected';
    expect(merged(withRequest, o, t2).result.conflicts.map((c) => c.path)).toEqual([['completion_requests', 0, 'decision']]);
  });

  it('merges a list field nobody knew of yet by its shape (a dated log with a new name)', () => {
    const schema = structuredClone(taskSchema) as any;
    schema.properties.inspections = { type: 'array', items: { type: 'object', required: ['date', 'note'], properties: { date: { type: 'string', format: 'date' }, note: { type: 'string' } } } };
    const shape = shapeOf(schema);
    const o = { ...clone(), inspections: [{ date: '2020-05-01', note: 'a' }] };
    const t = { ...clone(), inspections: [{ date: '2020-04-01', note: 'b' }] };
    const { data } = merged({ ...clone(), inspections: [] }, o, t, shape);
    expect(data.inspections.map((x: Data) => x.note)).toEqual(['b', 'a']);
  });

  it('merges two files both sides created (no base): equal fields agree, different ones conflict', () => {
    const o = clone();
    const t = clone();
    t.progress = [{ date: '2020-09-01', note: '对方' }];
    o.title = '本方';
    const { data, result } = merged(undefined, o, t);
    expect(data.progress.map((p: Data) => p.note)).toEqual(['方案', '招标', '对方']);
    expect(result.conflicts.map((c) => c.path)).toEqual([['title']]);
  });

  it('merges the roster of the settings as ordered sets', () => {
    const b = { title: '台账', roster: { leads: ['区长'], units: ['区发改委', '区财政局'] } };
    const o = structuredClone(b);
    o.roster.units.push('区住建局');
    const t = structuredClone(b);
    t.roster.units = ['区发改委', '区教体局', '区财政局'];
    t.roster.leads.push('常务副区长');
    const { data, result } = merged(b, o, t, CONFIG);
    expect(result.conflicts).toEqual([]);
    expect(data.roster).toEqual({ leads: ['区长', '常务副区长'], units: ['区发改委', '区教体局', '区财政局', '区住建局'] });
  });
});

describe('ids of a plan kept on several computers', () => {
  it('numbers each computer’s series on its own, so two clones never hand out the same id', () => {
    const plan = ['2020-001', '2020-141', '2020-B001', '2020-B002', '2020-C001'];
    expect(nextId(plan, 2020)).toBe('2020-142');
    expect(nextId(plan, 2020, 'B')).toBe('2020-B003');
    expect(nextId(plan, 2020, 'A')).toBe('2020-A001');
    expect(allocateIds([undefined, undefined], 2020, plan, 'C')).toEqual(['2020-C002', '2020-C003']);
    // what two clones hand out from the same plan never meets
    const b = allocateIds([undefined, undefined, undefined], 2020, plan, 'B');
    const c = allocateIds([undefined, undefined, undefined], 2020, plan, 'C');
    expect(b.filter((id) => c.includes(id) || plan.includes(id))).toEqual([]);
  });
});

describe('the extension records a settled deadline did not come from', () => {
  const x = (from: string, to: string) => ({ from, to });
  it.each([
    ['both sides extended from one deadline, ours kept', [x('06-30', '10-31'), x('06-30', '11-30')], '11-30', [0]],
    ['theirs kept', [x('06-30', '10-31'), x('06-30', '11-30')], '10-31', [1]],
    ['a chain of two, then a competing pair', [x('03-31', '06-30'), x('06-30', '10-31'), x('06-30', '11-30')], '10-31', [2]],
    ['a plain chain keeps everything', [x('03-31', '06-30'), x('06-30', '10-31')], '10-31', []],
    ['a deadline no record reaches drops nothing', [x('06-30', '10-31'), x('06-30', '11-30')], '12-15', []],
    ['no records', [], '06-30', []],
  ])('%s', (_name, extensions, deadline, dropped) => {
    expect(supersededExtensions(extensions, deadline)).toEqual(dropped);
  });
});
