// Changes between revisions of a task, in words.
import type { FieldChange } from '../core/history.js';
import type { Messages } from '../i18n/index.js';

function value(field: string, v: unknown, m: Messages): string {
  if (v === undefined || v === null || v === '') return m.edit.empty;
  if (field === 'status' && typeof v === 'string') return m.status[v as keyof Messages['status']] ?? v;
  if (Array.isArray(v)) return v.map((x) => value('', x, m)).join('、');
  if (typeof v === 'object') return Object.values(v as Record<string, unknown>).map(String).join(' ');
  return String(v);
}

function item(field: string, x: unknown): string {
  const o = x as Record<string, unknown>;
  if (field === 'progress') return `${o.date} ${o.note}`;
  if (field === 'milestones') return `${o.title}（${o.due}）`;
  if (field === 'targets') return String(o.name);
  if (field === 'extensions') return `${o.from} → ${o.to}`;
  return String(x);
}

export function changeText(change: FieldChange, m: Messages): string {
  const h = m.history;
  const label = (field: string) => (Object.hasOwn(m.fields, field) ? m.fields[field]! : field);
  switch (change.kind) {
    case 'created':
      return h.created;
    case 'deleted':
      return h.deleted;
    case 'changed':
      if (change.to === undefined) return h.removedField(label(change.field), value(change.field, change.from, m));
      if (change.from === undefined) return h.setField(label(change.field), value(change.field, change.to, m));
      return h.change(label(change.field), value(change.field, change.from, m), value(change.field, change.to, m)) + (change.reason ? h.extension(change.reason, change.change ?? 'extension') : '');
    case 'added':
      return h.added(label(change.field), change.items.length, change.items.map((x) => item(change.field, x)).join('；'));
    case 'removed':
      return h.removed(label(change.field), change.items.length);
    case 'milestone_done':
      return h.milestoneDone(change.title, change.date);
    case 'milestone_undone':
      return h.milestoneUndone(change.title, change.date);
    case 'review':
      return m.feedback.historyReview(change.change, change.request.by, change.request.date, change.request.done_on, change.request.decided, change.request.reason);
    case 'target_actual':
      return h.targetActual(change.name, change.from === undefined ? m.edit.empty : `${change.from}${change.unit ?? ''}`, change.to === undefined ? m.edit.empty : `${change.to}${change.unit ?? ''}`);
  }
}
