// tasks show ID: everything about one task, its light and why.
import { evaluate, settingsOf, type Evaluated } from '../core/evaluate.js';
import { formatProblem } from '../i18n/index.js';
import { nearestIds } from '../core/suggest.js';
import { leadsOf, originalDeadline } from '../core/task.js';
import { idFromFile } from '../core/checks.js';
import type { Session } from '../context.js';
import { EXIT, UserError } from '../errors.js';
import type { Messages } from '../i18n/index.js';
import { renderTable } from '../render/table.js';
import { reasonText, taskJson } from '../render/task-view.js';
import { sanitize } from '../render/text.js';
import { toJson } from '../render/json.js';
import { lightPainter } from './list.js';
import { openPlan, reportProblems } from './common.js';
import { paintOut, tableWidth, useAscii } from './view.js';

export interface ShowOptions {
  format?: 'table' | 'json';
}

export async function run(session: Session, [id]: string[], opts: ShowOptions): Promise<number> {
  const opened = await openPlan(session);
  const { plan, asOf } = opened;
  const { m, ctx } = session;
  const wanted = (id ?? '').trim();
  const found = plan.tasks.find((t) => t.task.id === wanted);
  if (!found) {
    const unreadable = plan.unreadable.find((f) => idFromFile(f) === wanted);
    if (unreadable) {
      for (const p of plan.problems.filter((p) => p.file === unreadable)) ctx.stderr.write(`${sanitize(formatProblem(p, m))}\n`);
      return EXIT.DATA;
    }
    throw new UserError(m.show.notFound(wanted, nearestIds(wanted, plan.tasks.map((t) => t.task.id))));
  }
  const [e] = evaluate([found], asOf, settingsOf(plan.config)) as [Evaluated];
  if (opts.format === 'json') {
    ctx.stdout.write(toJson({ version: 1, as_of: asOf, command: 'show', task: { ...taskJson(e, m), detail: e.task.detail ?? null, record: e.task } }));
  } else {
    ctx.stdout.write(showText(e, m, asOf, session, useAscii(session, plan.config)));
  }
  const errors = reportProblems(session, { ...plan, problems: plan.problems.filter((p) => p.file === found.file), unreadable: [] }, { warnings: true });
  return errors > 0 ? EXIT.DATA : EXIT.OK;
}

function showText(e: Evaluated, m: Messages, asOf: string, session: Session, ascii: boolean): string {
  const paint = paintOut(session);
  const paintLight = lightPainter(paint);
  const { task, result } = e;
  const f = m.fields;
  const width = tableWidth(session);
  const lines: string[] = [];
  const field = (label: string, value: string | undefined) => {
    if (value !== undefined && value !== '') lines.push(`${paint.bold(`${label}：`)}${sanitize(value)}`);
  };
  lines.push(paint.bold(`${task.id}  ${sanitize(task.title)}`));
  lines.push(`${paint.bold(`${m.show.light}：`)}${paintLight(result.light, m.light[result.light])} ${m.show.asOf(asOf)}`);
  for (const r of result.reasons) lines.push(`  · ${reasonText(r, m)}`);
  field(f.section!, task.section);
  field(f.point!, task.point);
  field(f.lead!, leadsOf(task).join('、'));
  field(f.units!, task.units.join('、'));
  const original = originalDeadline(task);
  field(f.deadline!, `${task.deadline}${task.deadline_text ? `（${task.deadline_text}）` : ''}${original !== task.deadline ? `，${m.show.original(original)}` : ''}`);
  if (task.start) field(f.start!, task.start);
  field(f.status!, `${m.status[task.status]}${result.status !== task.status ? ` → ${m.status[result.status]} ${m.show.asOf(asOf)}` : ''}`);
  if (task.done_on) field(f.done_on!, task.done_on);
  if (task.tags?.length) field(f.tags!, task.tags.join('、'));
  if (task.detail) lines.push(paint.bold(`${f.detail}：`), ...sanitize(task.detail).split('\n').map((l) => `  ${l}`));
  if (task.milestones?.length) {
    lines.push(paint.bold(`${m.show.milestones}：`));
    lines.push(renderTable(
      [{ header: m.views.col.milestone, wrap: true, min: 10, max: 40 }, { header: f.due! }, { header: f.status! }],
      task.milestones.map((ms) => [ms.title, ms.due, m.show.milestoneState(ms.done_on, ms.due, asOf)]),
      { width, ascii },
    ));
  }
  if (task.targets?.length) {
    lines.push(paint.bold(`${m.show.targets}：`));
    lines.push(renderTable(
      [{ header: f.name!, wrap: true, min: 10, max: 40 }, { header: f.target! }, { header: '' }],
      task.targets.map((t) => {
        const met = t.actual === undefined ? undefined : t.direction === 'max' ? t.actual <= t.target : t.actual >= t.target;
        return [t.name, m.show.target(t), m.show.met(met)];
      }),
      { width, ascii },
    ));
  }
  if (task.progress?.length) {
    lines.push(paint.bold(`${m.show.progress}：`));
    lines.push(renderTable(
      [{ header: f.date! }, { header: f.percent!, align: 'right' }, { header: f.by!, wrap: true, min: 6, max: 16 }, { header: f.note!, wrap: true, min: 10, max: 70 }],
      task.progress.map((p) => [p.date, p.percent === undefined ? '' : `${p.percent}%`, p.by ?? '', p.note]),
      { width, ascii, paint: (text, r) => (task.progress![r]!.date > asOf ? paint.dim(text) : text) },
    ));
  }
  if (task.extensions?.length) {
    lines.push(paint.bold(`${m.show.extensions}：`));
    for (const x of task.extensions) lines.push(`  ${m.show.extension(x.from, x.to, x.date, sanitize(x.reason))}`);
  }
  lines.push(paint.dim(`${m.show.file}：${e.file}`));
  return `${lines.join('\n')}\n`;
}
