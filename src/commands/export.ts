// tasks export xlsx|csv: a workbook (or CSV file) per lead official or per unit, and an overview
// with its summaries first, written as one folder per date (and per kind: by official, by unit,
// CSV) that replaces the previous run's folder of that kind in one rename. A unit's workbook has
// the tasks it leads, then those it shares as a co-unit. File and folder names are in the plan's
// language whatever --lang says, so that the files of one plan keep their names.
import { relative, resolve } from 'node:path';
import { matches } from '../core/filter.js';
import { safeFileName, safeSheetName } from '../core/names.js';
import type { Session } from '../context.js';
import { EXIT } from '../errors.js';
import type { ViewOptions } from '../cli/options.js';
import { evaluatePlan, replaceOutFolder, reportProblems } from '../cli/output.js';
import { groupBy, groupOrder } from '../reports/group.js';
import { unitNames } from '../core/roster.js';
import { messages } from '../i18n/index.js';
import { UNASSIGNED } from '../core/task.js';
import { row, summarize } from '../reports/summary.js';
import { toCsv, UTF8_BOM } from '../render/csv.js';
import { summarySheet, taskCsv, taskSheet, type ExportBy } from '../render/export-sheets.js';
import type { SheetSpec } from '../render/xlsx.js';
import type { OutFile } from '../store/folder.js';
import type { Plan } from '../store/load.js';

export interface ExportOptions extends ViewOptions {
  kind: 'xlsx' | 'csv';
  by: ExportBy;
  /** the folder the dated folder goes into, absolute; the plan's exports/ when not given */
  out: string | undefined;
  includeEmpty: boolean;
  split: boolean;
  encoding: 'utf-8' | 'gb18030';
}

const CREATOR = 'tasks';

export async function runExport(options: ExportOptions, plan: Plan, session: Session): Promise<number> {
  const { m, io, asOf } = session;
  const { by } = options;
  const named = messages(plan.config.lang);
  const evaluated = evaluatePlan(plan, session);
  const selected = evaluated.filter(matches(options.filter));
  const tasks = evaluated.map((e) => e.task);
  const order = by === 'unit' ? unitNames(plan.config.roster, tasks) : groupOrder(by, plan.config.roster, tasks);
  const all = groupBy(selected, by, order, (e) => e, true);
  // a unit's workbook: the tasks it leads, then those it shares as a co-unit
  const coTasks = (unit: string) => (by === 'unit' ? selected.filter((e) => e.task.units.slice(1).includes(unit)) : []);
  // drafts not yet assigned (待定) are the office's own list: in the overview, not a workbook of their own
  const groups = all.filter((g) => g.name !== UNASSIGNED && (options.includeEmpty || g.items.length > 0 || coTasks(g.name).length > 0));
  const unassigned = all.find((g) => g.name === UNASSIGNED)?.items.length ?? 0;
  const skipped = order.filter((name) => name !== UNASSIGNED && !groups.some((g) => g.name === name));
  const planTitle = plan.config.title || m.exports.csvAll;
  const usedFiles = new Set<string>();
  const fileName = (name: string) => safeFileName(name, usedFiles, named.exports.unnamed);
  const files: OutFile[] = [];
  const columns = by === 'lead' ? { lead: false, leadUnit: true } : by === 'unit' ? { lead: true, leadUnit: false } : { lead: true, leadUnit: true, office: false };

  if (options.kind === 'xlsx') {
    const { writeWorkbook } = await import('../render/xlsx.js');
    const overviewName = fileName(named.exports.overview);
    const sheetNames = new Set<string>();
    const leadSum = summarize(selected, 'lead', groupOrder('lead', plan.config.roster, tasks));
    const unitSum = summarize(selected, 'unit', groupOrder('unit', plan.config.roster, tasks));
    // the summaries first: they are what is read at the meeting
    const officeSum = plan.config.roster.offices ? summarize(selected, 'office', groupOrder('office', plan.config.roster, tasks)) : undefined;
    const overview: SheetSpec[] = [
      summarySheet(safeSheetName(m.exports.byLead, sheetNames), m.exports.summaryTitle(planTitle, m.exports.byLead, asOf), m.views.sum.lead, leadSum.rows, leadSum.total, asOf, planTitle, m),
      summarySheet(safeSheetName(m.exports.byUnit, sheetNames), m.exports.summaryTitle(planTitle, m.exports.byUnit, asOf), m.views.sum.unit, unitSum.rows, unitSum.total, asOf, planTitle, m),
      ...(officeSum
        ? [summarySheet(safeSheetName(m.exports.byOffice, sheetNames), m.exports.summaryTitle(planTitle, m.exports.byOffice, asOf), m.views.sum.office, officeSum.rows, officeSum.total, asOf, planTitle, m)]
        : []),
      taskSheet({ name: safeSheetName(m.exports.allTasks, sheetNames), title: m.exports.title(planTitle, m.exports.allTasks, asOf), items: selected, total: row('', selected), columns: { lead: true, leadUnit: true }, asOf, planTitle }, m),
    ];
    files.push({ name: `${overviewName}.xlsx`, data: await writeWorkbook(overview, asOf, CREATOR) });
    for (const g of groups) {
      const co = coTasks(g.name);
      const sheet = taskSheet(
        {
          name: safeSheetName(g.name, new Set()),
          title: m.exports.title(planTitle, g.name, asOf),
          items: g.items,
          total: row('', g.items),
          // the co-unit block needs to say which unit leads each of its tasks
          columns: { ...columns, leadUnit: columns.leadUnit || co.length > 0 },
          asOf,
          planTitle,
          ...(co.length > 0 ? { coBlock: { title: m.exports.coBlock(g.name, co.length), items: co } } : {}),
        },
        m,
      );
      files.push({ name: `${fileName(g.name)}.xlsx`, data: await writeWorkbook([sheet], asOf, CREATOR) });
    }
  } else {
    const encode = async (text: string): Promise<Uint8Array> => {
      if (options.encoding === 'gb18030') {
        const { iconv } = await import('../packages.js');
        return iconv().encode(text, 'gb18030');
      }
      return Buffer.from(UTF8_BOM + text, 'utf8');
    };
    files.push({ name: `${fileName(named.exports.csvAll)}.csv`, data: await encode(toCsv(taskCsv(selected, m, { lead: true, leadUnit: true }, asOf))) });
    if (options.split) {
      for (const g of groups) files.push({ name: `${fileName(g.name)}.csv`, data: await encode(toCsv(taskCsv([...g.items, ...coTasks(g.name)], m, columns, asOf))) });
    }
  }

  const outDir = options.out ?? resolve(plan.root, 'exports');
  // by official, by unit and CSV each have their folder: one never replaces another
  const folder = `${asOf}${options.kind === 'csv' ? '-csv' : ''}${by === 'unit' ? `-${named.exports.byUnitFolder}` : ''}`;
  const target = replaceOutFolder(session, outDir, folder, files);
  if (!session.flags.quiet) {
    for (const f of files) io.stdout.write(`${relative(io.cwd, resolve(target, f.name)) || f.name}\n`);
    io.stderr.write(`${m.exports.wrote(files.length, relative(io.cwd, target) || target)}\n`);
    if (skipped.length > 0) io.stderr.write(`${m.exports.skippedEmpty(skipped)}\n`);
    if (unassigned > 0) io.stderr.write(`${m.exports.unassignedInOverview(unassigned)}\n`);
  }
  const errors = reportProblems(session, plan, { warnings: false, unreadableNote: m.exports.unreadableNote(plan.unreadable.length) });
  return errors > 0 ? EXIT.DATA : EXIT.OK;
}
