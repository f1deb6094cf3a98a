// tasks feedback status [--period P] [--check]: which units have returned their feedback for the
// period, which returned it late and which have not; with --check, exit 3 when some are missing.
import { lastDuePeriod } from '../core/feedback-rules.js';
import type { Period } from '../core/periods.js';
import type { Session } from '../context.js';
import { EXIT } from '../errors.js';
import { emitView, evaluatePlan, note } from '../cli/output.js';
import { feedbackStatusReport } from '../reports/feedback-status.js';
import { feedbackStatusView } from '../render/views/feedback-status.js';
import type { Plan } from '../store/load.js';

export interface FeedbackStatusOptions {
  /** the period asked for; the latest one whose feedback is due by the date when not given */
  period: Period | undefined;
  check: boolean;
  format: 'table' | 'json';
}

export async function runFeedbackStatus(options: FeedbackStatusOptions, plan: Plan, session: Session): Promise<number> {
  const { asOf } = session;
  const rules = plan.config.feedback;
  const period = options.period ?? lastDuePeriod(asOf, rules);
  const decidedOn = period.end < asOf ? period.end : asOf;
  const owedAsOf = evaluatePlan(plan, session, decidedOn);
  const report = feedbackStatusReport(owedAsOf, evaluatePlan(plan, session), period, asOf, plan.config.roster.units, rules);
  const code = emitView(session, plan, options.format, feedbackStatusView, report);
  if (options.check && report.counts.missing > 0) {
    note(session, session.m.feedback.checkFailed(report.counts.missing));
    return EXIT.CHECK;
  }
  return code;
}
