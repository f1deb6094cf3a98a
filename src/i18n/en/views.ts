// Views: overdue, due, list, summary, show, history.
import { formatEnglishDate as formatEn } from '../../core/dates.js';
import type { views as zh } from '../zh/views.js';

export const views: ReturnType<typeof zh> = {
  views: {
    stale: 'feedback overdue',
    warningsHidden: (n: number) => `${n} more warning${n === 1 ? '' : 's'}: run tasks validate to see them.`,
    unreadable: (n: number) => `${n} task file${n === 1 ? '' : 's'} could not be read and ${n === 1 ? 'is' : 'are'} not in the table above; fix ${n === 1 ? 'it' : 'them'} as shown and run again.`,
    asOf: (date: string) => `As of ${formatEn(date)}`,
    overdueHeader: (date: string, c: { red: number; milestoneOnly: number; dueSoon: number; behind: number }) =>
      `As of ${formatEn(date)}: ${c.red} overdue (${c.milestoneOnly} by a milestone only), ${c.dueSoon} due soon, ${c.behind} behind schedule`,
    noOverdue: (date: string) => `Nothing is overdue as of ${formatEn(date)}.`,
    noMatch: 'No tasks match.',
    dueHeader: (date: string, until: string, tasks: number, milestones: number) =>
      `As of ${formatEn(date)}, due by ${formatEn(until)}: ${tasks} task${tasks === 1 ? '' : 's'}, ${milestones} milestone${milestones === 1 ? '' : 's'}`,
    listHeader: (shown: number, total: number, date: string) => `As of ${formatEn(date)}: ${shown} task${shown === 1 ? '' : 's'}${shown === total ? '' : ` (of ${total})`}`,
    group: (name: string, count: number) => `${name} (${count})`,
    unnamed: '(none)',
    days: (n: number) => `${n} d`,
    dueIn: (n: number): string => (n === 0 ? 'today' : `in ${n} d`),
    kindTask: 'task',
    kindMilestone: 'milestone',
    milestoneLine: (title: string, due: string, days: number) => `milestone "${title}" ${days} d late (due ${due})`,
    col: {
      office: 'office', id: 'id', title: 'task', lead: 'lead official', leadUnit: 'lead unit', units: 'units', coUnits: 'co-units', deadline: 'deadline',
      daysOverdue: 'late', latest: 'latest progress', latestDate: 'reported', light: 'light', status: 'status', kind: 'kind', due: 'due',
      daysLeft: 'left', percent: 'done %', section: 'section', point: 'work point', reasons: 'why', file: 'file', tags: 'tags',
      doneOn: 'done on', milestone: 'milestone', feedback: 'feedback',
    },
    sum: {
      lead: 'lead official', unit: 'lead unit', section: 'section', office: 'office', total: 'tasks', done: 'done', doneLate: 'of which late', open: 'open',
      red: 'red', yellow: 'yellow', green: 'green', suspended: 'suspended', cancelled: 'cancelled', rate: 'done %', totalRow: 'total',
      header: (date: string, by: string) => `As of ${formatEn(date)}, by ${by}`,
    },
  },
  reasons: {
    overdue: (deadline: string, days: number) => `${days} d overdue (deadline ${deadline})`,
    milestone_overdue: (title: string, due: string, days: number) => `milestone overdue: ${title}, due ${due} (${days} d late)`,
    due_soon: (deadline: string, days: number): string => (days === 0 ? `due today (${deadline})` : `due in ${days} d (${deadline})`),
    milestone_due_soon: (title: string, due: string, days: number) => `milestone due soon: ${title}, due ${due}${days === 0 ? ' (today)' : ` (in ${days} d)`}`,
    behind: (percent: number, elapsed: number, reported: boolean): string =>
      reported ? `behind schedule: ${percent}% reported, ${elapsed}% of the time gone` : `behind schedule: not started, ${elapsed}% of the time gone`,
    done_late: (doneOn: string, deadline: string, days: number) => `done late: on ${doneOn}, ${days} d after the deadline (${deadline})`,
    done: (doneOn: string) => `done on ${doneOn}`,
    suspended: 'suspended',
    cancelled: 'cancelled',
    green: 'on schedule',
  },
  show: {
    notFound: (id: string, suggestions: string[]) =>
      `no task with id "${id}"${suggestions.length ? `; did you mean: ${suggestions.join(', ')}?` : '; run tasks list to see the ids'}`,
    light: 'light',
    asOf: (date: string) => `(as of ${formatEn(date)})`,
    original: (date: string) => `first deadline ${date}`,
    staleDetail: (label: string, due: string) => ` (the report for ${label} was due by ${due})`,
    laterDeadline: (date: string) => `changed to ${date} after this date`,
    extension: (from: string, to: string, date: string, reason: string, kind: 'extension' | 'advance') =>
      `${date} ${kind === 'advance' ? 'brought forward' : 'extended'}: ${from} → ${to} (${reason})`,
    bothDeadlines: (original: string, originalDays: number, current: string, currentDays: number) =>
      `against the original deadline (${original}): ${originalDays > 0 ? `${originalDays} days overdue` : 'not overdue'}; against the deadline in force (${current}): ${currentDays > 0 ? `${currentDays} days overdue` : 'not overdue'}`,
    milestones: 'milestones',
    targets: 'targets',
    progress: 'progress',
    extensions: 'deadline changes',
    none: 'none',
    target: (t: { target: number; unit?: string; actual?: number; direction?: string }) =>
      `target ${t.direction === 'max' ? '≤' : '≥'}${t.target}${t.unit ?? ''}, actual ${t.actual === undefined ? 'not reported' : `${t.actual}${t.unit ?? ''}`}`,
    met: (met: boolean | undefined): string => (met === undefined ? '' : met ? 'met' : 'not met'),
    milestoneState: (state: 'done' | 'overdue' | 'open' | 'later', doneOn: string | undefined, added?: string): string =>
      state === 'done' ? `done (${doneOn})` : state === 'overdue' ? 'overdue' : state === 'later' ? `added ${added}, not counted yet` : 'open',
    file: 'file',
  },
  home: {
    title: (title: string, date: string, isToday: boolean) => `${title ? `${title} · ` : ''}as of ${formatEn(date)}${isToday ? ' (today)' : ''}`,
    counts: (c: { red: number; yellow: number; green: number; done: number; doneLate: number; suspended: number; cancelled: number; total: number }) =>
      [`${c.total} tasks: red ${c.red}`, `yellow ${c.yellow}`, `green ${c.green}`, `done ${c.done} (${c.doneLate} late)`, `suspended ${c.suspended}`, `cancelled ${c.cancelled}`],
    mostOverdue: 'Most overdue:',
    noOverdue: 'Nothing is overdue.',
    empty: 'The plan has no tasks yet. tasks import notice notice.txt --year 2020 drafts them from a notice.',
    next: [
      'Next:',
      '  tasks overdue             every overdue task (--group lead to group by official)',
      '  tasks due                 tasks and milestones due soon',
      '  tasks list --light yellow yellow tasks',
      '  tasks summary             totals per lead official',
      '  tasks show <id>           one task in full',
    ].join('\n'),
  },
  filters: {
    ambiguous: (what: string, input: string, candidates: readonly string[]) => `${what} "${input}" is ambiguous: ${candidates.join(', ')}; type more of the name`,
    unknown: (what: string, input: string, candidates: readonly string[]) =>
      `no ${what} named "${input}"${candidates.length ? `; did you mean: ${candidates.join(', ')}?` : ''}`,
    lead: 'lead official',
    unit: 'unit',
    badStatus: (value: string) => `unknown status "${value}"; one of: not_started, in_progress, done, suspended, cancelled`,
    badLight: (value: string) => `unknown light "${value}"; one of: red, yellow, green (also done, done_late, suspended, cancelled)`,
    badDays: (option: string, value: string) => `${option} needs a whole number of days from 0 to 3660, not "${value}"`,
  },
  history: {
    header: (id: string, title: string) => `history of ${id}  ${title}`,
    created: 'created',
    deleted: 'deleted',
    none: (id: string) => `no git history of ${id} (not committed yet, or the plan is not in a git repository)`,
    noRepo: 'the plan is not in a git repository, so there is no history',
    change: (field: string, from: string, to: string) => `${field}: ${from} → ${to}`,
    extension: (reason: string, kind: 'extension' | 'advance') => ` (${kind === 'advance' ? 'brought forward' : 'extended'}: ${reason})`,
    added: (field: string, n: number, what: string) => `${field}: +${n}${what ? ` (${what})` : ''}`,
    removed: (field: string, n: number) => `${field}: -${n}`,
    milestoneDone: (title: string, date: string) => `milestone "${title}" done (${date})`,
    milestoneUndone: (title: string, date: string) => `milestone "${title}" no longer done (was ${date})`,
    targetActual: (name: string, from: string, to: string) => `target "${name}" actual: ${from} → ${to}`,
    setField: (field: string, value: string) => `${field}: ${value}`,
    removedField: (field: string, value: string) => `${field}: removed (was ${value})`,
    logHeader: (since: string | undefined) => (since ? `changes since ${since}` : 'all changes, newest first'),
    moved: (from: string, to: string) => `file renamed: ${from} → ${to}`,
    idRange: (first: string, last: string, n: number) => `${first} to ${last} (${n} tasks)`,
  },
};
