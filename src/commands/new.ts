// tasks new --title … --lead … --unit … --deadline …: a new task file with the next free id.
import { isIsoDate, parseDeadline } from '../core/dates.js';
import type { Task } from '../core/task.js';
import type { Session } from '../context.js';
import { EXIT, UserError } from '../errors.js';
import { splitNames } from '../import/notice.js';
import { sanitize } from '../render/text.js';
import { createTask } from '../store/edit.js';
import { taskToYaml } from '../store/yaml.js';
import { commitMessage, openForEdit, readDate, readLead, readUnit, refusal, type EditOptions } from './editing.js';

export interface NewOptions extends EditOptions {
  title?: string;
  lead?: string[];
  unit?: string[];
  deadline?: string;
  point?: string;
  section?: string;
  detail?: string;
  tag?: string[];
  id?: string;
  start?: string;
}

/** The next id of the year: one past the highest `<year>-NNN`, at least three digits. */
export function nextId(ids: readonly string[], year: number): string {
  const prefix = `${year}-`;
  let max = 0;
  let width = 3;
  for (const id of ids) {
    const m = id.startsWith(prefix) ? /^(\d+)$/.exec(id.slice(prefix.length)) : null;
    if (m) {
      max = Math.max(max, Number(m[1]));
      width = Math.max(width, m[1]!.length);
    }
  }
  return `${prefix}${String(max + 1).padStart(width, '0')}`;
}

export async function run(session: Session, _args: string[], opts: NewOptions): Promise<number> {
  const { m, ctx } = session;
  const opened = await openForEdit(session, opts);
  const { plan } = opened;
  const f = m.fields;
  // On a terminal, ask for what is missing; elsewhere (scripts, cron) never wait for input.
  const ask = async (value: string | undefined, label: string): Promise<string | undefined> =>
    value?.trim() || !ctx.prompt ? value : (await ctx.prompt(m.create.ask(label))) || undefined;
  const title = await ask(opts.title, f.title!);
  const leadText = opts.lead?.length ? opts.lead.join('、') : await ask(undefined, f.lead!);
  const unitText = opts.unit?.length ? opts.unit.join('、') : await ask(undefined, f.units!);
  const deadlineText = await ask(opts.deadline, f.deadline!);
  const missing = [
    !title?.trim() && '--title',
    !leadText?.trim() && '--lead',
    !unitText?.trim() && '--unit',
    !deadlineText?.trim() && '--deadline',
  ].filter((x): x is string => Boolean(x));
  if (missing.length > 0) throw new UserError(m.create.missing(missing));

  const year = plan.config.year ?? Number(opened.today.slice(0, 4));
  const deadline = parseDeadline(deadlineText!, year);
  if (!deadline) throw new UserError(m.edit.badDeadline(deadlineText!, year));
  const exact = isIsoDate(deadlineText!.trim()) || /^\d{4}\s*[-/.年]/.test(deadlineText!.trim());
  if (!exact) ctx.stderr.write(`${m.edit.deadlineResolved(deadlineText!.trim(), deadline.date)}\n`);
  const leads = splitNames(leadText!).map((n) => readLead(session, plan, n));
  const units = splitNames(unitText!).map((n) => readUnit(session, plan, n));
  const ids = plan.tasks.map((t) => t.task.id);
  const id = opts.id?.trim() || nextId(ids, year);
  if (ids.includes(id)) throw new UserError(m.create.exists(id));
  const task: Task = {
    id,
    title: title!.trim(),
    ...(opts.detail ? { detail: opts.detail.trim() } : {}),
    ...(opts.section ? { section: opts.section.trim() } : {}),
    ...(opts.point ? { point: opts.point.trim() } : {}),
    lead: leads.length === 1 ? leads[0]! : leads,
    units,
    deadline: deadline.date,
    ...(exact ? {} : { deadline_text: deadline.text }),
    ...(opts.start ? { start: readDate(session, '--start', opts.start, opened.today) } : {}),
    status: 'not_started',
    ...(opts.tag?.length ? { tags: opts.tag.flatMap(splitNames) } : {}),
  };
  const file = `tasks/${id}.yaml`;
  try {
    const result = await createTask(opened.ctx, file, task, taskToYaml(task), commitMessage(m.create.commit(id, task.title), 'new', id));
    if (!session.global.quiet) ctx.stdout.write(`${sanitize(m.create.created(id, file, task.title))}\n`);
    if (!result.committed && !session.global.quiet) ctx.stderr.write(`${result.versioned ? m.edit.uncommitted : m.edit.notVersioned}\n`);
  } catch (error) {
    throw refusal(session, file, error);
  }
  return EXIT.OK;
}
