// The benchmark: times the main commands as whole processes on the bundled plan (141 tasks) and on
// synthetic plans of 10,000 and 100,000 tasks, side by side with bare node and, when installed,
// Taskwarrior answering the same overdue question. Prints a Markdown table and checks the budgets.
//
//   npm run bench                      all sizes (about 10 minutes; the 100,000-task plan needs ~1 GB of disk)
//   npm run bench -- --quick           141 and 10,000 tasks only
//   npm run bench -- --sizes 141 --runs 10
//
// Each figure: one warm-up run, then RUNS timed runs (median, min–max); peak memory is the
// largest resident set of the process, read from GNU time (Debian package `time`) when present.
// The warm-up also fills the tasks' cache (.tasks-cache/), as the first run of the day would;
// "cold" rows time the same command with the cache switched off (TASKS_CACHE=off).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const quick = args.includes('--quick');
const sizes = opt('--sizes', quick ? '141,10000' : '141,10000,100000').split(',').map(Number);
const runsFor = (n) => Number(opt('--runs', n <= 141 ? '15' : n <= 10000 ? '5' : '3'));
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

function once(argv, env = {}, cwd = root) {
  const full = gnuTime ? [gnuTime, '-f', '%M', '-o', memFile, ...argv] : argv;
  const start = process.hrtime.bigint();
  const r = spawnSync(full[0], full.slice(1), { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1', ...env } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 3) throw new Error(`exit ${r.status}: ${argv.join(' ')}\n${r.stderr}`);
  const mib = gnuTime ? Number(readFileSync(memFile, 'utf8').trim().split('\n').pop()) / 1024 : NaN;
  return { ms, mib };
}

function measure(argv, runs, env, cwd) {
  once(argv, env, cwd);
  const rs = Array.from({ length: runs }, () => once(argv, env, cwd));
  const sorted = (xs) => [...xs].sort((a, b) => a - b);
  const ms = sorted(rs.map((r) => r.ms));
  return { median: ms[Math.floor(ms.length / 2)], min: ms[0], max: ms.at(-1), mib: sorted(rs.map((r) => r.mib))[Math.floor(rs.length / 2)] };
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

const rows = [];
const record = (command, n, m, node, tw) =>
  rows.push({ command, n, ...m, xNode: m.median / node, xTask: tw ? m.median / tw : undefined });

try {
  const node = measure([process.execPath, '-e', '0'], 15);
  rows.push({ command: 'node -e 0', n: '-', ...node, xNode: 1 });
  record('tasks --help', '-', measure([process.execPath, bin, '--help'], 15), node.median);
  for (const n of sizes) {
    let dir = root;
    if (n !== 141) {
      dir = join(scratch, String(n));
      console.error(`generating ${n} tasks in ${dir} …`);
      spawnSync(process.execPath, [join(root, 'bench', 'gen-plan.mjs'), dir, String(n), asOf], { stdio: 'inherit' });
    }
    let tw;
    if (taskwarrior) {
      const twDir = n === 141 ? join(scratch, '141') : dir;
      if (n === 141) {
        spawnSync('mkdir', ['-p', twDir]);
        spawnSync(process.execPath, [join(root, 'bench', 'gen-plan.mjs'), twDir, '141', asOf], { stdio: 'ignore' });
      }
      console.error(`importing ${n} tasks into Taskwarrior …`);
      const env = setupTaskwarrior(twDir);
      tw = measure(['task', 'rc.gc=off', '+OVERDUE', 'count'], runsFor(n), env).median;
      rows.push({ command: 'task +OVERDUE count', n, ...measure(['task', 'rc.gc=off', '+OVERDUE', 'count'], runsFor(n), env), xNode: tw / node.median, xTask: 1 });
    }
    const t = (...a) => [process.execPath, bin, '--dir', dir, '--as-of', asOf, ...a];
    console.error(`timing ${n} tasks …`);
    record('tasks overdue', n, measure(t('overdue'), runsFor(n)), node.median, tw);
    record('tasks overdue (cold: no cache)', n, measure(t('overdue'), Math.min(runsFor(n), 5), { TASKS_CACHE: 'off' }), node.median, tw);
    record('tasks list --lead 常务', n, measure(t('list', '--lead', '常务'), runsFor(n)), node.median, tw);
    record('tasks summary', n, measure(t('summary'), runsFor(n)), node.median, tw);
    record('tasks validate', n, measure(t('validate'), runsFor(n)), node.median, tw);
    if (n <= 10000) {
      const out = join(scratch, `exports-${n}`);
      record('tasks export xlsx', n, measure(t('export', 'xlsx', '--out', out, '--quiet'), Math.min(runsFor(n), 3)), node.median, tw);
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const f0 = (x) => (Number.isFinite(x) ? x.toFixed(0) : 'n/a');
const f2 = (x) => (x === undefined || !Number.isFinite(x) ? '' : `${x.toFixed(2)}×`);
console.log(`\nMachine: ${process.platform} ${process.arch}, node ${process.version}; as of ${asOf}; peak memory ${gnuTime ? 'from GNU time' : 'not measured (install GNU time)'}; Taskwarrior ${taskwarrior ? 'installed' : 'not installed'}\n`);
console.log('| command | tasks | median ms | min–max ms | peak MiB | × node | × task |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) console.log(`| ${r.command} | ${r.n} | ${f0(r.median)} | ${f0(r.min)}–${f0(r.max)} | ${f0(r.mib)} | ${f2(r.xNode)} | ${f2(r.xTask)} |`);

const find = (command, n) => rows.find((r) => r.command === command && r.n === n);
const budgets = [
  ['tasks overdue on the bundled plan ≤ 2× bare node', find('tasks overdue', 141), (r) => r.xNode <= 2],
  ['tasks --help ≤ 1.5× bare node', find('tasks --help', '-'), (r) => r.xNode <= 1.5],
  ['tasks overdue on 10,000 tasks < 1.5 s', find('tasks overdue', 10000), (r) => r.median < 1500],
  ['tasks export xlsx on 10,000 tasks < 10 s and < 400 MiB peak', find('tasks export xlsx', 10000), (r) => r.median < 10000 && (!Number.isFinite(r.mib) || r.mib < 400)],
  ['tasks overdue on 100,000 tasks < 500 MiB peak', find('tasks overdue', 100000), (r) => !Number.isFinite(r.mib) || r.mib < 500],
  ['tasks overdue on 100,000 tasks, cold, < 500 MiB peak', find('tasks overdue (cold: no cache)', 100000), (r) => !Number.isFinite(r.mib) || r.mib < 500],
];
console.log('\n| budget | result |');
console.log('| --- | --- |');
let failed = 0;
for (const [name, row, ok] of budgets) {
  if (!row) continue;
  const pass = ok(row);
  if (!pass) failed++;
  console.log(`| ${name} | ${pass ? 'PASS' : 'FAIL'} (${f0(row.median)} ms, ${f2(row.xNode)} node, ${f0(row.mib)} MiB) |`);
}
process.exitCode = failed > 0 ? 1 : 0;
