// tasks export xlsx|csv: a workbook (or CSV file) per lead official or lead unit, and an overview,
// written as one folder per date that replaces the previous run's folder in one rename.
import { relative, resolve } from 'node:path';
import { matches } from '../core/filter.js';
import { safeFileName, safeSheetName } from '../core/names.js';
import type { Session } from '../context.js';
import { EXIT, ioError } from '../errors.js';
import type { ViewOptions } from '../cli/options.js';
import { evaluatePlan, reportProblems } from '../cli/output.js';
import { groupBy, groupOrder } from '../reports/group.js';
import { row, summarize } from '../reports/summary.js';
import { toCsv, UTF8_BOM } from '../render/csv.js';
import { summarySheet, taskCsv, taskSheet, type ExportBy } from '../render/export-sheets.js';
import type { SheetSpec } from '../render/xlsx.js';
import { replaceFolder, type OutFile } from '../store/folder.js';
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
  const evaluated = evaluatePlan(plan, session);
  const selected = evaluated.filter(matches(options.filter));
  const tasks = evaluated.map((e) => e.task);
  const order = groupOrder(by, plan.config.roster, tasks);
  const all = groupBy(selected, by, order, (e) => e, options.includeEmpty);
  const skipped = options.includeEmpty ? [] : order.filter((name) => !all.some((g) => g.name === name));
  const planTitle = plan.config.title || m.exports.csvAll;
  const usedFiles = new Set<string>();
  const fileName = (name: string) => safeFileName(name, usedFiles, m.exports.unnamed);
  const files: OutFile[] = [];
  const columns = by === 'lead' ? { lead: false, leadUnit: true } : by === 'unit' ? { lead: true, leadUnit: false } : { lead: true, leadUnit: true, office: false };

  if (options.kind === 'xlsx') {
    const { writeWorkbook } = await import('../render/xlsx.js');
    const overviewName = fileName(m.exports.overview);
    const sheetNames = new Set<string>();
    const leadSum = summarize(selected, 'lead', groupOrder('lead', plan.config.roster, tasks));
    const unitSum = summarize(selected, 'unit', groupOrder('unit', plan.config.roster, tasks));
    const officeSum = plan.config.roster.offices ? summarize(selected, 'office', groupOrder('office', plan.config.roster, tasks)) : undefined;
    const overview: SheetSpec[] = [
      taskSheet({ name: safeSheetName(m.exports.allTasks, sheetNames), title: m.exports.title(planTitle, m.exports.allTasks, asOf), items: selected, total: row('', selected), columns: { lead: true, leadUnit: true }, asOf, planTitle }, m),
      summarySheet(safeSheetName(m.exports.byLead, sheetNames), m.exports.summaryTitle(planTitle, m.exports.byLead, asOf), m.views.sum.lead, leadSum.rows, leadSum.total, asOf, planTitle, m),
      summarySheet(safeSheetName(m.exports.byUnit, sheetNames), m.exports.summaryTitle(planTitle, m.exports.byUnit, asOf), m.views.sum.unit, unitSum.rows, unitSum.total, asOf, planTitle, m),
      ...(officeSum
        ? [summarySheet(safeSheetName(m.exports.byOffice, sheetNames), m.exports.summaryTitle(planTitle, m.exports.byOffice, asOf), m.views.sum.office, officeSum.rows, officeSum.total, asOf, planTitle, m)]
        : []),
    ];
    files.push({ name: `${overviewName}.xlsx`, data: await writeWorkbook(overview, asOf, CREATOR) });
    for (const g of all) {
      const sheet = taskSheet(
        { name: safeSheetName(g.name, new Set()), title: m.exports.title(planTitle, g.name, asOf), items: g.items, total: row('', g.items), columns, asOf, planTitle },
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
    files.push({ name: `${fileName(m.exports.csvAll)}.csv`, data: await encode(toCsv(taskCsv(selected, m, { lead: true, leadUnit: true }))) });
    if (options.split) {
      for (const g of all) files.push({ name: `${fileName(g.name)}.csv`, data: await encode(toCsv(taskCsv(g.items, m, columns))) });
    }
  }

  const outDir = options.out ?? resolve(plan.root, 'exports');
  const folder = options.kind === 'csv' ? `${asOf}-csv` : asOf;
  let target: string;
  try {
    target = replaceFolder(outDir, folder, files, io.now().getTime());
  } catch (error) {
    throw ioError(m.exports.cannotWrite(resolve(outDir, folder), (error as Error).message), error);
  }
  if (!session.flags.quiet) {
    for (const f of files) io.stdout.write(`${relative(io.cwd, resolve(target, f.name)) || f.name}\n`);
    io.stderr.write(`${m.exports.wrote(files.length, relative(io.cwd, target) || target)}\n`);
    if (skipped.length > 0) io.stderr.write(`${m.exports.skippedEmpty(skipped)}\n`);
  }
  const errors = reportProblems(session, plan, { warnings: false, unreadableNote: m.exports.unreadableNote(plan.unreadable.length) });
  return errors > 0 ? EXIT.DATA : EXIT.OK;
}
