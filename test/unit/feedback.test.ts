// The pure parts of the feedback round trip: periods and who owes feedback, completion review,
// what a clerk writes in a form's cells, the form's identification, and what an answer does to a task.
import { describe, expect, it } from 'vitest';
import { excelSerialDate, parseFormDate } from '../../src/core/dates.js';
import { diffTasks } from '../../src/core/history.js';
import { judgePeriod, periodDueBy, periodOpenOn, type FeedbackRules } from '../../src/core/feedback.js';
import { periodKey, periodOf as periodOfKind } from '../../src/core/periods.js';
import { cellHash, metaRows, readMetaRows, type FormMeta } from '../../src/core/form-meta.js';
import { awaitingReview, openRequest } from '../../src/core/review.js';
import type { Task } from '../../src/core/task.js';
import { readChineseShare, readYesNo } from '../../src/core/words.js';
import { answerOps, type Return } from '../../src/import/feedback-entries.js';
import { applyToData, applyToText } from '../../src/store/yaml-edit.js';

const base = (id: string, units: string[], extra: Partial<Task> = {}): Task => ({ id, title: `任务${id}`, lead: '区长', units, deadline: '2020-12-31', status: 'in_progress', ...extra });

const periodOf = (date: string) => periodOfKind('xun', date);

const XUN: FeedbackRules = { cycle: 'xun' };

describe('periods of feedback', () => {
  it('sends the form of the period still open, and checks the last one already due', () => {
    expect(periodKey(periodOpenOn(XUN, '2020-09-22'))).toBe('2020-09-3');
    expect(periodKey(periodOpenOn(XUN, '2020-09-30'))).toBe('2020-09-3');
    expect(periodKey(periodOpenOn(XUN, '2020-10-01'))).toBe('2020-10-1');
    expect(periodKey(periodDueBy(XUN, '2020-09-29'))).toBe('2020-09-2');
    expect(periodKey(periodDueBy(XUN, '2020-09-30'))).toBe('2020-09-3');
    expect(periodKey(periodDueBy(XUN, '2020-10-05'))).toBe('2020-09-3');
  });

  it('monthly by the 28th: the form after the 28th is next month’s', () => {
    const monthly: FeedbackRules = { cycle: 'month', due_day: 28 };
    expect(periodKey(periodOpenOn(monthly, '2020-09-28'))).toBe('2020-09');
    expect(periodKey(periodOpenOn(monthly, '2020-09-29'))).toBe('2020-10');
    expect(periodKey(periodDueBy(monthly, '2020-09-27'))).toBe('2020-08');
    expect(periodKey(periodDueBy(monthly, '2020-09-28'))).toBe('2020-09');
  });
});

describe('who owes feedback, judged per answer', () => {
  it('co-units owe only with the co-unit tier, by their own earlier date; nothing before the rules start', () => {
    const tasks = [
      base('A', ['区发改委', '区财政局'], { progress: [{ date: '2020-09-29', note: 'x', by: '区发改委', period: '2020-09-3' }, { date: '2020-09-29', note: 'y', by: '区财政局', period: '2020-09-3' }] }),
      base('B', ['区发改委'], { progress: [{ date: '2020-10-03', note: 'x', by: '区发改委', period: '2020-09-3' }] }),
      base('C', ['区发改委'], { status: 'done', done_on: '2020-09-01' }),
    ];
    const period = periodOf('2020-09-25');
    const verdicts = (rules: FeedbackRules, asOf = '2020-10-05') => judgePeriod(tasks, period, rules, asOf, { endOfDay: true }).map((j) => [j.task.id, j.unit, j.tier, j.due, j.verdict]);
    // without the tier: the lead units alone; A on time, B late
    expect(verdicts(XUN)).toEqual([['A', '区发改委', 'lead', '2020-09-30', 'on_time'], ['B', '区发改委', 'lead', '2020-09-30', 'late']]);
    // with it: 区财政局's answer on the 29th is late against its 28th, though on time for a lead unit
    expect(verdicts({ cycle: 'xun', co_units_days_before: 2 })).toEqual([
      ['A', '区发改委', 'lead', '2020-09-30', 'on_time'],
      ['A', '区财政局', 'co', '2020-09-28', 'late'],
      ['B', '区发改委', 'lead', '2020-09-30', 'late'],
    ]);
    expect(verdicts({ cycle: 'xun', start: '2020-10-01' })).toEqual([]);
    // before the due date nothing is missing; at its end, B is
    expect(verdicts(XUN, '2020-09-29').map((v) => v[4])).toEqual(['on_time', 'not_due']);
    expect(verdicts(XUN, '2020-09-30').map((v) => v[4])).toEqual(['on_time', 'missing']);
  });
});

