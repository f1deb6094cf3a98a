// tasks show: everything about one task, as text or JSON.
import { leadsOf } from '../../core/task.js';
import type { TaskReport } from '../../reports/task.js';
import { paintLight } from '../color.js';
import { renderTable } from '../table.js';
import { periodLabel } from '../../core/periods.js';
import { feedbackText, reasonText, reviewText, taskJson } from '../task-view.js';
import { sanitize } from '../text.js';
import type { ViewRenderer } from '../view.js';
import { fitLine, hangingLines } from '../wrap.js';

export const taskView: ViewRenderer<TaskReport> = {
  table: (r, env) => {
    const { m, paint, asOf, width, ascii } = env;
    const { task, result } = r.e;
    const f = m.fields;
    const lines: string[] = [];
    const field = (label: string, value: string | undefined) => {
      if (value === undefined || value === '') return;
      const [first = '', ...rest] = hangingLines(`${label}：`, sanitize(value), width);
      lines.push(paint.bold(`${label}：`) + first.slice(label.length + 1), ...rest);
    };
    lines.push(fitLine(`${task.id}  ${sanitize(task.title)}`, width, paint.bold));
    const stale = r.e.stale ? ` ${paint.gray(m.views.stale)}${m.show.staleDetail(periodLabel(r.e.stale.period, m.lang), r.e.stale.due)}` : '';
    lines.push(`${paint.bold(`${m.show.light}：`)}${paintLight(paint, result.light, m.light[result.light])}${stale} ${m.show.asOf(asOf)}`);
    if (r.e.review) lines.push(...hangingLines('  · ', sanitize(reviewText(r.e, m)), width));
    for (const reason of result.reasons) lines.push(...hangingLines('  · ', sanitize(reasonText(reason, m)), width));
    if (r.originalDeadline !== result.deadline && (result.originalDaysOverdue > 0 || result.deadlineDaysOverdue > 0)) {
      lines.push(...hangingLines('  · ', m.show.bothDeadlines(r.originalDeadline, result.originalDaysOverdue, result.deadline, result.deadlineDaysOverdue), width));
    }
    field(f.section!, task.section);
    field(f.point!, task.point);
    field(f.lead!, leadsOf(task).join('、'));
    field(f.units!, task.units.join('、'));
    const extended = r.originalDeadline !== result.deadline ? `，${m.show.original(r.originalDeadline)}` : '';
    const later = result.deadline !== task.deadline ? `，${m.show.laterDeadline(task.deadline)}` : '';
    field(f.deadline!, `${result.deadline}${task.deadline_text && !later ? `（${task.deadline_text}）` : ''}${extended}${later}`);
    if (task.start) field(f.start!, task.start);
    field(f.status!, `${m.status[task.status]}${result.status !== task.status ? ` → ${m.status[result.status]} ${m.show.asOf(asOf)}` : ''}`);
    if (task.done_on) field(f.done_on!, task.done_on);
    if (task.tags?.length) field(f.tags!, task.tags.join('、'));
    if (task.detail) lines.push(paint.bold(`${f.detail}：`), ...sanitize(task.detail).split('\n').flatMap((l) => hangingLines('  ', l, width)));
    if (r.milestones.length > 0) {
      lines.push(paint.bold(`${m.show.milestones}：`));
      lines.push(renderTable(
        [{ header: m.views.col.milestone, wrap: true, min: 10, max: 40 }, { header: f.due! }, { header: f.status! }],
        r.milestones.map((ms) => [ms.title, ms.due, m.show.milestoneState(ms.state, ms.done_on, ms.added)]),
        { width, ascii },
      ));
    }
    if (r.targets.length > 0) {
      lines.push(paint.bold(`${m.show.targets}：`));
      lines.push(renderTable(
        [{ header: f.name!, wrap: true, min: 10, max: 40 }, { header: f.target! }, { header: '' }],
        r.targets.map((t) => [t.name, m.show.target(t), m.show.met(t.met)]),
        { width, ascii },
      ));
    }
    if (r.progress.length > 0) {
      lines.push(paint.bold(`${m.show.progress}：`));
      lines.push(renderTable(
        [{ header: f.date! }, { header: f.percent!, align: 'right' }, { header: f.by!, wrap: true, min: 6, max: 16 }, { header: f.note!, wrap: true, min: 10, max: 70 }],
        r.progress.map((p) => [p.date, p.percent === undefined ? '' : `${p.percent}%`, p.by ?? '', feedbackText(p, m)]),
        { width, ascii, paint: (text, row) => (r.progress[row]!.later ? paint.dim(text) : text) },
      ));
    }
    if (task.completion_requests?.length) {
      lines.push(paint.bold(`${m.feedback.requestsTitle}：`));
      for (const q of task.completion_requests) {
        const decided = q.decision !== undefined && (q.decided === undefined || q.decided <= asOf);
        lines.push(`  ${sanitize(decided ? m.feedback.showDecided(q.by, q.date, q.done_on, q.decision!, q.decided, q.reason) : m.feedback.showRequest(q.by, q.date, q.done_on))}`);
      }
    }
    if (task.extensions?.length) {
      lines.push(paint.bold(`${m.show.extensions}：`));
      for (const x of task.extensions) {
        const kind = x.kind ?? (x.to < x.from ? 'advance' : 'extension');
        const extension = hangingLines('  ', m.show.extension(x.from, x.to, x.date, sanitize(x.reason), kind), width);
        // an extension granted after the date of the view is shown, dimmed: it was not yet in force
        lines.push(...(x.date > asOf ? extension.map((line) => paint.dim(line)) : extension));
      }
    }
    lines.push(paint.dim(`${m.show.file}：${sanitize(r.e.file)}`));
    return `${lines.join('\n')}\n`;
  },
  json: (r, { m }) => ({ command: 'show', task: { ...taskJson(r.e, m), detail: r.e.task.detail ?? null, record: r.e.task } }),
};
