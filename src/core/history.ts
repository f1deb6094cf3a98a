// What changed in a task between two revisions of its file, field by field.
import type { CompletionRequest, Task } from './task.js';
import { leadsOf, type Target } from './task.js';
import { currentActual } from './targets.js';

export type FieldChange =
  | { kind: 'created' }
  | { kind: 'deleted' }
  | { kind: 'changed'; field: string; from: unknown; to: unknown; reason?: string; change?: 'extension' | 'advance' }
  | { kind: 'added'; field: string; items: unknown[] }
  | { kind: 'removed'; field: string; items: unknown[] }
  | { kind: 'milestone_done'; title: string; date: string }
  | { kind: 'milestone_undone'; title: string; date: string }
  | { kind: 'target_actual'; name: string; from: number | undefined; to: number | undefined; unit?: string }
  /** a completion request made, decided (销号 or 退回) or taken back by a corrected form */
  | { kind: 'review'; change: 'requested' | 'accepted' | 'rejected' | 'withdrawn'; request: CompletionRequest };

const ORDER = ['id', 'title', 'detail', 'section', 'point', 'lead', 'units', 'deadline', 'deadline_text', 'start', 'status', 'done_on', 'milestones', 'targets', 'progress', 'extensions', 'status_changes', 'completion_requests', 'tags'];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Items of `a` that `b` lacks, counting duplicates. */
function minus<T>(a: readonly T[], b: readonly T[]): T[] {
  const left = b.map((x) => JSON.stringify(x));
  return a.filter((x) => {
    const i = left.indexOf(JSON.stringify(x));
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

export function diffTasks(before: Task | undefined, after: Task | undefined): FieldChange[] {
  if (!before && !after) return [];
  if (!before) return [{ kind: 'created' }];
  if (!after) return [{ kind: 'deleted' }];
  const out: FieldChange[] = [];
  const keys = [...new Set([...ORDER, ...Object.keys(before), ...Object.keys(after)])];
  for (const key of keys) {
    const a = (before as unknown as Record<string, unknown>)[key];
    const b = (after as unknown as Record<string, unknown>)[key];
    if (same(a, b)) continue;
    if (key === 'lead') {
      if (!same(leadsOf(before), leadsOf(after))) out.push({ kind: 'changed', field: key, from: leadsOf(before), to: leadsOf(after) });
    } else if (key === 'progress' || key === 'extensions' || key === 'status_changes') {
      const added = minus((b as unknown[]) ?? [], (a as unknown[]) ?? []);
      const removed = minus((a as unknown[]) ?? [], (b as unknown[]) ?? []);
      // a new extension is shown with the deadline it moved, not on its own
      if (key === 'extensions' && added.length > 0 && before.deadline !== after.deadline && removed.length === 0) continue;
      if (added.length) out.push({ kind: 'added', field: key, items: added });
      if (removed.length) out.push({ kind: 'removed', field: key, items: removed });
    } else if (key === 'milestones') {
      const old = before.milestones ?? [];
      for (const ms of after.milestones ?? []) {
        const prev = old.find((o) => o.title === ms.title);
        if (!prev) out.push({ kind: 'added', field: key, items: [ms] });
        else if (!prev.done_on && ms.done_on && same({ ...prev, done_on: undefined }, { ...ms, done_on: undefined })) out.push({ kind: 'milestone_done', title: ms.title, date: ms.done_on });
        else if (prev.done_on && !ms.done_on && same({ ...prev, done_on: undefined }, ms)) out.push({ kind: 'milestone_undone', title: ms.title, date: prev.done_on });
        else if (!same(prev, ms)) out.push({ kind: 'changed', field: `${key}`, from: prev, to: ms });
      }
      const gone = old.filter((o) => !(after.milestones ?? []).some((ms) => ms.title === o.title));
      if (gone.length) out.push({ kind: 'removed', field: key, items: gone });
    } else if (key === 'targets') {
      // targets pair by name, and targets of one name by their order among those of that name
      const old = before.targets ?? [];
      const pairs = pairByName(old, after.targets ?? []);
      const values = (t: Target) => ({ ...t, actual: undefined, actuals: undefined });
      for (const [prev, t] of pairs) {
        if (!t) continue;
        if (!prev) out.push({ kind: 'added', field: key, items: [t] });
        else if (currentActual(prev) !== currentActual(t) && same(values(prev), values(t))) {
          out.push({ kind: 'target_actual', name: t.name, from: currentActual(prev), to: currentActual(t), ...(t.unit ? { unit: t.unit } : {}) });
        } else if (!same(prev, t)) out.push({ kind: 'changed', field: key, from: prev, to: t });
      }
      const gone = pairs.flatMap(([prev, t]) => (prev && !t ? [prev] : []));
      if (gone.length) out.push({ kind: 'removed', field: key, items: gone });
    } else if (key === 'completion_requests') {
      out.push(...reviewChanges(before.completion_requests ?? [], after.completion_requests ?? []));
    } else if (key === 'deadline') {
      const extension = minus(after.extensions ?? [], before.extensions ?? []).find((x) => x.to === after.deadline);
      const change = extension ? (extension.kind ?? (extension.to < extension.from ? 'advance' : 'extension')) : undefined;
      out.push({ kind: 'changed', field: key, from: a, to: b, ...(extension ? { reason: extension.reason, change } : {}) });
    } else {
      out.push({ kind: 'changed', field: key, from: a, to: b });
    }
  }
  return out;
}

/** Requests are the same request when made on the same day by the same unit for the same completion date. */
function reviewChanges(before: readonly CompletionRequest[], after: readonly CompletionRequest[]): FieldChange[] {
  const key = (r: CompletionRequest) => JSON.stringify([r.date, r.by, r.done_on, r.period]);
  const old = new Map(before.map((r) => [key(r), r]));
  const out: FieldChange[] = [];
  for (const r of after) {
    const prev = old.get(key(r));
    old.delete(key(r));
    if (!prev) out.push({ kind: 'review', change: 'requested', request: r });
    if (r.decision && prev?.decision !== r.decision) out.push({ kind: 'review', change: r.decision, request: r });
  }
  for (const r of old.values()) out.push({ kind: 'review', change: 'withdrawn', request: r });
  return out;
}

/** The targets before and after, paired by name; the n-th target of a name with the n-th of that name. */
function pairByName(before: readonly Target[], after: readonly Target[]): Array<[Target | undefined, Target | undefined]> {
  const waiting = new Map<string, Target[]>();
  for (const t of before) waiting.set(t.name, [...(waiting.get(t.name) ?? []), t]);
  const pairs: Array<[Target | undefined, Target | undefined]> = after.map((t) => [waiting.get(t.name)?.shift(), t]);
  for (const rest of waiting.values()) for (const t of rest) pairs.push([t, undefined]);
  return pairs;
}