describe('completion review', () => {
  const task = base('A', ['区发改委'], {
    completion_requests: [
      { date: '2020-09-10', by: '区发改委', done_on: '2020-09-08', decision: 'rejected', decided: '2020-09-12', reason: '材料不全' },
      { date: '2020-09-28', by: '区发改委', done_on: '2020-09-25' },
    ],
  });

  it('a task waits for review from the request until the decision, seen as of any date', () => {
    expect(awaitingReview(task, '2020-09-09')).toBeUndefined();
    expect(awaitingReview(task, '2020-09-11')).toMatchObject({ index: 0, done_on: '2020-09-08' });
    expect(awaitingReview(task, '2020-09-20')).toBeUndefined();
    expect(awaitingReview(task, '2020-09-30')).toMatchObject({ index: 1, done_on: '2020-09-25' });
    expect(openRequest(task, '2020-09-30')?.index).toBe(1);
    expect(openRequest(task, '2020-09-20')).toBeUndefined();
    const accepted = { ...task, status: 'done' as const, done_on: '2020-09-25', completion_requests: [task.completion_requests![0]!, { ...task.completion_requests![1]!, decision: 'accepted' as const, decided: '2020-10-02' }] };
    expect(awaitingReview(accepted, '2020-10-01')).toBeUndefined();
    expect(awaitingReview({ ...task, status: 'cancelled' }, '2020-09-30')).toBeUndefined();
  });
});

describe('completion review in a task’s history', () => {
  it('tells a request made, decided and taken back', () => {
    const request = { date: '2020-09-28', by: '区发改委', done_on: '2020-09-25', period: '2020-09-3' };
    const before = base('A', ['区发改委']);
    const made = { ...before, completion_requests: [request] };
    expect(diffTasks(before, made)).toEqual([{ kind: 'review', change: 'requested', request }]);
    const sentBack = { ...made, completion_requests: [{ ...request, decision: 'rejected' as const, decided: '2020-09-30', reason: '材料不全' }] };
    expect(diffTasks(made, sentBack)).toEqual([{ kind: 'review', change: 'rejected', request: sentBack.completion_requests[0] }]);
    expect(diffTasks(made, before)).toEqual([{ kind: 'review', change: 'withdrawn', request }]);
  });
});

