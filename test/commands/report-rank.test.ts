// tasks report … --rank (通报与考核): units ranked by score, then by on-time feedback rate, red tasks
// and completion, as the issue's rules say, the best and the worst named in the office's words.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, run, runJson } from '../helpers.js';

const entry = (date: string, note: string, period?: string) => `  - date: ${date}\n    note: ${note}\n${period ? `    period: ${period}\n` : ''}`;

/**
 * March 2020, three 旬 of feedback due (10th, 20th, 31st):
 * 区住建局 (2020-001) reports every 旬 on time and finishes its milestone of 31 March on the 28th;
 * 区城管局 (2020-003) reports 中旬 late, on the 22nd; 区财政局 (2020-004) never reports;
 * 区发改委 (2020-002, due 29 February, and 2020-005) never reports.
 */
function plan(edit?: (dir: string) => void): string {
  const dir = copyFixture('rhythm');
  const add = (id: string, text: string) => writeFileSync(join(dir, 'tasks', `${id}.yaml`), readFileSync(join(dir, 'tasks', `${id}.yaml`), 'utf8') + text);
  const file = join(dir, 'tasks', '2020-001.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('    due: 2020-03-31\n', '    due: 2020-03-31\n    done_on: 2020-03-28\n'));
  add('2020-001', `progress:\n${entry('2020-03-08', '完成设计')}${entry('2020-03-18', '发布招标公告')}${entry('2020-03-28', '完成招标')}`);
  add('2020-003', `progress:\n${entry('2020-03-09', '制定方案')}${entry('2020-03-22', '开展整治', '2020-03-2')}${entry('2020-03-29', '集中整治')}`);
  edit?.(dir);
  return dir;
}

const ARGS = ['--as-of', '2020-04-01', 'report', 'month', '--period', '2020-03', '--rank'];
type Row = { rank: number; unit: string; score: number; on_time_rate: number | null; red: number; completion_rate: number | null; deductions: Array<{ kind: string; id: string; points: number }> };

describe('tasks report --rank', () => {
  it('ranks by score under the default rules, names the best and the worst, and itemises every deduction', async () => {
    const dir = plan();
    const { code, json } = await runJson([...ARGS, '--format', 'json'], { cwd: dir });
    expect(code).toBe(0);
    const rows: Row[] = json.rank.rows;
    // 100; 100 − 1 late; 100 − 3 missing × 2; 100 − 6 missing × 2 − 1 red × 3
    expect(rows.map((r) => [r.rank, r.unit, r.score, r.on_time_rate, r.red])).toEqual([
      [1, '区住建局', 100, 100, 0],
      [2, '区城管局', 99, 66.7, 0],
      [3, '区财政局', 94, 0, 0],
      [4, '区发改委', 85, 0, 1],
    ]);
    expect(rows[3]!.deductions.map((d) => [d.kind, d.id, d.points])).toEqual([
      ['missing_feedback', '2020-002', -2], ['missing_feedback', '2020-002', -2], ['missing_feedback', '2020-002', -2],
      ['missing_feedback', '2020-005', -2], ['missing_feedback', '2020-005', -2], ['missing_feedback', '2020-005', -2],
      ['red_task', '2020-002', -3],
    ].sort());
    expect(json.rank.best).toEqual(['区住建局']);
    expect(json.rank.worst).toEqual(['区发改委', '区财政局', '区城管局']);

    const text = await run(ARGS, { cwd: dir, columns: 200 });
    expect(text.stdout.replace(/\n\s*/g, '')).toContain('区住建局反馈及时、推进有力，予以通报表扬；区发改委、区财政局、区城管局反馈不及时或逾期任务较多，予以通报批评，请对照扣分明细逐项整改。');
    expect(text.stdout).toMatch(/│ 4\s+│ 区发改委\s+│\s+0\.0% │\s+0 │\s+6 │\s+1 │\s+0\.0% │\s+85\.0 │/);
  });

  it('orders units of equal score by on-time rate, then red tasks, then completion, whatever the roster order', async () => {
    // no points for anything: every unit keeps 100, and the tie-breakers decide
    const dir = plan((d) => {
      const edit = (name: string, from: string, to: string) => {
        const file = join(d, name);
        const text = readFileSync(file, 'utf8');
        expect(text).toContain(from);
        writeFileSync(file, text.replace(from, to));
      };
      edit('tasks.config.yaml', 'behind_tolerance: 10\n', 'behind_tolerance: 10\nscoring:\n  missing_feedback: 0\n  late_feedback: 0\n  red_task: 0\n  sent_back: 0\n  done_on_time: 0\n');
      // 区城管局 reports every 旬 on time and finishes 2020-003 on 30 March: 100% on time, 100% done
      edit('tasks/2020-003.yaml', '  - date: 2020-03-22\n    note: 开展整治\n    period: 2020-03-2\n', '  - date: 2020-03-19\n    note: 开展整治\n');
      edit('tasks/2020-003.yaml', 'status: in_progress\n', 'status: done\ndone_on: 2020-03-30\n');
      // 区发改委 finishes 2020-005 (50% done) but 2020-002 stays red; 区财政局 has nothing red and nothing done
      edit('tasks/2020-005.yaml', 'status: in_progress\n', 'status: done\ndone_on: 2020-03-05\n');
    });
    const { code, json } = await runJson([...ARGS, '--format', 'json'], { cwd: dir });
    expect(code).toBe(0);
    const rows: Row[] = json.rank.rows;
    expect(rows.every((r) => r.score === 100 && r.deductions.length === 0)).toBe(true);
    // the roster lists 区发改委, 区财政局, 区住建局, 区城管局
    expect(rows.map((r) => [r.unit, r.on_time_rate, r.red, r.completion_rate])).toEqual([
      ['区城管局', 100, 0, 100],
      ['区住建局', 100, 0, 0],
      ['区财政局', 0, 0, 0],
      ['区发改委', 0, 1, 50],
    ]);
    expect(json.rank.worst).toEqual([]);
    expect(json.rank.best).toEqual(['区城管局', '区住建局', '区财政局']);
  });

  it('writes the same JSON into a file as on stdout, in pieces as it is made', async () => {
    const dir = plan();
    const shown = await run([...ARGS, '--format', 'json'], { cwd: dir });
    const saved = await run([...ARGS, '--format', 'json', '--out', join(dir, 'out', 'rank.json')], { cwd: dir });
    expect(saved.code).toBe(0);
    expect(readFileSync(join(dir, 'out', 'rank.json'), 'utf8')).toBe(shown.stdout);
    expect(JSON.parse(shown.stdout).rank.rows).toHaveLength(4);
  });
});
