// Importing notices and Excel ledgers.
import { importXlsxEn } from './import-xlsx.js';
import type { imports as zh } from '../zh/import.js';

export const imports: ReturnType<typeof zh> = {
  importNotice: {
    needYear: 'give the year with --year (e.g. --year 2020); it resolves deadlines such as 年底前 and 6月底前',
    noStructure: (file: string) =>
      `no structure found in ${file}: expected 年度目标:/主要任务: paragraphs under 一、 and （一） headings, or numbered tasks (1.) followed by 牵头单位:/责任单位: or 分管领导:/部门分工: lines`,
    cannotWrite: (path: string, detail: string) => `cannot write ${path}: ${detail}`,
    draftComment: (file: string, line: number, checksum: string) =>
      `# Draft from ${file} line ${line} by tasks import notice (checksum ${checksum}; once edited, a re-import leaves it alone)`,
    wrote: (state: 'created' | 'updated', path: string, title: string) => `${state === 'created' ? 'wrote' : 'updated'} ${path}  ${title}`,
    skipped: (path: string) => `skipped ${path}: it has been edited (add --force to merge the notice into it; what the notice lacks, such as milestones, feedback, officials and units, stays)`,
    deadlineReason: (file: string) => `imported from ${file}`,
    summary: (c: { total: number; created: number; updated: number; unchanged: number; skipped: number; dryRun: boolean }) =>
      `${c.dryRun ? '(dry run, nothing written) ' : ''}${c.total} tasks: ${c.created} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.skipped} skipped`,
    structure: (sections: number, points: number, tasks: number, declared: number | undefined) =>
      `found ${sections} sections, ${points} work points, ${tasks} tasks` +
      (declared === undefined ? '' : declared === tasks ? `, as many as the notice says (${declared})` : `; the notice says ${declared}, ${Math.abs(declared - tasks)} apart: check the split (try --split sentence or --split auto)`),
    unassigned: (n: number) => `${n} of them have no lead official or units in the notice and say 待定 (to be decided): fill them in from the responsibility table`,
    readAsGb18030: (file: string) => `${file} is not UTF-8; read it as GB18030 (GBK)`,
    notText: (path: string) => `${path} is not a text file we can read (neither UTF-8 nor GB18030); save it as UTF-8 text and import again`,
  },
  importXlsx: importXlsxEn,
};
