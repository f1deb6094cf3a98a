// Exporting Excel and CSV.
import { formatEnglishDate as formatEn } from '../../core/dates.js';
import type { exports as zh } from '../zh/export.js';

export const exports: typeof zh = {
  exports: {
    col: {
      no: 'No.', id: 'id', title: 'task', lead: 'lead official', point: 'work point', leadUnit: 'lead unit', coUnits: 'co-units',
      deadline: 'deadline', status: 'status', light: 'light', daysOverdue: 'days late', latest: 'latest progress', latestDate: 'reported',
      targets: 'targets (target/actual)',
    },
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
    cannotWrite: (dir: string, detail: string) => `cannot write ${dir}: ${detail}. Nothing was changed; check the folder's permissions and free space, or choose another with --out`,
    unreadableNote: (n: number) => `${n} task file${n === 1 ? '' : 's'} could not be read and ${n === 1 ? 'is' : 'are'} not in the exported sheets; fix as shown above and export again.`,
    badEncoding: (value: string) => `unsupported encoding "${value}"; use utf-8 (default, with a BOM) or gb18030 (GBK is not offered: it loses rare characters)`,
  },
};
