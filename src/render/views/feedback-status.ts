// tasks feedback status as a table or JSON.
import { periodKey, periodLabel } from '../../core/periods.js';
import type { FeedbackStatusReport } from '../../reports/feedback-status.js';
import { renderTable } from '../table.js';
import type { ViewRenderer } from '../view.js';

export const feedbackStatusView: ViewRenderer<FeedbackStatusReport> = {
  table: (r, env) => {
    const { m, paint } = env;
    const f = m.feedback;
    const label = periodLabel(r.period, m.lang);
    const lines = [paint.bold(f.statusHeader(label, r.replyBy, env.asOf)), f.statusCounts(r.counts)];
    if (r.units.length > 0) {
      const c = f.statusCol;
      lines.push(renderTable(
        [{ header: c.unit, wrap: true, min: 6, max: 16 }, { header: c.state }, { header: c.returned }, { header: c.answered, align: 'right' }, { header: c.late, align: 'right' },
          { header: c.missingTasks, wrap: true, min: 10, max: 60 }],
        r.units.map((u) => [
          u.unit, f.state[u.state], u.returnedOn ?? '', f.answered(u.answered.length, u.owed.length), u.daysLate > 0 ? f.lateDays(u.daysLate) : '',
          u.owed.filter((id) => !u.answered.includes(id)).join(' '),
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
  json: (r, { m }) => ({
    command: 'feedback status',
    period: { kind: r.period.kind, key: periodKey(r.period), start: r.period.start, end: r.period.end, label: periodLabel(r.period, m.lang) },
    reply_by: r.replyBy,
    counts: { units: r.counts.units, on_time: r.counts.returned, late: r.counts.late, missing: r.counts.missing, pending: r.counts.pending },
    units: r.units.map((u) => ({
      unit: u.unit, state: u.state, returned_on: u.returnedOn ?? null, days_late: u.daysLate, owed: u.owed, answered: u.answered,
      missing: u.owed.filter((id) => !u.answered.includes(id)),
    })),
    awaiting_review: r.awaiting.map((e) => ({ id: e.task.id, title: e.task.title, by: e.review!.by ?? null, date: e.review!.date, done_on: e.review!.done_on, period: e.review!.period ?? null })),
  }),
};
