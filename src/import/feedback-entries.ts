// What a form's answer does to one task: the unit's progress entry for the period (added, or
// replacing the one an earlier return of the same period gave), and its completion request.
// Pure: given the task as it is now, the edit operations; none when the task already says it.
import type { IsoDate } from '../core/dates.js';
import { dateOrderIndex, type CompletionRequest, type ProgressEntry, type Task } from '../core/task.js';
import type { EditOp } from '../store/yaml-edit.js';
import type { Answer } from './feedback-form.js';

export interface Return {
  unit: string;
  /** the period's key, e.g. 2020-09-3 */
  period: string;
  date: IsoDate;
  /** the date was filled in on the form (not the reply-by date put in its place) */
  dateGiven: boolean;
}

type EntryOutcome = 'added' | 'replaced' | 'removed' | 'unchanged';

export interface TaskAnswer {
  ops: EditOp[];
  entry: EntryOutcome;
  /** a completion request is made now (not one the same form already made, nor one the office has decided) */
  request: boolean;
  /** 是否办结 = 是 on a task the ledger already holds as done: no request, and the clerk is told */
  alreadyDone: IsoDate | undefined;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function entryOf(answer: Answer, r: Return): ProgressEntry {
  return {
    date: r.date,
    note: answer.note,
    ...(answer.percent !== undefined ? { percent: answer.percent } : {}),
    by: r.unit,
    ...(answer.problems ? { problems: answer.problems } : {}),
    ...(answer.nextSteps ? { next_steps: answer.nextSteps } : {}),
    period: r.period,
  };
}

/** Equal, or equal but for the date when the form gave none (a second import on another day). */
function sameAnswer<T extends { date: IsoDate }>(existing: T, wanted: T, r: Return): boolean {
  return same(existing, wanted) || (!r.dateGiven && same({ ...existing, date: wanted.date }, wanted));
}

/**
 * The operations that make `task` hold the unit's answer for the period: `answer` undefined means
 * the row was left empty, which takes back what an earlier return of the period said.
 */
export function answerOps(task: Task, answer: Answer | undefined, r: Return): TaskAnswer {
  const progress = task.progress ?? [];
  const mine = progress.flatMap((p, i) => (p.by === r.unit && p.period === r.period ? [i] : []));
  const wanted = answer ? entryOf(answer, r) : undefined;
  const requests = task.completion_requests ?? [];
  const open = requests.flatMap((q, i) => (q.by === r.unit && q.period === r.period && q.decision === undefined ? [i] : []));
  const doneOn = answer?.doneOn;
  const wantedRequest: CompletionRequest | undefined =
    doneOn !== undefined && task.status !== 'done' ? { date: r.date, by: r.unit, done_on: doneOn, period: r.period } : undefined;
  // the office has decided on this very request already: importing the form again must not ask again
  const decided = wantedRequest !== undefined && requests.some((q) => q.decision !== undefined && q.by === r.unit && q.period === r.period && q.done_on === wantedRequest.done_on);

  const entryKept = wanted ? mine.length === 1 && sameAnswer(progress[mine[0]!]!, wanted, r) : mine.length === 0;
  const requestKept =
    wantedRequest === undefined || decided ? open.length === 0 : open.length === 1 && sameAnswer(requests[open[0]!]!, wantedRequest, r);
  const alreadyDone = doneOn !== undefined && task.status === 'done' ? (task.done_on ?? doneOn) : undefined;
  const request = wantedRequest !== undefined && !decided && !requestKept;
  if (entryKept && requestKept) return { ops: [], entry: 'unchanged', request, alreadyDone };

  const ops: EditOp[] = [];
  let list = progress;
  if (!entryKept) {
    for (const i of [...mine].reverse()) ops.push({ op: 'remove', path: ['progress'], index: i });
    list = progress.filter((_p, i) => !mine.includes(i));
    if (wanted) ops.push({ op: 'insert', path: ['progress'], index: dateOrderIndex(list, wanted.date, (p) => p.date), value: wanted });
  }
  if (!requestKept) {
    for (const i of [...open].reverse()) ops.push({ op: 'remove', path: ['completion_requests'], index: i });
    const left = requests.filter((_q, i) => !open.includes(i));
    if (wantedRequest && !decided) ops.push({ op: 'insert', path: ['completion_requests'], index: dateOrderIndex(left, wantedRequest.date, (q) => q.date), value: wantedRequest });
  }
  if (wanted && task.status === 'not_started') ops.push({ op: 'set', path: ['status'], value: 'in_progress' });
  const entry: EntryOutcome = entryKept ? 'unchanged' : !wanted ? 'removed' : mine.length > 0 ? 'replaced' : 'added';
  return { ops, entry, request, alreadyDone };
}
