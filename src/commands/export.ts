// tasks export xlsx|csv: a workbook (or CSV file) per lead official or lead unit, and an overview,
// written as one folder per date that replaces the previous run's folder in one rename.
import { relative } from 'node:path';
import { resolve } from 'node:path';
import type { Evaluated } from '../core/evaluate.js';
import { matches } from '../core/filter.js';
import { safeFileName, safeSheetName } from '../core/names.js';
import { leadNames, leadUnitNames } from '../core/roster.js';
import { row, summarize } from '../core/summary.js';
import type { Session } from '../context.js';
import { EXIT, ioError, UserError } from '../errors.js';
import { toCsv, UTF8_BOM } from '../render/csv.js';
import { summarySheet, taskCsv, taskSheet, type ExportBy } from '../render/export-sheets.js';
import type { SheetSpec } from '../render/xlsx.js';
import { replaceFolder, type OutFile } from '../store/folder.js';
import { reportProblems } from './common.js';
import { groupBy } from './overdue.js';
import { openView, tasksOf, type ViewOptions } from './view.js';

export interface ExportOptions extends ViewOptions {
  by?: ExportBy;
  out?: string;
  includeEmpty?: boolean;
  split?: boolean;
  encoding?: string;
}

const CREATOR = 'tasks';

export async function run(session: Session, [kind]: string[], opts: ExportOptions): Promise<number> {
  const opened = await openView(session, opts);
  const { plan, asOf, evaluated, filter } = opened;
  const { m, ctx } = session;
  const by: ExportBy = opts.by ?? 'lead';
  const encoding = (opts.encoding ?? 'utf-8').toLowerCase().replace(/^utf8$/, 'utf-8');
  if (kind === 'csv' && encoding !== 'utf-8' && encoding !== 'gb18030') throw new UserError(m.exports.badEncoding(opts.encoding ?? ''));

  const selected = evaluated.filter(matches(filter));
  const tasks = tasksOf(plan);
  const order = by === 'unit' ? leadUnitNames(plan.config.roster, tasks) : leadNames(plan.config.roster, tasks);
  const groups = groupBy(selected, by, order);
  const empty = opts.includeEmpty ? order.filter((name) => !groups.some((g) => g.name === name)) : [];
  const skipped = opts.includeEmpty ? [] : order.filter((name) => !groups.some((g) => g.name === name));
  const all = [...groups, ...empty.map((name) => ({ name, items: [] as Evaluated[] }))].sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  const planTitle = plan.config.title || m.exports.csvAll;
  const usedFiles = new Set<string>();
  const files: OutFile[] = [];
  const columns = by === 'lead' ? { lead: false, leadUnit: true } : { lead: true, leadUnit: false };

  if (kind === 'xlsx') {
    const { writeWorkbook } = await import('../render/xlsx.js');
    const overviewName = safeFileName(m.exports.overview, usedFiles);
    const sheetNames = new Set<string>();
    const leadSum = summarize(selected, 'lead', leadNames(plan.config.roster, tasks));
    const unitSum = summarize(selected, 'unit', leadUnitNames(plan.config.roster, tasks));
    const overview: SheetSpec[] = [
      taskSheet({ name: safeSheetName(m.exports.allTasks, sheetNames), title: m.exports.title(planTitle, m.exports.allTasks, asOf), items: selected, total: row('', selected), columns: { lead: true, leadUnit: true }, asOf, planTitle }, m),
      summarySheet(safeSheetName(m.exports.byLead, sheetNames), m.exports.summaryTitle(planTitle, m.exports.byLead, asOf), m.views.sum.lead, leadSum.rows, leadSum.total, asOf, planTitle, m),
      summarySheet(safeSheetName(m.exports.byUnit, sheetNames), m.exports.summaryTitle(planTitle, m.exports.byUnit, asOf), m.views.sum.unit, unitSum.rows, unitSum.total, asOf, planTitle, m),
    ];
    files.push({ name: `${overviewName}.xlsx`, data: await writeWorkbook(overview, asOf, CREATOR) });
    for (const g of all) {
      const sheet = taskSheet(
        { name: safeSheetName(g.name, new Set()), title: m.exports.title(planTitle, g.name, asOf), items: g.items, total: row('', g.items), columns, asOf, planTitle },
        m,
      );
      files.push({ name: `${safeFileName(g.name, usedFiles)}.xlsx`, data: await writeWorkbook([sheet], asOf, CREATOR) });
    }
  } else {
    const encode = async (text: string): Promise<Uint8Array> => {
      if (encoding === 'gb18030') {
        const { iconv } = await import('../render/packages.js');
        return iconv().encode(text, 'gb18030');
      }
      return Buffer.from(UTF8_BOM + text, 'utf8');
    };
    const allName = safeFileName(m.exports.csvAll, usedFiles);
    files.push({ name: `${allName}.csv`, data: await encode(toCsv(taskCsv(selected, m, { lead: true, leadUnit: true }))) });
    if (opts.split) {
      for (const g of all) files.push({ name: `${safeFileName(g.name, usedFiles)}.csv`, data: await encode(toCsv(taskCsv(g.items, m, columns))) });
    }
  }

  const outDir = resolve(ctx.cwd, opts.out ?? resolve(plan.root, 'exports'));
  const folder = kind === 'csv' ? `${asOf}-csv` : asOf;
  let target: string;
  try {
    target = replaceFolder(outDir, folder, files, ctx.now().getTime());
  } catch (error) {
    throw ioError(m.exports.cannotWrite(resolve(outDir, folder), (error as Error).message), error);
  }
  if (!session.global.quiet) {
    for (const f of files) ctx.stdout.write(`${relative(ctx.cwd, resolve(target, f.name)) || f.name}\n`);
    ctx.stderr.write(`${m.exports.wrote(files.length, relative(ctx.cwd, target) || target)}\n`);
    if (skipped.length > 0) ctx.stderr.write(`${m.exports.skippedEmpty(skipped)}\n`);
  }
  const errors = reportProblems(session, plan, { warnings: false, unreadableNote: m.exports.unreadableNote(plan.unreadable.length) });
  return errors > 0 ? EXIT.DATA : EXIT.OK;
}
