// The leadership dashboard page (tasks dashboard), of the same shape as ../zh/dashboard.ts.
import { formatEnglishDate, parts } from '../../core/dates.js';
import { periodNumber, type Period } from '../../core/periods.js';
import type { dashboard as zh } from '../zh/dashboard.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const short = (date: string) => `${parts(date).day} ${MONTHS[parts(date).month - 1]}`;

export const dashboard: ReturnType<typeof zh> = {
  dashboardHelp: {
    cmd: 'The leadership dashboard: one web page (charts, red tasks, awaiting review, targets, feedback) that opens, forwards and prints with no network; takes the filters of tasks list',
    out: 'the file to write (.html), or a folder to put it in; exports/<date>-dashboard.html in the plan by default',
  },
  dashboard: {
    lang: 'en',
    docTitle: (title: string, date: string) => `${title}: progress as of ${formatEnglishDate(date)}`,
    heading: (title: string) => `${title}: progress`,
    asOf: (date: string) => `as of ${formatEnglishDate(date)}`,
    shortDate: short,
    month: (month: number) => MONTHS[month - 1] ?? String(month),
    period: (period: Period) => {
      const { year, month, day } = parts(period.start);
      switch (period.kind) {
        case 'xun': return `${MONTHS[month - 1]} ${day <= 10 ? 'early' : day <= 20 ? 'mid' : 'late'}`;
        case 'month': return MONTHS[month - 1] ?? String(month);
        case 'quarter': return `Q${periodNumber(period)}`;
        case 'half': return `H${periodNumber(period)}`;
        case 'year': return String(year);
      }
    },
    headline: {
      total: 'Tasks',
      done: 'Done',
      rate: 'Completion',
      red: 'Red (overdue)',
      yellow: 'Yellow (due soon or behind)',
      awaiting_review: 'Awaiting review',
      on_time_rate: 'Feedback on time',
    },
    roundOf: (period: string) => `reports for ${period}`,
    countUnit: '',
    sinceXun: 'since last 旬',
    sinceMonth: 'since last month',
    comparedWith: (date: string) => `compared with ${short(date)}`,
    change: (size: number, percent: boolean) => (size === 0 ? 'unchanged' : percent ? `${size} pt` : `${size}`),
    lights: {
      red: 'Red',
      yellow: 'Yellow',
      green: 'Green',
      done: 'Done',
      done_late: 'Done late',
      suspended: 'Suspended',
      cancelled: 'Cancelled',
    },
    section: {
      completion: 'Completion over the year',
      byLead: 'By lead official',
      byUnit: 'By lead unit',
      red: 'Red tasks',
      review: 'Awaiting review',
      targets: 'Targets',
      punctuality: 'Feedback by unit',
    },
    completionNote: (share: number, elapsed: number, gap: number) =>
      `${share}% done, ${elapsed}% of the year gone: ` + (gap > 0 ? `${gap} points behind time` : gap < 0 ? `${-gap} points ahead of time` : 'in step with time'),
    doneLine: 'done',
    timeLine: 'time elapsed',
    barTitle: (name: string, parts: ReadonlyArray<readonly [string, number]>) =>
      `${name}: ${parts.map(([label, count]) => `${label} ${count}`).join(', ')}`,
    tasks: (count: number) => String(count),
    listCount: (count: number) => ` (${count})`,
    filteredCount: (count: string) => `${count} shown`,
    col: {
      id: 'ID',
      title: 'Task',
      lead: 'Lead',
      leadUnit: 'Lead unit',
      daysOverdue: 'Overdue',
      reasons: 'Why',
      latest: 'Latest feedback',
      reportedOn: 'Reported',
      note: 'Report',
      target: 'Target',
      progress: 'Actual / target',
      unit: 'Unit',
    },
    days: (count: number) => `${count} d`,
    deadline: (date: string) => `due ${short(date)}`,
    noFeedback: 'no feedback',
    notReported: 'not reported',
    targetValue: (actual: string | undefined, target: string, unit: string, direction: 'min' | 'max') =>
      `${actual ?? 'n/a'} / ${direction === 'max' ? '≤' : ''}${target}${unit ? ` ${unit}` : ''}`,
    targetKey: 'The blue bar is the actual figure (red when over a limit), the line the target, ▼ where the figure should stand by now in step with the time elapsed.',
    elapsedMark: (elapsed: number) => `time elapsed ${elapsed}%`,
    more: (shown: number, total: number) => `${total - shown} more not shown (${total} in all); see tasks list`,
    none: {
      red: 'No red tasks.',
      review: 'No task awaits review.',
      targets: 'No targets.',
      punctuality: 'No feedback round has come due yet.',
      chart: 'No tasks.',
    },
    noMatch: 'No task matches the filter.',
    empty: 'The plan has no tasks yet.',
    punctuality: { on_time: 'on time', late: 'late', missing: 'missing', not_due: 'not due yet', none: 'nothing owed' },
    punctualityMark: { on_time: '✓', late: 'L', missing: '✗', not_due: '', none: '·' },
    scope: (shown: number, of: number, parts: readonly string[]) => `This page holds only the ${shown} tasks (of ${of}) that match: ${parts.join('; ')}`,
    scopeKey: {
      office: 'office',
      lead: 'lead official',
      unit: 'unit',
      leadUnit: 'lead unit',
      status: 'status',
      light: 'light',
      section: 'section',
      point: 'point',
      tag: 'tag',
      deadlineBefore: 'deadline before',
      deadlineAfter: 'deadline after',
      search: 'text',
    },
    untitled: 'Key work',
    filter: {
      hint: 'Click an official, a unit, a light or a figure to show only its tasks in the lists below; click again to undo.',
      label: 'Showing: ',
      clear: 'Show all',
      text: (name: string | undefined, light: string | undefined) => [name, light].filter(Boolean).join(' · '),
    },
    unreadable: (count: number) => `${count} task file(s) could not be read and are left out of this page; run tasks validate to see and fix them.`,
    footer: (date: string) => `Data as of ${formatEnglishDate(date)}, generated by tasks from the plan; the page needs no network and can be opened, forwarded and printed as it is.`,
  },
};
