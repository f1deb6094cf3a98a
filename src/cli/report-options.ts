// The period a report or a reminder is for, read once: --period as typed, else the period
// containing --as-of, else the last complete period before today.
import { ymd, type IsoDate } from '../core/dates.js';
import { lastCompletePeriod, periodLabel, periodOf, type Period, type PeriodKind } from '../core/periods.js';
import { startOf } from '../core/task.js';
import type { Session } from '../context.js';
import { EXIT, UserError } from '../errors.js';
import { formatProblem } from '../i18n/index.js';
import { sanitize } from '../render/text.js';
import { CONFIG_FILE, type Plan } from '../store/load.js';
import { typedPeriod } from './options.js';

const KINDS: Record<string, PeriodKind> = {
  xun: 'xun', 旬: 'xun', 旬报: 'xun',
  month: 'month', 月: 'month', 月度: 'month',
  quarter: 'quarter', 季: 'quarter', 季度: 'quarter',
  half: 'half', 半年: 'half',
  year: 'year', 年: 'year', 年度: 'year',
};

export function reportKind(session: Session, value: string | undefined): PeriodKind {
  const kind = KINDS[(value ?? '').trim().toLowerCase()];
  if (!kind) throw new UserError(session.m.report.badKind(value ?? ''));
  return kind;
}

/** The period, and the date it is computed for: its last day, or --as-of when that is earlier. */
export function reportPeriod(session: Session, plan: Plan, kind: PeriodKind, periodText: string | undefined): { period: Period; asOf: IsoDate } {
  const { m } = session;
  let period: Period;
  if (periodText !== undefined) {
    const parsed = typedPeriod(session, plan, periodText, kind);
    if (!parsed.ok) throw new UserError(m.periods.problem(parsed.problem));
    period = parsed.period;
  } else {
    period = session.asOfGiven ? periodOf(kind, session.asOf) : lastCompletePeriod(kind, session.today);
  }
  const asOf = periodText === undefined && !session.asOfGiven ? period.end : session.asOf < period.end ? session.asOf : period.end;
  const label = periodLabel(period, m.lang);
  if (plan.tasks.length === 0) throw new UserError(m.report.noTasks);
  const year = plan.config.year;
  if (year !== undefined && (period.end < ymd(year, 1, 1) || period.start > lastDeadline(plan, year))) throw new UserError(m.report.outsideYear(label, year));
  const first = plan.tasks.map(({ task }) => startOf(task)).sort()[0]!;
  if (period.end < first) throw new UserError(m.report.beforeTasks(label, first));
  if (asOf < period.start) throw new UserError(m.report.notBegun(label, session.asOf));
  return { period, asOf };
}

/** The plan's span ends with its year, or later when some deadline lies beyond it. */
function lastDeadline(plan: Plan, year: number): IsoDate {
  return plan.tasks.reduce((last, { task }) => (task.deadline > last ? task.deadline : last), ymd(year, 12, 31));
}

/**
 * Contradictory rules in the settings would make a report (or a dashboard) that says false
 * things: refuse, naming them.
 */
export function refuseBrokenRules(plan: Plan, session: Session): void {
  const broken = plan.problems.filter((p) => p.file === CONFIG_FILE && p.severity === 'error');
  if (broken.length === 0) return;
  throw new UserError([session.m.report.brokenRules, ...broken.map((p) => sanitize(formatProblem(p, session.m)))].join('\n'), EXIT.DATA);
}
