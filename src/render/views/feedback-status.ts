// tasks feedback status as a table or JSON.
import type { Judged } from '../../core/feedback.js';
import { periodKey, periodLabel } from '../../core/periods.js';
import { daysLate, type FeedbackStatusReport } from '../../reports/feedback-status.js';
import { renderTable } from '../table.js';
import type { ViewRenderer } from '../view.js';

const ids = (owed: readonly Judged[], verdict: Judged['verdict']) => owed.filter((j) => j.verdict === verdict).map((j) => j.task.id);

/** The answers that decided, as the JSON lists them: the same shape as the period report's feedback lists. */
const item = (j: Judged) => ({
  id: j.task.id,
  unit: j.unit,
  tier: j.tier,
  period: periodKey(j.period),
  due: j.due,
  answered_on: j.entry?.date ?? null,
  days_late: daysLate(j),
});

export const feedbackStatusView: ViewRenderer<FeedbackStatusReport> = {
  table: (r, env) => {
    const { m, paint } = env;
    const f = m.feedback;
    const label = periodLabel(r.period, m.lang);
    const lines = [paint.bold(f.statusHeader(label, r.replyBy, r.coReplyBy, env.asOf))];
    if (!r.covered) {
      lines.push(f.statusBeforeRules(label));
      return `${lines.join('\n')}\n`;
    }
    lines.push(f.statusCounts(r.counts));
    if (r.units.length > 0) {
      const c = f.statusCol;
      const lateText = (owed: readonly Judged[]) =>
        owed.filter((j) => j.verdict === 'late').map((j) => f.lateAnswer(j.task.id, j.entry!.date, daysLate(j))).join(' ');
      lines.push(renderTable(
        [{ header: c.unit, wrap: true, min: 6, max: 16 }, { header: c.state }, { header: c.answered, align: 'right' },
          { header: c.late, wrap: true, min: 10, max: 40 }, { header: c.missingTasks, wrap: true, min: 10, max: 60 }],
        r.units.map((u) => [
          u.unit, f.state[u.state], f.answered(u.owed.filter((j) => j.verdict === 'on_time' || j.verdict === 'late').length, u.owed.length),
          lateText(u.owed), [...ids(u.owed, 'missing'), ...ids(u.owed, 'not_due')].join(' '),
        ]),
        {
          width: env.width,
          ascii: env.ascii,
          paint: (text, row, col) => {
            if (col !== 1) return text;
            const state = r.units[row]!.state;
            return state === 'missing' ? paint.red(text) : state === 'late' ? paint.yellow(text) : text;
          },
        },
      ));
    }
    if (r.awaiting.length > 0) {
      lines.push('', paint.bold(f.reviewHeader(r.awaiting.length)));
      for (const e of r.awaiting) lines.push(`  ${f.reviewLine(e.task.id, e.task.title, e.review!.by, e.review!.date, e.review!.done_on)}`);
    }
    return `${lines.join('\n')}\n`;
  },
  json: (r, { m }) => {
    const all = r.units.flatMap((u) => u.owed);
    return {
      command: 'feedback status',
      period: { kind: r.period.kind, key: periodKey(r.period), start: r.period.start, end: r.period.end, label: periodLabel(r.period, m.lang) },
      reply_by: r.replyBy,
      co_units_reply_by: r.coReplyBy ?? null,
      owed: r.covered,
      counts: {
        units: r.counts.units, units_missing: r.counts.unitsMissing, owed: r.counts.owed,
        on_time: r.counts.onTime, late: r.counts.late, missing: r.counts.missing, pending: r.counts.pending,
      },
      missing: all.filter((j) => j.verdict === 'missing').map(item),
      late: all.filter((j) => j.verdict === 'late').map(item),
      units: r.units.map((u) => ({
        unit: u.unit, state: u.state, owed: u.owed.map((j) => j.task.id),
        on_time: ids(u.owed, 'on_time'), late: u.owed.filter((j) => j.verdict === 'late').map(item), missing: ids(u.owed, 'missing'), pending: ids(u.owed, 'not_due'),
      })),
      awaiting_review: r.awaiting.map((e) => ({ id: e.task.id, title: e.task.title, by: e.review!.by ?? null, date: e.review!.date, done_on: e.review!.done_on, period: e.review!.period ?? null })),
    };
  },
};
