// A plan read from the cache makes a task only when it is asked for: a view that counts lights
// judges them from the cached light facts and makes only the tasks it shows, and the checks of
// each task come from the cache too, with the same answer as reading every file.
import { cpSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, judge, lightsOf, settingsOf } from '../../src/core/evaluate.js';
import { lightOfCode } from '../../src/core/light-facts.js';
import { messages } from '../../src/i18n/index.js';
import { categoryRules } from '../../src/core/categories.js';
import { periodOf } from '../../src/core/periods.js';
import { dashboardReport } from '../../src/reports/dashboard.js';
import { periodReport } from '../../src/reports/period.js';
import { dueReport } from '../../src/reports/due.js';
import { listReport } from '../../src/reports/list.js';
import { overdueReport } from '../../src/reports/overdue.js';
import { statusReport } from '../../src/reports/status.js';
import { groupOrder } from '../../src/reports/group.js';
import { row, summarize, summaryReport } from '../../src/reports/summary.js';
import { filterOfLights, matches, type Filter } from '../../src/core/filter.js';
import { cachePath, readCache } from '../../src/store/cache.js';
import { loadConfig, loadTasks, type LoadOptions, type Plan } from '../../src/store/load.js';
import { readTasks } from '../../src/store/read-tasks.js';
import { Packer, stringAt, Unpacker } from '../../src/store/pack.js';
import { copyFixture, fixture, ROOT, run, tempDir } from '../helpers.js';

const m = messages('zh');
const AS_OF = '2020-09-30';

function age(dir: string): void {
  const later = new Date(Date.now() + 3_600_000);
  utimesSync(cachePath(dir), later, later);
}

async function open(root: string, options: LoadOptions = {}): Promise<Plan> {
  const { config, found, problems } = await loadConfig(root, m);
  const loaded = await loadTasks(root, config, m, options);
  return { root, config, configFound: found, ...loaded, problems: [...problems, ...loaded.problems] };
}

/** A copy of the plan the repository ships (141 tasks). */
function copyBundledPlan(): string {
  const dir = tempDir();
  cpSync(join(ROOT, 'tasks'), join(dir, 'tasks'), { recursive: true });
  cpSync(join(ROOT, 'tasks.config.yaml'), join(dir, 'tasks.config.yaml'));
  return dir;
}

/** A copy of a fixture (or of the bundled plan) read warm from its cache (the cache aged, so that every entry is trusted), and read afresh from its files. */
async function warmAndFresh(fixture: string): Promise<{ dir: string; plan: Plan; fresh: Plan }> {
  const dir = fixture === 'bundled' ? copyBundledPlan() : copyFixture(fixture);
  await open(dir);
  age(dir);
  const plan = await open(dir);
  return { dir, plan, fresh: await open(dir, { cache: false }) };
}

/** Counts, per task, how often its task is asked for. */
function countReads(plan: Plan): Map<string, number> {
  const reads = new Map<string, number>();
  for (const loaded of plan.tasks) {
    const descriptor = Object.getOwnPropertyDescriptor(loaded, 'task')!;
    expect(descriptor.get).toBeTypeOf('function');
    Object.defineProperty(loaded, 'task', {
      get() {
        reads.set(loaded.file, (reads.get(loaded.file) ?? 0) + 1);
        return descriptor.get!.call(loaded);
      },
      enumerable: true,
    });
  }
  return reads;
}

