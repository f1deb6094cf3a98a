// Exporting Excel and CSV.
import { formatEnglishDate as formatEn } from '../../core/dates.js';
import type { exports as zh } from '../zh/export.js';

export const exports: ReturnType<typeof zh> = {
  exports: {
    col: {
      no: 'No.', id: 'id', title: 'task', lead: 'lead official', point: 'work point', leadUnit: 'lead unit', coUnits: 'co-units',
      deadline: 'deadline', status: 'status', light: 'light', daysOverdue: 'days late', latest: 'latest progress', latestDate: 'reported',
      targets: 'targets (target/actual)', reasons: 'why', original: 'original deadline',
    },
    reason: {
      overdue: (days: number) => `${days} days overdue`,
      milestone_overdue: (title: string, days: number) => `milestone "${title}" ${days} days overdue`,
      due_soon: (days: number): string => (days === 0 ? 'due today' : `due in ${days} days`),
      milestone_due_soon: (title: string, days: number): string => `milestone "${title}" ${days === 0 ? 'due today' : `due in ${days} days`}`,
      behind: (percent: number, elapsed: number, reported: boolean): string =>
        reported ? `behind schedule: ${percent}% reported, ${elapsed}% of the time gone` : `behind schedule: not started, ${elapsed}% of the time gone`,
      done_late: (days: number) => `done ${days} days late`,
      original: (days: number) => `${days} days overdue against the original deadline`,
    },
    reasonSeparator: '; ',
    unassignedInOverview: (n: number) => `${n} tasks are not yet assigned (待定) and are listed in the overview only`,
    coBlock: (unit: string, n: number) => `Tasks with ${unit} as a co-unit (${n})`,
    byUnitFolder: 'by-unit',
    target: (name: string, target: string, actual: string | undefined) => `${name}: target ${target}, actual ${actual ?? 'not reported'}`,
    extended: (deadline: string, original: string) => `${deadline} (was ${original}, extended)`,
    counts: (c: { total: number; done: number; doneLate: number; open: number; red: number; yellow: number; green: number; suspended: number; cancelled: number; rate: string }) =>
      `${c.total} tasks: ${c.done} done (${c.doneLate} late), ${c.open} open (${c.red} red, ${c.yellow} yellow, ${c.green} green), ${c.suspended} suspended, ${c.cancelled} cancelled; ${c.rate} done`,
    footer: (date: string) => `As of ${formatEn(date)}`,
    noTasks: '(no tasks)',
    title: (plan: string, who: string, date: string) => `${plan}: progress of key work (${who}, as of ${formatEn(date)})`,
    summaryTitle: (plan: string, by: string, date: string) => `${plan}: progress of key work, ${by} (as of ${formatEn(date)})`,
    allTasks: 'All tasks',
    byLead: 'By lead official',
    byUnit: 'By lead unit',
    byOffice: 'By office',
    overview: 'overview',
    unnamed: 'unnamed',
    pageFooter: 'page &P of &N',
    csvAll: 'key-work',
    wrote: (n: number, dir: string) => `exported ${n} file${n === 1 ? '' : 's'} to ${dir}`,
    skippedEmpty: (names: string[]) => `no matching tasks, so no file for: ${names.join(', ')} (--include-empty writes empty sheets)`,
    fileInTheWay: (path: string) => `${path} exists and is a file, not an export folder; to keep it, nothing was exported. Rename or move it, or choose another folder with --out`,
    cannotWrite: (dir: string, detail: string) => `cannot write ${dir}: ${detail}. Nothing was changed; check the folder's permissions and free space, or choose another with --out`,
    unreadableNote: (n: number) => `${n} task file${n === 1 ? '' : 's'} could not be read and ${n === 1 ? 'is' : 'are'} not in the exported sheets; fix as shown above and export again.`,
    badEncoding: (value: string) => `unsupported encoding "${value}"; use utf-8 (default, with a BOM) or gb18030 (GBK is not offered: it loses rare characters)`,
  },
};
