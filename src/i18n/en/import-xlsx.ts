// English messages of tasks import xlsx (same structure as ../zh/import-xlsx.ts).
import type { importXlsxZh } from '../zh/import-xlsx.js';

const q = (v: unknown) => `"${String(v)}"`;
const list = (items: readonly string[]) => items.map(q).join(', ');
const clip = (text: string) => {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  return [...flat].length > 30 ? `${[...flat].slice(0, 29).join('')}…` : flat;
};
/** the file name in the soffice command, quoted when it has spaces or shell characters */
const shellName = (file: string) => (/^[\w\u4e00-\u9fff.@%+=:,/-]+$/.test(file) ? file : `"${file.replace(/(["\\$`])/g, '\\$1')}"`);

export const importXlsxEn: ReturnType<typeof importXlsxZh> = {
  needFile: 'name the Excel file to import, e.g. tasks import xlsx ledger.xlsx',
  needYear:
    'give the year with --year (e.g. --year 2020): neither the settings (tasks.config.yaml) nor the sheet title name one, and deadlines such as 年底前 and 6月底前 resolve against it',
  legacyXls: (file: string) =>
    `${file} is an old-format Excel file (.xls), which cannot be imported. Open it in Excel or WPS and "Save As" an Excel workbook (.xlsx), then import that; or have the IT person run \`soffice --headless --convert-to xlsx ${shellName(file)}\``,
  encrypted: (file: string) =>
    `${file} is protected by a password (encrypted) and cannot be read. Open it in Excel or WPS, remove the password and save it as .xlsx, then import that (Excel: File → Info → Protect Workbook → Encrypt with Password, clear it; WPS: File → Document Encryption → Password Encryption, clear it)`,
  corrupt: (file: string, detail: string) =>
    `${file} is not a valid Excel workbook (.xlsx), or it is damaged (${detail}). Open it in Excel or WPS and save it as .xlsx, then import that`,
  emptyWorkbook: (file: string) => `every sheet of ${file} is empty: nothing to import`,
  emptySheet: (file: string, sheet: string) => `sheet ${q(sheet)} of ${file} is empty: nothing to import`,
  noSuchSheet: (file: string, sheet: string, sheets: readonly string[]) => `${file} has no sheet named ${q(sheet)}; its sheets: ${list(sheets)}`,
  noHeader: (file: string, sheets: readonly string[], rows: number, looked: readonly string[]) =>
    `no header row found in the first ${rows} rows of sheet ${list(sheets)} of ${file}. The header needs a task column (one of ${list(looked.slice(0, 5))}) ` +
    `and at least one of ${list(looked.slice(5))}; if your columns are named otherwise, say so with --map NAME=field, e.g. --map 工作措施=task`,
  noTasks: (file: string, sheet: string, headerRow: number) => `sheet ${q(sheet)} of ${file} has no tasks to import below its header (row ${headerRow})`,
  badMap: (value: string, fields: readonly string[]) => `bad --map value ${q(value)}: write it as NAME=field, with field one of ${fields.join(', ')}`,
  mapUnused: (name: string) => `the column ${q(name)} given with --map is not in the header; not used`,
  draftComment: (file: string, sheet: string, row: number, checksum: string) =>
    `# Draft from ${file} sheet ${q(sheet)} row ${row} by tasks import xlsx (checksum ${checksum}; once edited, a re-import leaves it alone)`,
  cannotWrite: (path: string, detail: string) => `cannot write ${path}: ${detail}`,
  wrote: (state: 'created' | 'updated', path: string, title: string) => `${state === 'created' ? 'wrote' : 'updated'} ${path}  ${title}`,
  skipped: (path: string) => `skipped ${path}: it has been edited (add --force to merge the spreadsheet into it; what the sheet lacks, such as milestones, feedback and tags, stays)`,
  deadlineReason: (file: string) => `imported from ${file}`,
  summary: (c: { total: number; created: number; updated: number; unchanged: number; skipped: number; dryRun: boolean }) =>
    `${c.dryRun ? '(dry run, nothing written) ' : ''}${c.total} tasks: ${c.created} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.skipped} skipped`,
  layout: (sheet: string, headerRow: number, columns: readonly string[], unused: readonly string[]) =>
    `sheet ${q(sheet)}, header in row ${headerRow}: ${columns.join(', ')}` + (unused.length > 0 ? `; columns not imported: ${unused.join(', ')}` : ''),
  column: (name: string, field: string) => `${name} → ${field}`,
  structure: (sections: number, points: number, tasks: number, failed: number) =>
    `found ${sections} sections, ${points} work points, ${tasks} tasks` + (failed > 0 ? `; ${failed} row${failed === 1 ? '' : 's'} could not be imported, see above` : ''),
  unassigned: (n: number) => `${n} of them have no lead official or units in the sheet and say 待定 (to be decided): fill them in`,
  noDeadlineColumn: (date: string) => `the sheet has no deadline column: every task's deadline is set to ${date} (year end) for now; check them`,
  progressDateFromTitle: (date: string) => `the sheet has no progress dates: the latest progress is recorded as of ${date}, the date its title gives`,
  rowProblem: (sheet: string, row: number, text: string, skipped: boolean) => `sheet ${q(sheet)} row ${row}: ${text}${skipped ? '; row not imported' : ''}`,
  problem: {
    no_task_text: () => 'no task text (the task column is empty)',
    bad_deadline: (text: string) => `deadline ${q(clip(text))} not understood (write 2020-06-30, 6月底前, 年底前, 三季度末, 上半年, 长期坚持 …)`,
    no_deadline: (date: string) => `no deadline; set to ${date} (year end) for now`,
    bad_status: (text: string, status: string) => `status ${q(clip(text))} not understood; recorded as ${q(status)} (write not started, in progress, done, suspended, cancelled or 未启动, 推进中, 已完成, 暂缓, 已取消)`,
    done_without_date: (date: string) => `done, but the sheet gives no completion date: done_on is set to ${date} for now; check it`,
    progress_without_date: (text: string) => `progress ${q(clip(text))} has no date; not imported`,
    bad_progress_date: (text: string) => `progress date ${q(clip(text))} not understood; the progress is not imported`,
    bad_percent: (text: string) => `percent done ${q(clip(text))} not understood (0 to 100); not imported`,
    bad_target: (text: string) => `target ${q(clip(text))} not understood (write "name: target 18个, actual 12个"); not imported`,
    bad_id: (text: string) => `id ${q(clip(text))} cannot be a file name (letters, digits, - _ . only); numbered automatically instead`,
    duplicate_id: (text: string) => `id ${q(text)} repeats a row above; numbered automatically instead`,
    bad_done_on: (text: string) => `completion date ${q(clip(text))} not understood; not imported`,
  },
  roster: (leads: readonly string[], units: readonly string[], file: string, dryRun: boolean) =>
    `${dryRun ? '(dry run) would add' : 'added'} to the roster (${file}) ` +
    [leads.length > 0 ? `${leads.length} lead official${leads.length === 1 ? '' : 's'}: ${leads.join(', ')}` : '', units.length > 0 ? `${units.length} unit${units.length === 1 ? '' : 's'}: ${units.join(', ')}` : '']
      .filter(Boolean)
      .join('; '),
  rosterNotUpdated: (file: string, detail: string) => `roster not updated: ${file} ${detail}; add the new officials and units by hand`,
  rosterNoPlan: 'roster not updated: no plan folder (holding tasks.config.yaml) found; give it with --dir',
  rosterInvalid: 'has syntax errors',
  rosterNotList: 'has leads or units under roster that are not lists',
  fields: {
    task: 'task (title and text)',
    title: 'title',
    detail: 'detail',
    no: 'No.',
    id: 'id',
    section: 'section',
    point: 'work point',
    lead: 'lead official',
    lead_unit: 'lead unit',
    units: 'units',
    deadline: 'deadline',
    status: 'status',
    progress: 'latest progress',
    progress_date: 'progress date',
    percent: 'percent done',
    targets: 'targets',
    done_on: 'done on',
    tags: 'tags',
    ignore: 'not imported',
  },
  computed: 'computed, not imported',
};
