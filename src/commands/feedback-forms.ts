// tasks feedback forms [--period P] [--unit NAME…] [--out DIR]: one pre-filled .xlsx form per unit
// that owes feedback for the period by the plan's feedback rules (core/feedback.ts), to send out
// and read back with `tasks feedback import`.
import { relative, resolve } from 'node:path';
import type { Evaluated } from '../core/evaluate.js';
import { dueDate, obligations, periodOpenOn, rulesCover } from '../core/feedback.js';
import { periodKey, periodLabel, type Period } from '../core/periods.js';
import { orderedNames } from '../core/roster.js';
import { safeFileName, safeSheetName } from '../core/names.js';
import type { Session } from '../context.js';
import { EXIT } from '../errors.js';
import { evaluatePlan, note, outFolderError, replaceOutFolder, reportProblems } from '../cli/output.js';
import { feedbackForm } from '../render/feedback-form.js';
import { writeIntoFolder, type OutFile } from '../store/folder.js';
import type { Plan } from '../store/load.js';

export interface FeedbackFormsOptions {
  period: Period | undefined;
  /** units as resolved against the roster; all that owe feedback when empty */
  units: string[];
  /** the folder the period's folder goes into, absolute; the plan's exports/ when not given */
  out: string | undefined;
}

const CREATOR = 'tasks';

export async function runFeedbackForms(options: FeedbackFormsOptions, plan: Plan, session: Session): Promise<number> {
  const { m, io, asOf } = session;
  const f = m.feedback;
  const rules = plan.config.feedback;
  const period = options.period ?? periodOpenOn(rules, asOf);
  const label = periodLabel(period, m.lang);
  if (!rulesCover(rules, period)) {
    note(session, f.beforeRules(label, rules.start!));
    return reportProblems(session, plan, { warnings: false }) > 0 ? EXIT.DATA : EXIT.OK;
  }
  const owing = unitsOwing(evaluatePlan(plan, session), period, rules, plan.config.roster.units);
  const chosen = options.units.length > 0 ? owing.filter((u) => options.units.includes(u.unit)) : owing;
  for (const unit of options.units) if (!owing.some((u) => u.unit === unit)) note(session, f.unitNotOwing(unit, label));
  if (chosen.length === 0) {
    note(session, f.noneOwing(label));
    return reportProblems(session, plan, { warnings: false }) > 0 ? EXIT.DATA : EXIT.OK;
  }

  const { writeWorkbook } = await import('../render/xlsx.js');
  const used = new Set<string>();
  const files: OutFile[] = [];
  for (const u of chosen) {
    const { sheet, hidden } = feedbackForm(
      {
        planTitle: plan.config.title || m.exports.csvAll,
        year: plan.config.year,
        unit: u.unit,
        period,
        replyBy: dueDate(rules, period, 'lead')!,
        coReplyBy: dueDate(rules, period, 'co'),
        asOf,
        lead: u.lead,
        co: u.co,
        sheetName: safeSheetName(u.unit, new Set()),
        lang: m.lang,
      },
      m,
    );
    files.push({ name: `${safeFileName(f.fileName(u.unit, label, periodKey(period)), used, m.exports.unnamed)}.xlsx`, data: await writeWorkbook([sheet], asOf, CREATOR, [hidden]) });
  }

  const outDir = options.out ?? resolve(plan.root, 'exports');
  const folder = `${f.folder}-${periodKey(period)}`;
  let target: string;
  // a run for some units adds their forms beside the others'; a run for all replaces the folder
  if (options.units.length === 0) target = replaceOutFolder(session, outDir, folder, files);
  else {
    try {
      target = writeIntoFolder(outDir, folder, files);
    } catch (error) {
      throw outFolderError(session, error, resolve(outDir, folder));
    }
  }
  if (!session.flags.quiet) {
    for (const file of files) io.stdout.write(`${relative(io.cwd, resolve(target, file.name)) || file.name}\n`);
    io.stderr.write(`${f.wrote(files.length, relative(io.cwd, target) || target, label)}\n`);
  }
  return reportProblems(session, plan, { warnings: false }) > 0 ? EXIT.DATA : EXIT.OK;
}

interface OwingUnit {
  unit: string;
  /** tasks it owes feedback on as the lead unit */
  lead: Evaluated[];
  /** tasks it owes feedback on as a co-unit (only when the rules ask co-units for their own) */
  co: Evaluated[];
}

/** The units that owe feedback for `period` by the rules, in the roster's order, each with its tasks in id order. */
function unitsOwing(evaluated: readonly Evaluated[], period: Period, rules: Plan['config']['feedback'], rosterUnits: readonly string[]): OwingUnit[] {
  const owing = new Map<string, OwingUnit>();
  for (const e of evaluated) {
    for (const o of obligations(e.task, period, rules)) {
      let u = owing.get(o.unit);
      if (!u) owing.set(o.unit, (u = { unit: o.unit, lead: [], co: [] }));
      u[o.tier].push(e);
    }
  }
  const byId = (a: Evaluated, b: Evaluated) => (a.task.id < b.task.id ? -1 : a.task.id > b.task.id ? 1 : 0);
  return orderedNames(rosterUnits, owing.keys())
    .filter((unit) => owing.has(unit))
    .map((unit) => {
      const u = owing.get(unit)!;
      return { unit, lead: u.lead.sort(byId), co: u.co.sort(byId) };
    });
}