describe('what units write in the cells', () => {
  it.each([
    ['八成', 80], ['七成五', 75], ['十成', 100], ['十成五', undefined], ['八层', undefined], ['80', undefined],
  ])('the share %s', (text, value) => expect(readChineseShare(text)).toBe(value));

  it.each([['是', true], ['已办结', true], ['√', true], ['否', false], ['未完成', false], ['可以', undefined], ['', undefined]])('是否 %s', (text, value) => expect(readYesNo(text)).toBe(value));

  it('Excel date numbers', () => {
    expect(excelSerialDate(44102)).toBe('2020-09-28');
    expect(excelSerialDate(61)).toBe('1900-03-01');
    expect([60, 44102.5, -1, 3_000_000].map(excelSerialDate)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it.each([
    ['2020-09-28', '2020-09-30', '2020-09-28', false],
    ['2020.9.28', '2020-09-30', '2020-09-28', false],
    ['9月28日', '2020-09-30', '2020-09-28', true],
    ['9.28', '2020-09-30', '2020-09-28', true],
    ['1月3日', '2020-12-31', '2021-01-03', true],
    ['12月30号', '2021-01-05', '2020-12-30', true],
    ['2月29日', '2021-02-20', '2020-02-29', true],
  ])('the date %s near %s', (text, near, date, assumed) => expect(parseFormDate(text, near)).toEqual({ date, yearAssumed: assumed }));

  it.each([['2月30日'], ['下周'], ['2020-13-01'], ['44102']])('not a date: %s', (text) => expect(parseFormDate(text, '2020-09-30')).toBeUndefined());
});

describe('the form’s identification', () => {
  const meta: FormMeta = {
    plan: '示范区2020年重点工作', year: 2020, period: '2020-09-3', unit: '区发改委', replyBy: '2020-09-30', asOf: '2020-09-22', sheet: '区发改委',
    dateCell: { row: 3, column: 3 }, headerRow: 4, headers: ['序号', '编号'], top: [cellHash('标题'), cellHash('说明'), cellHash('填报日期')], headings: [5, 9],
    rows: [{ row: 6, id: 'F-01', block: 'lead', locked: { id: cellHash('F-01'), task: cellHash('任务') } }],
  };

  it('reads back what it wrote, even when trailing empty cells were dropped on saving', () => {
    const rows = metaRows(meta);
    expect(readMetaRows(rows)).toEqual({ ok: true, meta });
    expect(readMetaRows(rows.map((r) => [...r, '', '']))).toEqual({ ok: true, meta });
    expect(readMetaRows(metaRows({ ...meta, year: undefined, headings: [] }))).toMatchObject({ ok: true, meta: { year: undefined, headings: [] } });
  });

  it('says when it is missing, of another version, or changed', () => {
    const rows = metaRows(meta);
    expect(readMetaRows([])).toEqual({ ok: false, problem: 'missing' });
    expect(readMetaRows([['tasks-feedback-form', '9'], ...rows.slice(1)])).toEqual({ ok: false, problem: 'version' });
    expect(readMetaRows(rows.map((r) => (r[0] === 'unit' ? ['unit', '区财政局'] : r)))).toEqual({ ok: false, problem: 'tampered' });
  });

  it('hashes a cell’s text whatever the line ends and surrounding spaces', () => {
    expect(cellHash('一\r\n二 ')).toBe(cellHash('一\n二'));
    expect(cellHash('一_x000D_\n二')).toBe(cellHash('一\n二'));
    expect(cellHash('一二')).not.toBe(cellHash('一 二'));
  });
});

describe('what an answer does to a task', () => {
  const r: Return = { unit: '区发改委', period: '2020-09-3', date: '2020-09-28', dateGiven: true };
  const answer = { id: 'A', row: 6, block: 'lead' as const, note: '完成投资82亿元', percent: 78 };
  const entry = { date: '2020-09-28', note: '完成投资82亿元', percent: 78, by: '区发改委', period: '2020-09-3' };
  const apply = (task: Task, ops: ReturnType<typeof answerOps>['ops']) => applyToData(task as unknown as Record<string, unknown>, ops) as unknown as Task;

  it('adds the entry in date order, and starts a task not started', () => {
    const task = base('A', ['区发改委'], { status: 'not_started', progress: [{ date: '2020-09-20', note: '旧' }, { date: '2020-09-29', note: '别人' }] });
    const out = answerOps(task, answer, r);
    expect(out.entry).toBe('added');
    expect(apply(task, out.ops)).toMatchObject({ status: 'in_progress', progress: [{ note: '旧' }, entry, { note: '别人' }] });
  });

  it('changes nothing when the task already holds the answer, also when the form had no date and is read on another day', () => {
    const task = base('A', ['区发改委'], { progress: [entry] });
    expect(answerOps(task, answer, r)).toEqual({ ops: [], entry: 'unchanged', request: false });
    expect(answerOps(task, answer, { ...r, date: '2020-09-30', dateGiven: false }).ops).toEqual([]);
    expect(answerOps(task, answer, { ...r, date: '2020-09-30', dateGiven: true }).entry).toBe('replaced');
  });

  it('replaces the unit’s entry of the period, and takes it back for a row left empty; others’ entries stay', () => {
    const earlier = { ...entry, period: '2020-09-2', date: '2020-09-18' };
    const task = base('A', ['区发改委', '区财政局'], { progress: [earlier, { ...entry, note: '旧的' }, { ...entry, by: '区财政局' }] });
    const replaced = answerOps(task, answer, r);
    expect(replaced.entry).toBe('replaced');
    expect(apply(task, replaced.ops).progress).toEqual([earlier, { ...entry, by: '区财政局' }, entry]);
    const removed = answerOps(task, undefined, r);
    expect(removed.entry).toBe('removed');
    expect(apply(task, removed.ops).progress).toEqual([earlier, { ...entry, by: '区财政局' }]);
  });

  it('makes a completion request, replaces an undecided one, and never makes again one the office decided', () => {
    const done = { ...answer, doneOn: '2020-09-25' };
    const request = { date: '2020-09-28', by: '区发改委', done_on: '2020-09-25', period: '2020-09-3' };
    const task = base('A', ['区发改委']);
    const out = answerOps(task, done, r);
    expect(out.request).toBe(true);
    expect(apply(task, out.ops).completion_requests).toEqual([request]);
    const pending = base('A', ['区发改委'], { progress: [entry], completion_requests: [{ ...request, done_on: '2020-09-20' }] });
    expect(apply(pending, answerOps(pending, done, r).ops).completion_requests).toEqual([request]);
    expect(apply(pending, answerOps(pending, answer, r).ops).completion_requests).toBeUndefined();
    const rejected = base('A', ['区发改委'], { progress: [entry], completion_requests: [{ ...request, decision: 'rejected', decided: '2020-09-30', reason: '退回' }] });
    expect(answerOps(rejected, done, r).ops).toEqual([]);
    const closed = base('A', ['区发改委'], { status: 'done', done_on: '2020-09-20', progress: [entry] });
    expect(answerOps(closed, done, r)).toMatchObject({ ops: [], request: false });
  });
});

describe('removing an item from a list in a task file', () => {
  const text = ['id: A', 'progress:', '  - date: 2020-09-01', '    note: 一', '  # 第二条', '  - date: 2020-09-02', '    note: 二', 'tags: [甲, 乙, 丙]', ''].join('\n');

  it('takes out the item’s own lines only, keeping the comment above the next one', () => {
    expect(applyToText(text, [{ op: 'remove', path: ['progress'], index: 0 }])).toBe(['id: A', 'progress:', '  # 第二条', '  - date: 2020-09-02', '    note: 二', 'tags: [甲, 乙, 丙]', ''].join('\n'));
    expect(applyToText(text, [{ op: 'remove', path: ['tags'], index: 1 }])).toContain('tags: [甲, 丙]');
  });

  it('removes the key with its last item, in the text and in the data alike', () => {
    const one = 'id: A\nprogress:\n  - date: 2020-09-01\n    note: 一\ntags: [甲]\n';
    expect(applyToText(one, [{ op: 'remove', path: ['progress'], index: 0 }])).toBe('id: A\ntags: [甲]\n');
    expect(applyToData({ id: 'A', progress: [{ date: '2020-09-01', note: '一' }] }, [{ op: 'remove', path: ['progress'], index: 0 }])).toEqual({ id: 'A' });
    expect(() => applyToText(one, [{ op: 'remove', path: ['progress'], index: 3 }])).toThrow();
  });
});
