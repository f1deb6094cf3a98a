// A 催办单 as an office document: the number, the addressee, what is owed in numbered tables, and
// the reply-by date.
import { diffDays } from '../core/dates.js';
import { latestEntry } from '../core/light.js';
import { periodLabel } from '../core/periods.js';
import type { ProgressEntry } from '../core/task.js';
import type { Messages } from '../i18n/index.js';
import type { Notice, RemindReport } from '../reports/remind.js';
import { paragraph, section, table, type DocBlock, type DocColumn, type ReportDocument } from './document.js';
import { feedbackCell } from './task-view.js';

const col = (header: string, width: number, extra: Partial<DocColumn> = {}): DocColumn => ({ header, width, ...extra });

/** The latest feedback in one cell (date, percent, note, 存在问题, 下步打算), or 尚未反馈. */
function latestText(entry: ProgressEntry | undefined, m: Messages): string {
  return entry ? feedbackCell(entry, m) : m.remind.never;
}

export function noticeDocument(n: Notice, r: RemindReport, number: string, m: Messages, planTitle: string): ReportDocument {
  const w = m.remind;
  const c = m.report.col;
  const no = col(c.no, 5, { kind: 'number', align: 'center' });
  const blocks: DocBlock[] = [paragraph(w.to(n.to)), paragraph(w.opening(r.asOf, r.by === 'lead', planTitle, r.replyBy))];
  if (n.overdue.length > 0) {
    blocks.push(section(w.overdue, table({
      caption: w.overdue,
      columns: [no, col(c.id, 10), col(c.task, 30), col(c.deadline, 11, { align: 'center' }), col(c.days, 8, { kind: 'number' }), col(c.latest, 32)],
      rows: n.overdue.map((e, i) => ({ cells: [i + 1, e.task.id, e.task.title, e.result.deadline, e.result.deadlineDaysOverdue, latestText(e.result.latest, m)], emphasis: 'red' as const })),
    })));
  }
  if (n.overdueMilestones.length > 0) {
    blocks.push(section(w.overdueMilestones, table({
      caption: w.overdueMilestones,
      columns: [no, col(c.id, 10), col(c.task, 24), col(w.milestone, 18), col(c.due, 11, { align: 'center' }), col(c.days, 8, { kind: 'number' }), col(c.latest, 26)],
      rows: n.overdueMilestones.map((x, i) => ({ cells: [i + 1, x.e.task.id, x.e.task.title, x.title, x.due, x.days, latestText(x.e.result.latest, m)], emphasis: 'red' as const })),
    })));
  }
  if (n.missingFeedback.length > 0) {
    blocks.push(section(w.missing, table({
      caption: w.missing,
      columns: [
        no, col(c.id, 10), col(c.task, 24), col(c.period, 13), col(c.dueBy, 11, { align: 'center' }), col(c.days, 8, { kind: 'number' }), col(w.lastReport, 30),
      ],
      rows: n.missingFeedback.map((j, i) => {
        const unit = j.tier === 'co' ? m.report.coUnit(j.unit) : '';
        return {
          cells: [i + 1, j.task.id, `${j.task.title}${unit ? `（${unit}）` : ''}`, periodLabel(j.period, m.lang), j.due, diffDays(r.asOf, j.due), latestText(latestEntry(j.task.progress, r.asOf), m)],
        };
      }),
    })));
  }
  if (n.dueSoon.length > 0) {
    blocks.push(section(w.dueSoon, table({
      caption: w.dueSoon,
      columns: [
        no, col(c.id, 10), col(c.kind, 6, { align: 'center' }), col(c.item, 26), col(c.due, 11, { align: 'center' }), col(w.daysLeft, 8, { kind: 'number' }), col(c.latest, 32),
      ],
      rows: n.dueSoon.map((d, i) => ({
        cells: [
          i + 1, d.e.task.id, d.kind === 'task' ? m.report.kindTask : m.report.kindMilestone, d.kind === 'task' ? d.title : m.report.milestoneOf(d.e.task.title, d.title), d.due,
          diffDays(d.due, r.asOf), latestText(d.e.result.latest, m),
        ],
      })),
    })));
  }
  blocks.push(paragraph(w.closing(r.replyBy)));
  return { title: w.title, subtitle: [number], date: r.asOf, blocks: [...blocks, paragraph(w.signature(r.asOf))] };
}
