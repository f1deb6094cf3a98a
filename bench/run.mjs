// The benchmark: times the main commands as whole processes on the bundled plan (141 tasks) and on
// synthetic plans of 10,000 and 100,000 tasks, side by side with bare node and, when installed,
// Taskwarrior answering the same overdue question; prints the figures and checks the budgets.
//
//   npm run bench                      all sizes (about 15 minutes; the 100,000-task plan needs ~1 GB of disk)
//   npm run bench -- --quick           141 and 10,000 tasks only
//   npm run bench -- --sizes 141 --runs 10
//
// Each figure: one warm-up run, then RUNS timed runs (median, min–max); peak memory is the largest
// resident set of the process, and CPU time (user + system; less sensitive than wall time to other
// work on the machine), read from GNU time (Debian package `time`) when present. A figure
// compared with another (tasks against bare node or Taskwarrior) is timed in alternation with it,
// and the ratio is the median of the pairs' ratios, so that a noisy machine slows both alike.
// "warm" runs find the tasks' cache (.tasks-cache/) filled and older than the files; "cold" runs
// find none, as the first run after a clone does; "one edited" runs follow a change to one task
// file, written as the tool and most editors write (a temp file renamed over it).
//
// A FAIL is reported, not an error: machines are noisy. The exit code is 0 unless something broke.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const quick = args.includes('--quick');
const sizes = opt('--sizes', quick ? '141,10000' : '141,10000,100000').split(',').map(Number);
const runsFor = (n) => Number(opt('--runs', n <= 141 ? '15' : n <= 10000 ? '7' : '5'));
const asOf = '2020-09-30';
const bin = join(root, 'bin', 'tasks');

if (!existsSync(join(root, 'dist', 'tasks.cjs'))) {
  console.error('dist/ is missing: run npm run build first.');
  process.exit(2);
}
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const taskwarrior = has('task');
const scratch = mkdtempSync(join(tmpdir(), 'tasks-bench-'));
const memFile = join(scratch, '.mem');
const loadAtStart = loadavg()[0];

