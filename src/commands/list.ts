// tasks list: every task that passes the filters, with its light and why.
import type { Evaluated } from '../core/evaluate.js';
import { matches } from '../core/filter.js';
import type { Light } from '../core/light.js';
import { leadNames, rankIn } from '../core/roster.js';
import { sortBy, type SortKey } from '../core/sort.js';
import { leadsOf, leadUnitOf } from '../core/task.js';
import type { Session } from '../context.js';
import type { Messages } from '../i18n/index.js';
import { renderTable, type Column } from '../render/table.js';
import { taskJson, whyText } from '../render/task-view.js';
import { emit, openView, paintOut, tableWidth, tasksOf, useAscii, type ViewOptions } from './view.js';

export interface ListOptions extends ViewOptions {
  sort?: SortKey;
}

export async function run(session: Session, _args: string[], opts: ListOptions): Promise<number> {
  const opened = await openView(session, opts);
  const { plan, asOf, evaluated, filter } = opened;
  const { m } = session;
  const leadRank = rankIn(leadNames(plan.config.roster, tasksOf(plan)));
  const selected = evaluated.filter(matches(filter)).sort(sortBy(opts.sort ?? 'id', leadRank));
  return emit(session, opened, opts.format ?? 'table', {
    table: () => {
      const paint = paintOut(session);
      const header = paint.bold(m.views.listHeader(selected.length, evaluated.length, asOf));
      if (selected.length === 0) return `${header}\n${m.views.noMatch}\n`;
      return `${header}\n${listTable(selected, m, tableWidth(session), useAscii(session, plan.config), lightPainter(paint))}\n`;
    },
    json: () => ({ command: 'list', count: selected.length, tasks: selected.map((e) => taskJson(e, m)) }),
    csv: () => [
      [m.views.col.id, m.views.col.title, m.views.col.section, m.views.col.point, m.views.col.lead, m.views.col.leadUnit, m.views.col.coUnits,
        m.views.col.deadline, m.views.col.status, m.views.col.light, m.views.col.daysOverdue, m.views.col.percent, m.views.col.reasons,
        m.views.col.latestDate, m.views.col.latest],
      ...selected.map((e) => [
        e.task.id, e.task.title, e.task.section, e.task.point, leadsOf(e.task).join('、'), leadUnitOf(e.task), e.task.units.slice(1).join('、'),
        e.task.deadline, m.status[e.result.status], m.light[e.result.light], e.result.daysOverdue, e.result.percent, whyText(e, m),
        e.result.latest?.date, e.result.latest?.note,
      ]),
    ],
    ids: () => selected.map((e) => e.task.id),
  });
}

export type LightPaint = (light: Light, text: string) => string;

export function lightPainter(paint: ReturnType<typeof paintOut>): LightPaint {
  return (light, text) => {
    switch (light) {
      case 'red':
        return paint.red.bold(text);
      case 'yellow':
        return paint.yellow.bold(text);
      case 'green':
        return paint.green(text);
      case 'done_late':
        return paint.magenta(text);
      default:
        return paint.dim(text);
    }
  };
}

function listTable(items: readonly Evaluated[], m: Messages, width: number, ascii: boolean, paintLight: LightPaint): string {
  const col = m.views.col;
  const columns: Column[] = [
    { header: col.id },
    { header: col.title, wrap: true, min: 10, max: 40 },
    { header: col.lead, wrap: true, min: 6, max: 20 },
    { header: col.leadUnit, wrap: true, min: 6, max: 16 },
    { header: col.deadline },
    { header: col.light },
    { header: col.reasons, wrap: true, min: 10, max: 50 },
  ];
  const rows = items.map((e) => [
    e.task.id, e.task.title, leadsOf(e.task).join('、'), leadUnitOf(e.task), e.task.deadline, m.light[e.result.light], whyText(e, m),
  ]);
  return renderTable(columns, rows, { width, ascii, paint: (text, r, c) => (c === 5 ? paintLight(items[r]!.result.light, text) : text) });
}
