// `tasks` without a command: one screen of status, the way git status greets you.
import { leadsOf } from '../../core/task.js';
import type { StatusReport } from '../../reports/status.js';
import { renderTable } from '../table.js';
import { latestCell, paintStale, withStale } from '../task-view.js';
import { fitLine, hangingLines, wrapParts } from '../wrap.js';
import type { ViewRenderer } from '../view.js';

export const statusView: ViewRenderer<StatusReport> = {
  table: (r, env) => {
    const { m, paint } = env;
    const lines = [fitLine(m.home.title(r.title, env.asOf, r.isToday), env.width, paint.bold)];
    if (r.totals.total === 0) return `${[...lines, m.home.empty].join('\n')}\n`;
    lines.push(...wrapParts(m.home.counts(r.totals), ' · ', env.width));
    if (r.awaitingReview > 0) lines.push(fitLine(m.feedback.homeAwaiting(r.awaitingReview), env.width));
    lines.push('');
    if (r.mostOverdue.length === 0) lines.push(m.home.noOverdue);
    else {
      const col = m.views.col;
      lines.push(fitLine(m.home.mostOverdue, env.width, paint.bold));
      lines.push(renderTable(
        [{ header: col.id }, { header: col.title, wrap: true, min: 10, max: 40 }, { header: col.lead, wrap: true, min: 6, max: 20 },
          { header: col.daysOverdue, align: 'right' }, { header: col.latest, wrap: true, min: 10, max: 40 }],
        r.mostOverdue.map((e) => [e.task.id, e.task.title, leadsOf(e.task).join('、'), withStale(m.views.days(e.result.daysOverdue), e, m), latestCell(e)]),
        { width: env.width, ascii: env.ascii, paint: (t, _r, c) => (c === 3 ? paintStale(t, m, paint, paint.red) : t) },
      ));
    }
    lines.push('', ...m.home.next.split('\n').flatMap((l) => hangingLines('', l, env.width)).map((l) => paint.dim(l)));
    return `${lines.join('\n')}\n`;
  },
};
