// tasks new --title … --lead … --unit … --deadline …: a new task file with the next free id.
import { nextId } from '../core/ids.js';
import { parseDeadline, startOfYear, type IsoDate } from '../core/dates.js';
import type { Task } from '../core/task.js';
import { isExactDate, splitNames } from '../core/words.js';
import type { Session } from '../context.js';
import { EXIT, UserError } from '../errors.js';
import { editContext, readLead, readUnit, refusal, sayEditNotes, type EditOptions } from '../cli/edit.js';
import { note, say } from '../cli/output.js';
import { planYear } from '../cli/options.js';
import { createTask } from '../store/edit.js';
import { idSeries } from '../store/share.js';
import { repoContext } from '../store/sync.js';
import type { Plan } from '../store/load.js';
import { commitMessage } from '../store/trailers.js';
import { taskToYaml } from '../store/yaml.js';

export interface NewOptions extends EditOptions {
  title: string | undefined;
  lead: string[];
  unit: string[];
  deadline: string | undefined;
  point: string | undefined;
  section: string | undefined;
  detail: string | undefined;
  tag: string[];
  id: string | undefined;
  start: IsoDate | undefined;
}

export async function runNew(options: NewOptions, plan: Plan, session: Session): Promise<number> {
  const { m, io } = session;
  const f = m.fields;
  // On a terminal, ask for what is missing; elsewhere (scripts, cron) never wait for input.
  const ask = async (value: string | undefined, label: string): Promise<string | undefined> =>
    value?.trim() || !io.prompt ? value : (await io.prompt(m.create.ask(label))) || undefined;
  const title = await ask(options.title, f.title!);
  const leadText = options.lead.length ? options.lead.join('、') : await ask(undefined, f.lead!);
  const unitText = options.unit.length ? options.unit.join('、') : await ask(undefined, f.units!);
  const deadlineText = await ask(options.deadline, f.deadline!);
  const missing = [
    !title?.trim() && '--title',
    !leadText?.trim() && '--lead',
    !unitText?.trim() && '--unit',
    !deadlineText?.trim() && '--deadline',
  ].filter((x): x is string => Boolean(x));
  if (missing.length > 0) throw new UserError(m.create.missing(missing));

  const year = planYear(session, plan);
  const deadline = parseDeadline(deadlineText!, year);
  if (!deadline) throw new UserError(m.edit.badDeadline(deadlineText!, year));
  const exact = isExactDate(deadlineText!);
  if (!exact) note(session, m.edit.deadlineResolved(deadlineText!.trim(), deadline.date));
  // A task added during its year is assigned (交办) that day: it owes no feedback for the periods
  // before, and its time elapsed counts from then. One added before its year starts, or after its
  // deadline (entered late), starts with its year as the notice's tasks do.
  const yearStart = startOfYear(deadline.date);
  const start = options.start ?? (session.asOf > yearStart && session.asOf <= deadline.date ? session.asOf : undefined);
  if (options.start === undefined && start !== undefined) note(session, m.create.startsToday(start, yearStart));
  const leads = splitNames(leadText!).map((n) => readLead(session, plan, n));
  const units = splitNames(unitText!).map((n) => readUnit(session, plan, n));
  const given = options.id?.trim() || undefined;
  if (given && plan.tasks.some((t) => t.task.id === given)) throw new UserError(m.create.exists(given));
  // a shared plan numbers this computer's new tasks in its own series, so that clones never collide
  const series = idSeries(repoContext(plan.root));
  if (!given && series.shared && !series.code) throw new UserError(m.clerk.needed(year));
  const build = (id: string) => {
    const task: Task = {
      id,
      title: title!.trim(),
      ...(options.detail ? { detail: options.detail.trim() } : {}),
      ...(options.section ? { section: options.section.trim() } : {}),
      ...(options.point ? { point: options.point.trim() } : {}),
      lead: leads.length === 1 ? leads[0]! : leads,
      units,
      deadline: deadline.date,
      ...(exact ? {} : { deadline_text: deadline.text }),
      ...(start ? { start } : {}),
      status: 'not_started',
      ...(options.tag.length ? { tags: options.tag.flatMap(splitNames) } : {}),
    };
    return { task, text: taskToYaml(task), message: commitMessage(m.create.commit(id, task.title), { command: 'new', task: id }) };
  };
  // the id is chosen under the plan's lock, from the ids present then: concurrent runs never clash
  const allocate = (present: string[]) => given ?? nextId(present, year, series.code);
  let result;
  try {
    result = await createTask(editContext(session, plan, options), allocate, build);
  } catch (error) {
    throw refusal(session, `tasks/${given ?? ''}`, error);
  }
  say(session, m.create.created(result.task.id, result.file, result.task.title));
  sayEditNotes(session, result);
  return EXIT.OK;
}