describe('a plan read from the cache', () => {
  it('counts the overdue tasks from the light facts and makes only the red tasks', async () => {
    const dir = copyFixture('lights');
    const fresh = await open(dir, { cache: false });
    await open(dir);
    age(dir);
    const plan = await open(dir);
    expect(plan.lights?.tasks).toBe(plan.tasks);
    const reads = countReads(plan);
    const lights = judge(plan.tasks, plan.lights!, AS_OF, settingsOf(plan.config));
    const report = overdueReport(lights, plan.tasks, plan.config.roster, { filter: {} });
    const expected = overdueReport(lightsOf(evaluate(fresh.tasks, AS_OF, settingsOf(fresh.config))), fresh.tasks, fresh.config.roster, { filter: {} });
    expect(report).toEqual(expected);
    expect(report.counts.red).toBeGreaterThan(0);
    expect(report.counts.red).toBeLessThan(plan.tasks.length / 2);
    // the red tasks, and those whose light only lightOf can judge (an extension, a status change)
    const withoutFacts = plan.tasks.filter((_, i) => plan.lights!.at[i]! < 0).map((t) => t.file);
    const red = report.tasks.map((e) => e.file);
    expect([...reads.keys()].sort()).toEqual([...new Set([...red, ...withoutFacts])].sort());
    expect(reads.size).toBeLessThan(plan.tasks.length);
  });

  it('gives every other light view the same answer, filtered or grouped, for any date', async () => {
    const { plan, fresh } = await warmAndFresh('lights');
    for (const asOf of ['2020-01-15', '2020-06-30', '2020-07-01', '2020-09-30', '2020-12-31', '2021-03-01']) {
      for (const options of [{ filter: {} }, { filter: { lead: ['区长'] } }, { filter: {}, group: 'unit' as const }]) {
        const judged = overdueReport(judge(plan.tasks, plan.lights!, asOf, settingsOf(plan.config)), plan.tasks, plan.config.roster, options);
        const full = overdueReport(lightsOf(evaluate(fresh.tasks, asOf, settingsOf(fresh.config))), fresh.tasks, fresh.config.roster, options);
        expect(judged).toEqual(full);
      }
    }
  });

  it('greets with the same status from the light facts as from every task evaluated, the tasks awaiting review among them', async () => {
    let waited = 0;
    let notStarted = 0;
    for (const fixture of ['dashboard-plan', 'lights']) {
      const { plan, fresh } = await warmAndFresh(fixture);
      const reads = countReads(plan);
      // a task with a completion request has no facts: only tasks judged in full can wait for review
      const requested = plan.tasks.filter((t, i) => plan.lights!.at[i]! >= 0 && (t.task.completion_requests?.length ?? 0) > 0);
      expect(requested).toEqual([]);
      reads.clear();
      for (const asOf of ['2020-03-15', '2020-06-30', '2020-09-30', '2020-12-31']) {
        const options = { title: '', asOf, today: asOf };
        const judged = statusReport(judge(plan.tasks, plan.lights!, asOf, settingsOf(plan.config)), options);
        const full = statusReport(lightsOf(evaluate(fresh.tasks, asOf, settingsOf(fresh.config))), options);
        expect(judged).toEqual(full);
        expect(judged.totals).toEqual(row('', evaluate(fresh.tasks, asOf, settingsOf(fresh.config))));
        waited += judged.awaitingReview;
        notStarted += judged.totals.notStarted;
      }
      expect(reads.size).toBeLessThan(plan.tasks.length);
    }
    expect(waited).toBeGreaterThan(0);
    expect(notStarted).toBeGreaterThan(0);
  });

  it('sums up by lead, unit and section from the light facts as from every task evaluated, filtered or not', async () => {
    const { plan, fresh } = await warmAndFresh('lights');
    for (const asOf of ['2020-03-15', '2020-06-30', '2020-09-30', '2020-12-31']) {
      const evaluated = evaluate(fresh.tasks, asOf, settingsOf(fresh.config));
      for (const by of ['lead', 'unit', 'section'] as const) {
        for (const filter of [undefined, { lead: ['区长'] }, { light: ['red' as const] }]) {
          const judged = summaryReport(judge(plan.tasks, plan.lights!, asOf, settingsOf(plan.config)), plan.tasks, plan.config.roster, { by, filter });
          expect(judged).toEqual(summaryReport(lightsOf(evaluated), fresh.tasks, fresh.config.roster, { by, filter }));
          // and as summed from the evaluated tasks themselves
          const selected = filter ? evaluated.filter(matches(filter)) : evaluated;
          expect(judged).toEqual(summarize(selected, by, groupOrder(by, fresh.config.roster, fresh.tasks.map((t) => t.task))));
        }
      }
    }
  });

  it('lists the tasks of a light from the light facts, evaluating only the tasks of that light', async () => {
    const { plan, fresh } = await warmAndFresh('lights');
    const asOf = '2020-09-30';
    for (const filter of [{ light: ['yellow' as const] }, { light: ['red' as const, 'green' as const], lead: ['区长'] }, {}]) {
      const judged = judge(plan.tasks, plan.lights!, asOf, settingsOf(plan.config));
      const asked = new Set<number>();
      const counting = { ...judged, evaluated: (i: number) => (asked.add(i), judged.evaluated(i)) };
      const report = listReport(counting, plan.tasks, plan.config.roster, { filter, sort: 'deadline' });
      expect(report).toEqual(listReport(lightsOf(evaluate(fresh.tasks, asOf, settingsOf(fresh.config))), fresh.tasks, fresh.config.roster, { filter, sort: 'deadline' }));
      const lightsAsked = [...asked].map((i) => lightOfCode(judged.codes[i]!));
      if (filter.light) {
        expect(report.tasks.length).toBeGreaterThan(0);
        expect(lightsAsked.every((light) => filter.light.includes(light as never))).toBe(true);
        expect(asked.size).toBeLessThan(plan.tasks.length);
      } else expect(asked.size).toBe(plan.tasks.length);
    }
  });

  it('makes the same dashboard from the light facts, for the day and the earlier dates, as from every task evaluated', async () => {
    for (const fixture of ['dashboard-plan', 'lights']) {
      const { plan, fresh } = await warmAndFresh(fixture);
      const { config } = plan;
      const settings = { title: '', year: config.year, roster: config.roster, light: settingsOf(config), feedback: config.feedback };
      for (const asOf of ['2020-03-15', '2020-07-05', '2020-09-30', '2020-12-31']) {
        for (const filter of [{}, { lead: ['区长'] }]) {
          const judged = dashboardReport(judge(plan.tasks, plan.lights!, asOf, settingsOf(config)), plan.tasks, { asOf, filter, unreadable: 0, facts: plan.lights }, settings);
          const evaluated = evaluate(fresh.tasks, asOf, settingsOf(fresh.config));
          const full = dashboardReport(lightsOf(evaluated), evaluated, { asOf, filter, unreadable: 0 }, settings);
          expect(judged).toEqual(full);
        }
      }
    }
  });

  it('tells the plan\'s size once, from the cache\'s listing or from the folder', async () => {
    const dir = copyFixture('lights');
    const sizes: number[][] = [];
    for (const cache of [false, true, true]) {
      const seen: number[] = [];
      await open(dir, { cache, planSize: (n) => seen.push(n) });
      sizes.push(seen);
      if (cache) age(dir);
    }
    const files = readdirSync(join(dir, 'tasks')).filter((f) => f.endsWith('.yaml')).length;
    expect(sizes).toEqual([[files], [files], [files]]);
  });

  it('tells the plan\'s size for the views over its lights, not for reports and exports', async () => {
    const told: string[] = [];
    for (const argv of [['overdue'], ['summary'], ['list'], ['due'], [], ['dashboard', '--out', join(tempDir(), 'd.html')], ['report', 'month'], ['export', 'csv', '--out', tempDir()], ['remind', '--dry-run']]) {
      let n = 0;
      const r = await run(['--as-of', '2020-09-30', ...argv], { cwd: fixture('lights'), planSize: () => n++ });
      expect(r.code, argv.join(' ')).toBe(0);
      if (n > 0) told.push(argv[0] ?? 'status');
    }
    expect(told).toEqual(['overdue', 'summary', 'list', 'due', 'status', 'dashboard']);
  });

  it('makes the same period reports with the previous period judged from the light facts, evaluating in full only the tasks red then and not now', async () => {
    let noLongerRed = 0;
    for (const fixture of ['dashboard-plan', 'lights', 'bundled']) {
      const { plan, fresh } = await warmAndFresh(fixture);
      const { config } = plan;
      const settings = { light: settingsOf(config), feedback: config.feedback, categories: categoryRules(config), scoring: config.scoring, roster: config.roster };
      const monthEnds = ['01-31', '02-29', '03-31', '04-30', '05-31', '06-30', '07-31', '08-31', '09-30', '10-31', '11-30', '12-31'].map((d) => ['month', `2020-${d}`] as const);
      for (const [kind, asOf] of [['xun', '2020-03-20'], ['xun', '2020-07-10'], ...monthEnds, ['quarter', '2020-09-30'], ['year', '2020-12-31']] as const) {
        for (const rank of [false, true]) {
          const period = periodOf(kind, asOf);
          const judged = periodReport(plan.tasks, { period, asOf, rank, facts: plan.lights }, settings);
          const full = periodReport(fresh.tasks, { period, asOf, rank }, settings);
          expect(judged).toEqual(full);
          // each task no longer red is compared with itself as it stood, red, at the previous period's end
          for (const item of judged.noLongerRed) {
            expect(item.before.task.id).toBe(item.e.task.id);
            expect(item.before.result.light).toBe('red');
          }
          noLongerRed += judged.noLongerRed.length;
        }
      }
    }
    // the comparison reached tasks that were red and are no longer
    expect(noLongerRed).toBeGreaterThan(0);
  });

  it('finds what falls due from the light facts as from every task evaluated, evaluating only tasks with something due', async () => {
    const { plan, fresh } = await warmAndFresh('lights');
    let found = 0;
    for (const asOf of ['2020-03-15', '2020-06-20', '2020-09-25', '2020-12-20']) {
      for (const options of [{ filter: {}, within: 15 }, { filter: { lead: ['区长'] }, within: 40, group: 'unit' as const }, { filter: {}, within: 0 }]) {
        const judged = judge(plan.tasks, plan.lights!, asOf, settingsOf(plan.config));
        const asked = new Set<number>();
        const counting = { ...judged, evaluated: (i: number) => (asked.add(i), judged.evaluated(i)) };
        const report = dueReport(counting, plan.tasks, plan.config.roster, asOf, options);
        const full = dueReport(lightsOf(evaluate(fresh.tasks, asOf, settingsOf(fresh.config))), fresh.tasks, fresh.config.roster, asOf, options);
        expect(report).toEqual(full);
        found += report.items.length;
        const due = new Set(report.items.map((item) => item.e.file));
        // a task with facts is evaluated only when something of it falls due
        for (const i of asked) if (plan.lights!.at[i]! >= 0 && !options.filter.lead) expect(due.has(plan.tasks[i]!.file)).toBe(true);
      }
    }
    expect(found).toBeGreaterThan(0);
  });

  it('filters the lights as matches() filters evaluated tasks, evaluating a task only when the filter asks of its light, status or deadline', async () => {
    const { plan, fresh } = await warmAndFresh('lights');
    const asOf = '2020-09-30';
    const evaluated = evaluate(fresh.tasks, asOf, settingsOf(fresh.config));
    const filters: Filter[] = [{ lead: ['区长'] }, { unit: ['区财政局'], search: ['项目'] }, { lead: ['区长'], light: ['red'] }, { status: ['in_progress'] }, { deadlineBefore: '2020-07-01' }, {}];
    for (const filter of filters) {
      const judged = judge(plan.tasks, plan.lights!, asOf, settingsOf(plan.config));
      const asked = new Set<number>();
      const counting = { ...judged, evaluated: (i: number) => (asked.add(i), judged.evaluated(i)) };
      const keep = filterOfLights(filter, counting, plan.tasks);
      const kept = plan.tasks.map((_, i) => (keep ? keep(i) : true));
      expect(kept).toEqual(evaluated.map(matches(filter)));
      const onTaskOnly = !filter.light && !filter.status && !filter.deadlineBefore;
      // the tasks judged in full are evaluated at once by judge(); no other is, for a filter of the task's own fields
      if (onTaskOnly) expect([...asked]).toEqual([]);
      else expect(asked.size).toBeGreaterThan(0);
    }
  });

  it('keeps what each task was found to have, and finds duplicate ids and a roster change as reading every file does', async () => {
    const dir = copyFixture('lights');
    const tasks = join(dir, 'tasks');
    // two files of one id, and a file named after another id
    writeFileSync(join(tasks, 'L-15.yaml'), readFileSync(join(tasks, 'L-02.yaml'), 'utf8'));
    writeFileSync(join(tasks, 'L-16.yaml'), readFileSync(join(tasks, 'L-03.yaml'), 'utf8').replace('lead: 分管城建副区长', 'lead: 分管城建区长'));
    const fresh = await open(dir, { cache: false });
    const codes = fresh.problems.map((p) => `${p.file} ${p.code}`);
    expect(codes).toEqual(expect.arrayContaining(['tasks/L-02.yaml duplicate_id', 'tasks/L-15.yaml duplicate_id', 'tasks/L-15.yaml id_mismatch', 'tasks/L-16.yaml id_mismatch', 'tasks/L-16.yaml unknown_lead']));
    await open(dir);
    age(dir);
    const warm = await open(dir);
    expect(warm.problems).toEqual(fresh.problems);
    const read = await readTasks(dir, m, { cache: true, parallelFrom: Infinity });
    expect(read.parsed).toBe(0);

    // the roster changes: what the cache kept was found under the old one
    const config = join(dir, 'tasks.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('leads: [区长, 常务副区长, 分管城建副区长]', 'leads: [区长, 分管城建副区长]'));
    const changed = await open(dir);
    expect(changed.problems).toEqual((await open(dir, { cache: false })).problems);
    expect(changed.problems.some((p) => p.code === 'unknown_lead')).toBe(true);
  });

  it('makes a cached string when it is first asked for, the same after a change is packed on top', async () => {
    const dir = copyFixture('lights');
    const fresh = await readTasks(dir, m, { cache: false, parallelFrom: Infinity });
    await readTasks(dir, m, { cache: true, parallelFrom: Infinity });
    age(dir);
    const cache = readCache(dir)!;
    // none made on reading
    expect(cache.packed.strings.length).toBeGreaterThan(20);
    expect(cache.packed.strings.filter((s) => s !== undefined)).toEqual([]);
    const unpacker = new Unpacker(cache.packed);
    const first = cache.offsets.find((o) => o >= 0)!;
    const task = unpacker.at(first) as { id: string };
    expect(task.id).toMatch(/^L-/);
    const made = cache.packed.strings.filter((s) => s !== undefined).length;
    expect(made).toBeGreaterThan(0);
    expect(made).toBeLessThan(cache.packed.strings.length / 2);
    // a pack that goes on from the cache's gives every string, asked or not
    const packer = new Packer(cache.packed);
    const added = packer.add({ note: '新增进展', unit: '区财政局' });
    const packed = packer.finish();
    const again = new Unpacker(packed);
    cache.offsets.forEach((offset) => {
      if (offset >= 0) expect(again.at(offset)).toEqual(new Unpacker(cache.packed).at(offset));
    });
    expect(again.at(added)).toEqual({ note: '新增进展', unit: '区财政局' });
    expect(Array.from({ length: cache.packed.strings.length }, (_, i) => stringAt(packed, i))).toEqual(
      Array.from({ length: cache.packed.strings.length }, (_, i) => stringAt(cache.packed, i)),
    );
    // a warm read gives the tasks a fresh one does
    const warm = await readTasks(dir, m, { cache: true, parallelFrom: Infinity });
    expect(warm.parsed).toBe(0);
    expect(warm.outcomes).toEqual(fresh.outcomes);
  });

  it('is dropped, and every file read, when a word inside its tasks is damaged', async () => {
    const dir = copyFixture('lights');
    const fresh = await readTasks(dir, m, { cache: false, parallelFrom: Infinity });
    await readTasks(dir, m, { cache: true, parallelFrom: Infinity });
    age(dir);
    const cache = readCache(dir)!;
    const bytes = readFileSync(cachePath(dir));
    // the first word of the first task: a tag no value has
    const at = cache.packed.words.byteOffset + 4 * cache.offsets.find((o) => o >= 0)!;
    bytes.writeInt32LE(7, at);
    writeFileSync(cachePath(dir), bytes);
    age(dir);
    const read = await readTasks(dir, m, { cache: true, parallelFrom: Infinity });
    expect(read.parsed).toBe(fresh.files.length);
    expect(read.outcomes).toEqual(fresh.outcomes);
  });
});
