// tasks feedback status [--period P] [--check]: per unit and per answer, whether the feedback owed
// for the period came on time, late or not at all, by the plan's feedback rules (the same the
// period report judges by); with --check, exit 3 when some are missing.
import { periodDueBy } from '../core/feedback.js';
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
  const period = options.period ?? periodDueBy(rules, asOf);
  const report = feedbackStatusReport(plan.tasks.map((t) => t.task), evaluatePlan(plan, session), period, asOf, plan.config.roster.units, rules);
  const code = emitView(session, plan, options.format, feedbackStatusView, report);
  if (options.check && report.counts.missing > 0) {
    note(session, session.m.feedback.checkFailed(report.counts.unitsMissing));
    return EXIT.CHECK;
  }
  return code;
}
