// 催办单: one notice for each unit (or lead official) that owes something on a date: its overdue
// tasks and milestones, its missing feedback for the latest period due, and its work due within
// the warning window, with a reply-by date from the feedback rules.
import { milestonesOn } from '../core/as-of.js';
import type { Roster } from '../core/config.js';
import { addDays, diffDays, type IsoDate } from '../core/dates.js';
import type { Evaluated } from '../core/evaluate.js';
import { cyclePeriod, dueDate, judge, obligations, type FeedbackRules, type Judged } from '../core/feedback.js';
import { isOpen } from '../core/light.js';
import { previousPeriod } from '../core/periods.js';
import { leadNames, orderedNames, unitNames } from '../core/roster.js';
import { mostOverdueFirst } from '../core/sort.js';
import { leadsOf, leadUnitOf } from '../core/task.js';

export type RemindBy = 'unit' | 'lead';

interface DueSoonItem {
  e: Evaluated;
  kind: 'task' | 'milestone';
  title: string;
  due: IsoDate;
  daysLeft: number;
}

interface OverdueMilestoneItem {
  e: Evaluated;
  title: string;
  due: IsoDate;
  days: number;
}

export interface Notice {
  /** the unit or official the notice goes to */
  to: string;
  /** tasks past their deadline */
  overdue: Evaluated[];
  /** unfinished milestones past their date, of tasks not past their deadline */
  overdueMilestones: OverdueMilestoneItem[];
  /** feedback missing for the latest period due */
  missingFeedback: Judged[];
  /** open tasks and milestones due within the warning window */
  dueSoon: DueSoonItem[];
  /** the task ids the notice names, in order */
  taskIds: string[];
}

export interface RemindReport {
  asOf: IsoDate;
  by: RemindBy;
  /** the next date feedback is due: the notice asks for a reply by then */
  replyBy: IsoDate;
  notices: Notice[];
}

export interface RemindOptions {
  asOf: IsoDate;
  by: RemindBy;
  warningDays: number;
}

/** The latest period of the cycle whose due date has passed on `asOf`. */
function latestDue(rules: FeedbackRules, asOf: IsoDate) {
  const current = cyclePeriod(rules, asOf);
  return dueDate(rules, current, 'lead')! < asOf ? current : previousPeriod(current);
}

/** The next lead due date on or after the day after `asOf`. */
function nextDue(rules: FeedbackRules, asOf: IsoDate): IsoDate {
  let period = cyclePeriod(rules, asOf);
  let due = dueDate(rules, period, 'lead')!;
  while (due <= asOf) {
    period = cyclePeriod(rules, addDays(period.end, 1));
    due = dueDate(rules, period, 'lead')!;
  }
  return due;
}

export function remindReport(evaluated: readonly Evaluated[], roster: Roster, rules: FeedbackRules, options: RemindOptions): RemindReport {
  const { asOf, by } = options;
  const tasks = evaluated.map((e) => e.task);
  const keysOf = (e: Evaluated) => (by === 'lead' ? leadsOf(e.task) : [leadUnitOf(e.task)]);
  const notices = new Map<string, Notice>();
  const notice = (to: string) => {
    let n = notices.get(to);
    if (!n) notices.set(to, (n = { to, overdue: [], overdueMilestones: [], missingFeedback: [], dueSoon: [], taskIds: [] }));
    return n;
  };
  const until = addDays(asOf, options.warningDays);
  for (const e of [...evaluated].sort(mostOverdueFirst)) {
    if (!isOpen(e.result.light)) continue;
    for (const key of keysOf(e)) {
      if (e.result.deadlineDaysOverdue > 0) notice(key).overdue.push(e);
      else for (const ms of e.result.overdueMilestones) notice(key).overdueMilestones.push({ e, title: ms.title, due: ms.due, days: ms.days });
      if (e.result.deadline >= asOf && e.result.deadline <= until) notice(key).dueSoon.push({ e, kind: 'task', title: e.task.title, due: e.result.deadline, daysLeft: diffDays(e.result.deadline, asOf) });
      for (const ms of milestonesOn(e.task, asOf)) {
        if ((ms.done_on !== undefined && ms.done_on <= asOf) || ms.due < asOf || ms.due > until) continue;
        notice(key).dueSoon.push({ e, kind: 'milestone', title: ms.title, due: ms.due, daysLeft: diffDays(ms.due, asOf) });
      }
    }
  }
  const period = latestDue(rules, asOf);
  const byId = new Map(evaluated.map((e) => [e.task.id, e]));
  for (const task of tasks) {
    for (const o of obligations(task, period, rules)) {
      const judged = judge(o, asOf);
      if (judged.verdict !== 'missing') continue;
      const e = byId.get(task.id)!;
      if (!isOpen(e.result.light)) continue;
      // to an official, the lead unit's silence is what counts; a co-unit answers to the lead unit
      const keys = by === 'lead' ? (o.tier === 'lead' ? leadsOf(task) : []) : [o.unit];
      for (const key of keys) notice(key).missingFeedback.push(judged);
    }
  }
  const order = by === 'lead' ? leadNames(roster, tasks) : orderedNames(unitNames(roster, tasks), notices.keys());
  // what is only coming due is named in a notice, but never makes one: a unit that owes nothing gets none
  const list = [...notices.values()]
    .filter((n) => n.overdue.length + n.overdueMilestones.length + n.missingFeedback.length > 0)
    .sort((a, b) => order.indexOf(a.to) - order.indexOf(b.to));
  for (const n of list) {
    n.dueSoon.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.e.task.id < b.e.task.id ? -1 : 1));
    n.taskIds = [...new Set([...n.overdue.map((e) => e.task.id), ...n.overdueMilestones.map((x) => x.e.task.id), ...n.missingFeedback.map((j) => j.task.id), ...n.dueSoon.map((d) => d.e.task.id)])];
  }
  return { asOf, by, replyBy: nextDue(rules, asOf), notices: list };
}
