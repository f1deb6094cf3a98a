import { describe, expect, it } from 'vitest';
import { fixture, run, runJson } from '../helpers.js';

const plan = ['-C', fixture('lights')];
const at = (date: string) => [...plan, '--as-of', date];

describe('tasks overdue --format json on the hand-checked fixture', () => {
  it('lists the red tasks, most overdue first, with reasons and counts', async () => {
    const { code, json } = await runJson([...at('2020-09-30'), 'overdue']);
    expect(code).toBe(0);
    expect(json.as_of).toBe('2020-09-30');
    expect(json.counts).toEqual({ red: 3, milestone_only: 1, due_soon: 2, behind: 3 });
    expect(json.tasks.map((t: any) => [t.id, t.days_overdue])).toEqual([['L-06', 214], ['L-02', 92], ['L-03', 92]]);
    const l03 = json.tasks[2];
    expect(l03.overdue_milestones).toEqual([{ title: '完成招标', due: '2020-06-30', days_overdue: 92 }]);
    expect(l03.reasons[0].text).toBe('节点逾期：完成招标，应于2020-06-30（逾期92天）');
    expect(l03.latest_progress).toEqual({ date: '2020-09-20', note: '招标文件已挂网', percent: 80, by: null, problems: null, next_steps: null });
    expect(json.unreadable).toEqual([]);
  });

  it('treats the deadline as inclusive', async () => {
    const on = await runJson([...at('2020-09-30'), 'overdue']);
    expect(on.json.tasks.map((t: any) => t.id)).not.toContain('L-01');
    const after = await runJson([...at('2020-10-01'), 'overdue']);
    expect(after.json.tasks.find((t: any) => t.id === 'L-01').days_overdue).toBe(1);
  });

  it('groups by lead official in roster order, a task with two leads in both groups', async () => {
    const { json } = await runJson([...at('2020-09-30'), 'overdue', '--group', 'lead']);
    expect(json.groups).toEqual([
      { name: '区长', ids: ['L-06', 'L-02'] },
      { name: '常务副区长', ids: ['L-02'] },
      { name: '分管城建副区长', ids: ['L-03'] },
    ]);
  });

  it('exits 3 with --check when something is red, 0 when nothing is', async () => {
    expect((await run([...at('2020-09-30'), 'overdue', '--check'])).code).toBe(3);
    expect((await run([...at('2020-01-15'), 'overdue', '--check'])).code).toBe(0);
  });
});

