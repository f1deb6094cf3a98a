// tasks (no command): one screen of status as of today, the way git status greets you.
import { mostOverdueFirst } from '../core/sort.js';
import { row } from '../core/summary.js';
import { leadsOf } from '../core/task.js';
import type { Session } from '../context.js';
import { renderTable } from '../render/table.js';
import { latestCell } from './overdue.js';
import { emit, openView, paintOut, tableWidth, useAscii } from './view.js';

export async function run(session: Session): Promise<number> {
  const opened = await openView(session, {});
  const { plan, asOf, today, evaluated } = opened;
  const { m } = session;
  const totals = row('', evaluated);
  const red = evaluated.filter((e) => e.result.light === 'red').sort(mostOverdueFirst);
  return emit(session, opened, 'table', {
    table: () => {
      const paint = paintOut(session);
      const lines = [paint.bold(m.home.title(plan.config.title, asOf, asOf === today))];
      if (evaluated.length === 0) return `${[...lines, m.home.empty].join('\n')}\n`;
      lines.push(
        m.home.counts({ ...totals, red: totals.red, yellow: totals.yellow, green: totals.green, done: totals.done, doneLate: totals.doneLate }),
        '',
      );
      if (red.length === 0) lines.push(m.home.noOverdue);
      else {
        const col = m.views.col;
        lines.push(paint.bold(m.home.mostOverdue));
        lines.push(renderTable(
          [{ header: col.id }, { header: col.title, wrap: true, min: 10, max: 40 }, { header: col.lead, wrap: true, min: 6, max: 20 },
            { header: col.daysOverdue, align: 'right' }, { header: col.latest, wrap: true, min: 10, max: 40 }],
          red.slice(0, 5).map((e) => [e.task.id, e.task.title, leadsOf(e.task).join('、'), m.views.days(e.result.daysOverdue), latestCell(e)]),
          { width: tableWidth(session), ascii: useAscii(session, plan.config), paint: (t, _r, c) => (c === 3 ? paint.red(t) : t) },
        ));
      }
      lines.push('', paint.dim(m.home.next));
      return `${lines.join('\n')}\n`;
    },
    json: () => ({}),
    csv: () => [],
    ids: () => [],
  });
}