function once(argv, env = {}, cwd = root) {
  const full = gnuTime ? [gnuTime, '-f', '%M %U %S', '-o', memFile, ...argv] : argv;
  const start = process.hrtime.bigint();
  const r = spawnSync(full[0], full.slice(1), { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1', ...env } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 3) throw new Error(`exit ${r.status}: ${argv.join(' ')}\n${r.stderr}`);
  const [kib, user, sys] = gnuTime ? readFileSync(memFile, 'utf8').trim().split('\n').pop().split(' ').map(Number) : [NaN, NaN, NaN];
  return { ms, mib: kib / 1024, cpu: (user + sys) * 1000 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function stats(samples) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  return { median: median(ms), min: ms[0], max: ms.at(-1), mib: median(samples.map((s) => s.mib)), cpu: median(samples.map((s) => s.cpu)) };
}

/** A case is a command and what to do before each run of it (untimed). */
const run = (c) => {
  c.before?.();
  return once(c.argv, c.env, c.cwd);
};

/** Times one case: a warm-up run, then `runs` timed runs. */
function series(c, runs) {
  run(c);
  return stats(Array.from({ length: runs }, () => run(c)));
}

/** Times two cases in alternation; `ratio` is the median of b/a over the pairs. */
function paired(a, b, runs) {
  run(a);
  run(b);
  const as = [];
  const bs = [];
  for (let i = 0; i < runs; i++) {
    as.push(run(a));
    bs.push(run(b));
  }
  return { a: stats(as), b: stats(bs), ratio: median(bs.map((s, i) => s.ms / as[i].ms)) };
}

function setupTaskwarrior(dir) {
  const data = join(dir, 'tw');
  const rc = join(dir, 'taskrc');
  writeFileSync(rc, `data.location=${data}\nconfirmation=off\nhooks=off\nverbose=nothing\ncolor=off\nnews.version=2.6.0\n`);
  const env = { TASKRC: rc, TASKDATA: data };
  spawnSync('mkdir', ['-p', data]);
  const lines = readFileSync(join(dir, 'taskwarrior.json'), 'utf8').trim().split('\n');
  for (let i = 0; i < lines.length; i += 10000) {
    const part = join(dir, `tw-part-${i}.json`);
    writeFileSync(part, `${lines.slice(i, i + 10000).join('\n')}\n`);
    spawnSync('task', ['rc.gc=off', 'import', part], { env: { ...process.env, ...env }, stdio: 'ignore' });
  }
  spawnSync('task', ['rc.gc=on', 'count'], { env: { ...process.env, ...env }, stdio: 'ignore' });
  return env;
}

/** Waits until every file of the plan is more than 2 s old, so that the cache trusts them all. */
function settle(dir) {
  const newest = Math.max(statSync(join(dir, 'tasks')).mtimeMs, statSync(join(dir, 'tasks')).ctimeMs);
  const wait = newest + 2500 - Date.now();
  if (wait > 0) spawnSync('sleep', [String(wait / 1000)]);
}

/** Changes one task file, a different one each time, the way the tool writes: a temp file renamed over it. */
function editor(dir) {
  let k = 0;
  return () => {
    const file = join(dir, 'tasks', `2020-${String((k++ % 100) + 1).padStart(existsSync(join(dir, 'tasks', '2020-001.yaml')) ? 3 : 6, '0')}.yaml`);
    const text = readFileSync(file, 'utf8');
    const tmp = join(dir, 'tasks', '.bench-edit.tmp');
    writeFileSync(tmp, text.includes('title: （改）') ? text.replace('title: （改）', 'title: ') : text.replace('title: ', 'title: （改）'));
    renameSync(tmp, file);
  };
}

const rows = [];
const figures = {};
const record = (key, label, n, s, extra = {}) => {
  const row = { label, n, ...s, ...extra };
  rows.push(row);
  if (key) figures[key] = row;
  return row;
};

try {
  const node = { argv: [process.execPath, '-e', '0'] };
  const help = paired(node, { argv: [process.execPath, bin, '--help'] }, 15);
  record('node', 'node -e 0', '-', help.a);
  record('help', 'tasks --help', '-', help.b, { xNode: help.ratio });
  for (const n of sizes) {
    const dir = join(scratch, String(n));
    if (n === 141) {
      // a copy of the bundled plan, which the edits below must not touch
      cpSync(join(root, 'tasks'), join(dir, 'tasks'), { recursive: true });
      cpSync(join(root, 'tasks.config.yaml'), join(dir, 'tasks.config.yaml'));
    } else {
      console.error(`generating ${n} tasks in ${dir} …`);
      spawnSync(process.execPath, [join(root, 'bench', 'gen-plan.mjs'), dir, String(n), asOf], { stdio: 'inherit' });
    }
    const runs = runsFor(n);
    const tasks = (...a) => ({ argv: [process.execPath, bin, '--dir', dir, '--as-of', asOf, ...a], cwd: dir });
    const overdue = tasks('overdue');
    let tw;
    if (taskwarrior) {
      const twDir = n === 141 ? join(scratch, '141-tw') : dir;
      if (n === 141) spawnSync(process.execPath, [join(root, 'bench', 'gen-plan.mjs'), twDir, '141', asOf], { stdio: 'ignore' });
      console.error(`importing ${n} tasks into Taskwarrior …`);
      tw = { argv: ['task', 'rc.gc=off', '+OVERDUE', 'count'], env: setupTaskwarrior(twDir) };
    }
    console.error(`timing ${n} tasks …`);
    settle(dir);
    run(overdue);

    const vsNode = n === 141 ? paired(node, overdue, runs) : undefined;
    if (vsNode) record(undefined, 'node -e 0', n, vsNode.a);
    if (tw) {
      const vsTask = paired(tw, overdue, runs);
      record(`task@${n}`, 'task +OVERDUE count', n, vsTask.a);
      record(`overdue@${n}`, 'tasks overdue (warm)', n, vsTask.b, { xNode: vsNode?.ratio, xTask: vsTask.ratio });
    } else {
      record(`overdue@${n}`, 'tasks overdue (warm)', n, vsNode ? vsNode.b : series(overdue, runs), { xNode: vsNode?.ratio });
    }

    // each warm run of these pairs comes after the cache was written again, 2 s after the last edit
    const rewarm = () => {
      settle(dir);
      run(overdue);
    };
    const edited = paired({ ...overdue, before: rewarm }, { ...overdue, before: editor(dir) }, runs);
    record(`edited@${n}`, 'tasks overdue, one task edited before', n, edited.b, { xWarm: edited.ratio });

    const cold = { ...overdue, before: () => rmSync(join(dir, '.tasks-cache'), { recursive: true, force: true }) };
    record(`cold@${n}`, 'tasks overdue (cold: no cache)', n, series(cold, Math.min(runs, 3)));
    settle(dir);
    run(overdue);

    record(undefined, 'tasks list --lead 常务', n, series(tasks('list', '--lead', '常务'), runs));
    record(undefined, 'tasks summary', n, series(tasks('summary'), runs));
    record(undefined, 'tasks validate', n, series(tasks('validate'), runs));
    record(undefined, 'tasks report quarter --rank (json)', n, series(tasks('report', 'quarter', '--period', '2020-Q3', '--rank', '--format', 'json'), Math.min(runs, 3)));
    if (n <= 10000) {
      // the reports, exports and forms a clerk makes from the whole plan; each against tasks overdue on the same plan
      const out = (name) => join(scratch, `${name}-${n}`);
      const vsOverdue = (key, label, c, count = runs) => {
        const p = paired(overdue, c, count);
        return record(key, label, n, p.b, { xOverdue: p.ratio });
      };
      vsOverdue(`month@${n}`, 'tasks report month', tasks('report', 'month', '--period', '2020-09'));
      vsOverdue(undefined, 'tasks report month --format docx', tasks('report', 'month', '--period', '2020-09', '--format', 'docx', '--out', join(scratch, `month-${n}.docx`)), Math.min(runs, 3));
      vsOverdue(undefined, 'tasks report month --format xlsx', tasks('report', 'month', '--period', '2020-09', '--format', 'xlsx', '--out', join(scratch, `month-${n}.xlsx`)), Math.min(runs, 3));
      vsOverdue(undefined, 'tasks remind', tasks('remind', '--out', out('remind')), Math.min(runs, 3));
      vsOverdue(undefined, 'tasks feedback status', tasks('feedback', 'status'));
      vsOverdue(`forms@${n}`, 'tasks feedback forms', tasks('feedback', 'forms', '--out', out('forms')), Math.min(runs, 3));
      vsOverdue(undefined, 'tasks export csv', tasks('export', 'csv', '--out', out('csv'), '--quiet'), Math.min(runs, 3));
      record(`export@${n}`, 'tasks export xlsx', n, series(tasks('export', 'xlsx', '--out', out('exports'), '--quiet'), Math.min(runs, 3)));
      vsOverdue(`dashboard@${n}`, 'tasks dashboard', tasks('dashboard', '--out', join(out('exports'), 'dashboard.html'), '--quiet'), Math.min(runs, 3));
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

// Each budget names the figure it judges, the value it reads and the limit. Budgets of reports,
// the dashboard and the exports go at the end of this list, with the rows they need above.
const BUDGETS = [
  { name: 'tasks overdue, 141 tasks, warm: ≤ 1.5× bare node -e 0', figure: 'overdue@141', value: (f) => f.xNode, limit: 1.5, unit: '×' },
  { name: 'tasks overdue, 10,000 tasks, warm: ≤ 1.0× task +OVERDUE count', figure: 'overdue@10000', value: (f) => f.xTask, limit: 1.0, unit: '×' },
  { name: 'tasks overdue, 100,000 tasks, warm: ≤ 0.7× task +OVERDUE count', figure: 'overdue@100000', value: (f) => f.xTask, limit: 0.7, unit: '×' },
  { name: 'tasks overdue, 100,000 tasks, warm: ≤ 300 MiB peak', figure: 'overdue@100000', value: (f) => f.mib, limit: 300, unit: ' MiB' },
  { name: 'tasks overdue, 100,000 tasks, cold: ≤ 8 s', figure: 'cold@100000', value: (f) => f.median / 1000, limit: 8, unit: ' s' },
  { name: 'tasks overdue, 100,000 tasks, one task edited: ≤ 1.2× warm', figure: 'edited@100000', value: (f) => f.xWarm, limit: 1.2, unit: '×' },
  { name: 'tasks export xlsx, 10,000 tasks: ≤ 2 s', figure: 'export@10000', value: (f) => f.median / 1000, limit: 2, unit: ' s' },
  { name: 'tasks export xlsx, 10,000 tasks: ≤ 200 MiB peak', figure: 'export@10000', value: (f) => f.mib, limit: 200, unit: ' MiB' },
  { name: 'tasks report month, 10,000 tasks: ≤ 1.5× tasks overdue', figure: 'month@10000', value: (f) => f.xOverdue, limit: 1.5, unit: '×' },
  { name: 'tasks dashboard, 10,000 tasks: ≤ 1.5× tasks overdue', figure: 'dashboard@10000', value: (f) => f.xOverdue, limit: 1.5, unit: '×' },
];

const f0 = (x) => (Number.isFinite(x) ? x.toFixed(0) : 'n/a');
const f2 = (x) => (x === undefined || !Number.isFinite(x) ? '' : `${x.toFixed(2)}×`);
const cpu = cpus();
console.log(
  `\nMachine: ${cpu[0]?.model ?? '?'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${process.platform} ${process.arch}, node ${process.version}; ` +
    `load average ${loadAtStart.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end; as of ${asOf}; ` +
    `peak memory ${gnuTime ? 'from GNU time' : 'not measured (install GNU time)'}; Taskwarrior ${taskwarrior ? 'installed' : 'not installed'}\n`,
);
console.log('| command | tasks | median ms | min–max ms | CPU ms | peak MiB | × node | × task | × warm | × overdue |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  console.log(`| ${r.label} | ${r.n} | ${f0(r.median)} | ${f0(r.min)}–${f0(r.max)} | ${f0(r.cpu)} | ${f0(r.mib)} | ${f2(r.xNode)} | ${f2(r.xTask)} | ${f2(r.xWarm)} | ${f2(r.xOverdue)} |`);
}
console.log('\n| budget | result | measured |');
console.log('| --- | --- | ---: |');
for (const b of BUDGETS) {
  const f = figures[b.figure];
  const value = f ? b.value(f) : undefined;
  const result = value === undefined || !Number.isFinite(value) ? 'not measured' : value <= b.limit ? 'PASS' : 'FAIL';
  const shown = value === undefined || !Number.isFinite(value) ? '' : `${value.toFixed(b.unit === '×' ? 2 : b.unit === ' s' ? 1 : 0)}${b.unit}`;
  console.log(`| ${b.name} | ${result} | ${shown} |`);
}