describe('tasks list --format json', () => {
  it('gives each task its light as of the date', async () => {
    const { json } = await runJson([...at('2020-09-30'), 'list']);
    const lights = Object.fromEntries(json.tasks.map((t: any) => [t.id, t.light]));
    expect(lights).toEqual({
      'L-01': 'yellow', 'L-02': 'red', 'L-03': 'red', 'L-04': 'yellow', 'L-05': 'done_late', 'L-06': 'red', 'L-07': 'yellow',
      'L-08': 'green', 'L-09': 'suspended', 'L-10': 'cancelled', 'L-11': 'yellow', 'L-12': 'yellow', 'L-13': 'done', 'L-14': 'green',
    });
  });

  it('ignores a progress entry and a completion dated after --as-of', async () => {
    const before = (await runJson([...at('2020-09-30'), 'list', '--search', '日后才完成'])).json.tasks[0];
    expect(before).toMatchObject({ status: 'done', status_as_of: 'in_progress', done_on: null, percent: 50, light: 'yellow' });
    expect(before.latest_progress.note).toBe('完成一半');
    expect(before.reasons[0].text).toBe('序时进度滞后：已报50%，时间已过75%');
    const after = (await runJson([...at('2020-10-20'), 'list', '--search', '日后才完成'])).json.tasks[0];
    expect(after).toMatchObject({ light: 'done', done_on: '2020-10-15', percent: 100 });
  });

  it('reports done late and the leap-day deadline', async () => {
    const { json } = await runJson([...at('2020-09-30'), 'list']);
    const byId = (id: string) => json.tasks.find((t: any) => t.id === id);
    expect(byId('L-05').reasons[0]).toMatchObject({ kind: 'done_late', done_on: '2020-07-15', days: 15 });
    expect(byId('L-06').days_overdue).toBe(214);
    const leap = (await runJson([...at('2020-02-29'), 'list', '--search', '闰日'])).json.tasks[0];
    expect(leap.light).toBe('yellow');
  });

  it('combines filters with AND and resolves name prefixes', async () => {
    const { json } = await runJson([...at('2020-09-30'), 'list', '--lead', '常务', '--light', '黄']);
    expect(json.tasks.map((t: any) => t.id)).toEqual(['L-04', 'L-07', 'L-11']);
    const units = await runJson([...at('2020-09-30'), 'list', '--unit', '区住建局']);
    expect(units.json.tasks.map((t: any) => t.id)).toEqual(['L-03', 'L-08', 'L-12']);
    const leadUnit = await runJson([...at('2020-09-30'), 'list', '--lead-unit', '区住建局']);
    expect(leadUnit.json.tasks.map((t: any) => t.id)).toEqual(['L-03', 'L-08']);
    const status = await runJson([...at('2020-09-30'), 'list', '--status', '已完成']);
    expect(status.json.tasks.map((t: any) => t.id)).toEqual(['L-05', 'L-13']);
    const before = await runJson([...at('2020-09-30'), 'list', '--deadline-before', '2020-06-30']);
    expect(before.json.tasks.map((t: any) => t.id)).toEqual(['L-06']);
  });

  it('sorts by light, most urgent first', async () => {
    const { json } = await runJson([...at('2020-09-30'), 'list', '--sort', 'light']);
    expect(json.tasks.map((t: any) => t.light).slice(0, 4)).toEqual(['red', 'red', 'red', 'yellow']);
    expect(json.tasks[0].id).toBe('L-06');
  });

  it('says when nothing matches, and exits 0', async () => {
    const r = await run([...at('2020-09-30'), 'list', '--search', '不存在的内容']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('没有符合条件的任务');
  });

  it('refuses an ambiguous or unknown name, listing the candidates', async () => {
    const ambiguous = await run([...at('2020-09-30'), 'list', '--unit', '区']);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('区发改委、区财政局、区住建局、区城管局');
    const unknown = await run([...at('2020-09-30'), 'list', '--lead', '区长助理']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('区长');
  });

  it('refuses an unknown status or light, naming the accepted ones', async () => {
    const s = await run([...at('2020-09-30'), 'list', '--status', 'finished']);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('not_started/未启动');
    const l = await run([...at('2020-09-30'), 'list', '--light', 'blue']);
    expect(l.code).toBe(2);
    expect(l.stderr).toContain('red/红');
  });

  it('prints ids only with --format ids, and CSV with a BOM and CRLF', async () => {
    const ids = await run([...at('2020-09-30'), 'list', '--light', 'red', '--format', 'ids']);
    expect(ids.stdout).toBe('L-02\nL-03\nL-06\n');
    const csv = await run([...at('2020-09-30'), 'list', '--light', 'red', '--format', 'csv']);
    expect(csv.stdout.startsWith('\uFEFF编号,任务,')).toBe(true);
    expect(csv.stdout.split('\r\n')).toHaveLength(5);
  });
});

describe('tasks due', () => {
  it('lists open tasks and milestones due within the window', async () => {
    const { json } = await runJson([...at('2020-09-30'), 'due']);
    expect(json.until).toBe('2020-10-10');
    expect(json.items.map((i: any) => [i.kind, i.id, i.due, i.days_left])).toEqual([
      ['task', 'L-01', '2020-09-30', 0],
      ['milestone', 'L-12', '2020-10-05', 5],
    ]);
    const wide = await runJson([...at('2020-09-30'), 'due', '--within', '31']);
    expect(wide.json.items.map((i: any) => i.id)).toEqual(['L-01', 'L-12', 'L-14']);
  });

  it('refuses a --within that is not a number of days', async () => {
    const r = await run([...at('2020-09-30'), 'due', '--within', 'abc']);
    expect(r.code).toBe(2);
  });
});

describe('tasks summary', () => {
  it('counts per lead official in roster order with a total row', async () => {
    const { json } = await runJson([...at('2020-09-30'), 'summary']);
    expect(json.rows.map((r: any) => r.name)).toEqual(['区长', '常务副区长', '分管城建副区长']);
    expect(json.rows[0]).toMatchObject({ total: 6, done: 1, done_late: 0, red: 2, yellow: 1, suspended: 1, cancelled: 1, completion_rate: 20 });
    expect(json.total).toMatchObject({ total: 14, done: 2, done_late: 1, open: 10, red: 3, yellow: 5, green: 2 });
  });

  it('counts per lead unit in roster order', async () => {
    const { json } = await runJson([...at('2020-09-30'), 'summary', '--by', 'unit']);
    expect(json.rows.map((r: any) => [r.name, r.total])).toEqual([['区发改委', 7], ['区财政局', 3], ['区住建局', 2], ['区城管局', 2]]);
  });

  it('takes --group as overdue and due do, the same as --by, without listing it twice in its help', async () => {
    const grouped = await run([...at('2020-09-30'), 'summary', '--group', 'unit']);
    expect(grouped.code).toBe(0);
    expect(grouped.stdout).toBe((await run([...at('2020-09-30'), 'summary', '--by', 'unit'])).stdout);
    expect((await run(['summary', '--help'])).stdout).not.toContain('--group');
  });
});

describe('tasks show', () => {
  it('shows a task with its light and why', async () => {
    const r = await run([...at('2020-09-30'), 'show', 'L-14']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('经批准延期');
    expect(r.stdout).toContain('原时限 2020-06-30');
    expect(r.stdout).toContain('2020-06-25 延期：2020-06-30 → 2020-10-31（区长办公会同意延期）');
    expect(r.stdout).toContain('按原时限（2020-06-30）逾期92天；按现时限（2020-10-31）未逾期');
    const later = await run([...at('2020-11-02'), 'show', 'L-14']);
    expect(later.stdout).toContain('按原时限（2020-06-30）逾期125天；按现时限（2020-10-31）逾期2天');
    const { json } = await runJson([...at('2020-11-02'), 'show', 'L-14']);
    expect(json.task).toMatchObject({ light: 'red', deadline_days_overdue: 2, original_deadline: '2020-06-30', original_days_overdue: 125 });
  });

  it('suggests the nearest ids for an unknown one', async () => {
    const r = await run([...at('2020-09-30'), 'show', 'L-1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('L-01');
  });
});

describe('the status screen', () => {
  it('greets with counts, the most overdue tasks and what to try next', async () => {
    const r = await run(plan);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('截至2020年9月30日（今天）');
    expect(r.stdout).toContain('红灯 3');
    expect(r.stdout).toContain('tasks overdue');
  });
});

describe('English', () => {
  it('speaks English with --lang en', async () => {
    const r = await run([...at('2020-09-30'), '--lang', 'en', 'overdue']);
    expect(r.stdout).toContain('As of 30 September 2020: 3 overdue (1 by a milestone only), 2 due soon, 3 behind schedule');
  });
});
