// Writes a synthetic plan of N tasks in the real task format, for the benchmark.
//
//   node bench/gen-plan.mjs OUTDIR N [AS_OF]
//
// OUTDIR receives tasks.config.yaml, tasks/2020-000001.yaml … and taskwarrior.json (the same tasks
// for `task import`, with dates moved so that Taskwarrior's "now" stands where AS_OF does).
// Text comes from the sentences of the bundled notice; the same N always gives the same plan.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';

const [outDir, nArg, asOf = '2020-09-30'] = process.argv.slice(2);
const n = Number(nArg);
if (!outDir || !Number.isInteger(n) || n < 1) {
  console.error('usage: node bench/gen-plan.mjs OUTDIR N [AS_OF]');
  process.exit(2);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const notice = readFileSync(join(root, 'seeds', 'tunxi-2020-key-work-notice.txt'), 'utf8');
const sentences = [...notice.matchAll(/主要任务[:：](.*)/g)].flatMap((m) => m[1].split('。').filter((s) => s.length > 8));
const sections = [...notice.matchAll(/^([一二三四五六七八]、.*)$/gm)].map((m) => m[1]);
const points = [...notice.matchAll(/^\(([一二三四五六七八九十]+)\)(.*)$/gm)].map((m) => `（${m[1]}）${m[2]}`);

let seed = 20200214;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(rand() * list.length)];

const LEADS = ['区长', '常务副区长', '分管工业副区长', '分管城建副区长', '分管农业副区长', '分管社会事业副区长', '分管政法副区长'];
const UNITS = ['区发改委', '区教育局', '区科技局', '区经信局', '区公安分局', '区民政局', '区司法局', '区财政局', '区人社局', '区自然资源分局',
  '区生态环境分局', '区住建局', '区交通运输局', '区农业农村局', '区水利局', '区商务局', '区文旅体局', '区卫健委', '区应急局', '区市场监管局',
  '区统计局', '区城管局', '区数据资源局', '屯光镇', '阳湖镇', '黎阳镇', '奕棋镇', '昱东街道', '昱中街道', '老街街道'];
const NOTES = ['已完成方案编制，报区政府常务会审议。', '项目已开工建设，完成投资约四成。', '已召开专题调度会，协调解决用地问题。',
  '受疫情影响进度有所滞后，正在加紧推进。', '已完成年度目标任务的六成。', '已通过验收，正在整理台账资料。', '前期手续已办结，待招标。'];
const pad = (v, w = 2) => String(v).padStart(w, '0');
const day = (s) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
const iso = (ms) => { const d = new Date(ms); return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`; };
const addDays = (s, k) => iso(day(s) + k * 86400000);
const monthEnd = (m) => iso(Date.UTC(2020, m, 0));

function makeTask(i) {
  const text = pick(sentences);
  const deadline = rand() < 0.55 ? '2020-12-31' : monthEnd(1 + Math.floor(rand() * 12));
  const past = deadline < asOf;
  const r = rand();
  const status = r < (past ? 0.75 : 0.2) ? 'done' : r < 0.97 ? (rand() < 0.85 ? 'in_progress' : 'not_started') : 'cancelled';
  const units = [...new Set([pick(UNITS), pick(UNITS), pick(UNITS)].slice(0, 1 + Math.floor(rand() * 3)))];
  const task = {
    id: `2020-${pad(i, 6)}`,
    title: text.split('，')[0].slice(0, 40),
    detail: `${text}。`,
    section: pick(sections),
    point: pick(points),
    lead: rand() < 0.95 ? pick(LEADS) : [LEADS[0], pick(LEADS.slice(1))],
    units,
    deadline,
    deadline_text: deadline === '2020-12-31' ? '年底前' : `${Number(deadline.slice(5, 7))}月底前`,
    status,
  };
  if (status === 'done') task.done_on = addDays(deadline, -Math.floor(rand() * 40) + (rand() < 0.15 ? 30 : 0));
  if (rand() < 0.35) {
    const due = monthEnd(3 * (1 + Math.floor(rand() * 3)));
    const reached = due < asOf && rand() < 0.8 && (!task.done_on || due <= task.done_on);
    task.milestones = [{ title: '完成阶段性目标', due, ...(reached ? { done_on: due } : {}) }];
  }
  if (rand() < 0.25) task.targets = [{ name: '完成投资', target: 5000, unit: '万元', actual: Math.floor(rand() * 5000) }];
  task.progress = Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, k) => ({
    date: `2020-${pad(3 * (k + 1))}-10`,
    note: pick(NOTES),
    percent: Math.min(100, (k + 1) * 25),
    by: units[0],
  })).filter((p) => !task.done_on || p.date <= task.done_on);
  if (rand() < 0.5) task.tags = [pick(['改革', '项目', '民生工程', '招商', '生态环保', '安全生产'])];
  return task;
}

// Taskwarrior has no "as of": move its dates so that AS_OF is tomorrow when it is queried today.
const today = iso(Date.now());
const shift = 1 + Math.round((day(today) - day(asOf)) / 86400000);
const twDate = (s) => `${addDays(s, shift).replace(/-/g, '')}T000000Z`;
let uuidCount = 0;
const uuid = () => `00000000-0000-4000-8000-${pad(++uuidCount, 12)}`;

mkdirSync(join(outDir, 'tasks'), { recursive: true });
writeFileSync(join(outDir, 'tasks.config.yaml'), stringify({ title: `基准测试（${n} 项）`, year: 2020, roster: { leads: LEADS, units: UNITS } }));
const tw = [];
let overdue = 0;
for (let i = 1; i <= n; i++) {
  const task = makeTask(i);
  writeFileSync(join(outDir, 'tasks', `${task.id}.yaml`), `# yaml-language-server: $schema=../schemas/task.schema.json\n${stringify(task, { lineWidth: 0 })}`);
  const open = task.status === 'in_progress' || task.status === 'not_started';
  if (open && task.deadline < asOf) overdue++;
  tw.push({
    uuid: uuid(),
    description: task.title,
    project: task.units[0],
    entry: twDate('2020-01-01'),
    due: twDate(task.deadline),
    status: task.status === 'done' ? 'completed' : task.status === 'cancelled' ? 'deleted' : 'pending',
    ...(task.status === 'done' || task.status === 'cancelled' ? { end: twDate(task.done_on ?? '2020-06-30') } : {}),
  });
}
writeFileSync(join(outDir, 'taskwarrior.json'), `${tw.map((t) => JSON.stringify(t)).join('\n')}\n`);
console.log(`${n} tasks in ${outDir} (${overdue} past their deadline as of ${asOf})`);
