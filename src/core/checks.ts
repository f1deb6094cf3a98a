// Rules that look across fields or across files, beyond what the schema can say.
import type { Roster } from './config.js';
import type { ProblemCode, ProblemParams, Severity } from './problems.js';
import { supersededExtensions } from './merge.js';
import { nearest } from './suggest.js';
import { nearDuplicates, nearMisses } from './roster.js';
import { leadsOf, UNASSIGNED, type LoadedTask, type Task } from './task.js';

export interface Finding {
  file: string;
  /** where in the task the finding points, e.g. ['milestones', 1, 'done_on'] */
  path: Array<string | number>;
  atKey?: boolean;
  severity: Severity;
  code: ProblemCode;
  params: ProblemParams;
}

export function idFromFile(file: string): string {
  const base = file.slice(file.lastIndexOf('/') + 1);
  return base.replace(/\.ya?ml$/i, '');
}

export function crossChecks(tasks: readonly LoadedTask[], roster: Roster): Finding[] {
  const check = taskChecker(roster);
  return planFindings(
    tasks.map((t) => t.file),
    tasks.map((t) => t.task.id),
    tasks.map((t) => check(t.task, t.file)),
  );
}

/**
 * Every finding of the plan, in the order of the tasks: each task's own findings (taskChecker),
 * with a duplicate id found across them after the id's own finding.
 */
/** Whether every id is greater than the one before it (the empty id of a file without a task too). */
function rising(ids: readonly string[]): boolean {
  for (let i = 1; i < ids.length; i++) if (!(ids[i - 1]! < ids[i]!)) return false;
  return true;
}

export function planFindings(files: readonly string[], ids: readonly string[], own: ReadonlyArray<readonly Finding[]>): Finding[] {
  // Run on every load, over every task: written to make nothing per task that finds nothing.
  const findings: Finding[] = [];
  const repeated = new Set<string>();
  // Files are sorted and mostly named after their ids, so the ids mostly rise: then none repeats,
  // which a pass of comparisons tells several times faster than a set of 100,000 ids.
  if (!rising(ids)) {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) repeated.add(id);
      else seen.add(id);
    }
  }
  // the files of each id held by more than one, in the order of the tasks
  const byId = new Map<string, string[]>();
  if (repeated.size > 0) {
    ids.forEach((id, i) => {
      if (!repeated.has(id)) return;
      const same = byId.get(id);
      if (same) same.push(files[i]!);
      else byId.set(id, [files[i]!]);
    });
  }
  for (let i = 0; i < files.length; i++) {
    const found = own[i]!;
    const sameId = byId.size > 0 ? byId.get(ids[i]!) : undefined;
    if (!sameId) {
      for (const f of found) findings.push(f);
      continue;
    }
    const file = files[i]!;
    const at = found[0]?.code === 'id_mismatch' ? 1 : 0;
    for (let k = 0; k < at; k++) findings.push(found[k]!);
    const other = sameId.filter((f) => f !== file).join(', ');
    findings.push({ file, path: ['id'], severity: 'error', code: 'duplicate_id', params: { id: ids[i]!, other } });
    for (let k = at; k < found.length; k++) findings.push(found[k]!);
  }
  return findings;
}

const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

/**
 * What can be found in one task alone (all but duplicate ids): a file named after another id,
 * dates out of order, a repeated target, names the roster does not know. The same task, file and
 * roster always give the same findings, so the cache keeps them.
 */
export function taskChecker(roster: Roster): (task: Task, file: string) => readonly Finding[] {
  const leads = new Set(roster.leads);
  const units = new Set(roster.units);
  // one list for every task, copied out only when something was found
  const findings: Finding[] = [];
  return (task, file) => {
    if (!namedAfter(file, task.id)) {
      const expected = idFromFile(file);
      if (task.id !== expected) findings.push({ file, path: ['id'], severity: 'error', code: 'id_mismatch', params: { id: task.id, expected } });
    }
    if (task.status === 'done' && task.done_on) datesAfterDone(findings, file, task.done_on, task);
    datesInOrder(findings, file, task);
    if (task.targets && task.targets.length > 1) {
      const targetNames = task.targets.map((t) => t.name);
      targetNames.forEach((name, i) => {
        const first = targetNames.indexOf(name);
        if (first < i) findings.push({ file, path: ['targets', i, 'name'], severity: 'warning', code: 'duplicate_target', params: { name, index: i + 1, other: first + 1 } });
      });
    }
    const progress = task.progress ?? NONE;
    for (let i = 1; i < progress.length; i++) {
      const entry = progress[i]!;
      const previous = progress[i - 1]!;
      if (entry.date < previous.date) {
        findings.push({
          file, path: ['progress', i, 'date'], severity: 'warning', code: 'progress_order',
          params: { index: i + 1, date: entry.date, previous: previous.date },
        });
      }
    }
    if (leads.size > 0) {
      const single = typeof task.lead === 'string';
      const names = single ? [task.lead as string] : (task.lead as string[]);
      for (let i = 0; i < names.length; i++) {
        const name = names[i]!;
        // 待定 is a draft's placeholder, not a name missing from the roster
        if (leads.has(name) || name === UNASSIGNED) continue;
        findings.push({
          file, path: single ? ['lead'] : ['lead', i], severity: 'warning', code: 'unknown_lead',
          params: { name, suggestion: nearest(name, roster.leads, 1)[0] },
        });
      }
    }
    if (units.size > 0) {
      // a report by a unit the roster does not know still counts for the task's lead unit, but is worth a look
      for (let i = 0; i < progress.length; i++) {
        const by = progress[i]!.by;
        if (by === undefined || units.has(by)) continue;
        findings.push({
          file, path: ['progress', i, 'by'], severity: 'warning', code: 'unknown_unit',
          params: { name: by, suggestion: nearest(by, roster.units, 1)[0] },
        });
      }
      for (let i = 0; i < task.units.length; i++) {
        const name = task.units[i]!;
        if (units.has(name) || name === UNASSIGNED) continue;
        findings.push({
          file, path: ['units', i], severity: 'warning', code: 'unknown_unit',
          params: { name, suggestion: nearest(name, roster.units, 1)[0] },
        });
      }
    }
    if (findings.length === 0) return NO_FINDINGS;
    const found = findings.slice();
    findings.length = 0;
    return found;
  };
}

const NONE: readonly never[] = [];

/** Whether the file is named `<id>.yaml` or `<id>.yml`, lower case (idFromFile, without making a string). */
function namedAfter(file: string, id: string): boolean {
  const start = file.lastIndexOf('/') + 1;
  const rest = file.length - start - id.length;
  return (rest === 5 ? file.endsWith('.yaml') : rest === 4 && file.endsWith('.yml')) && file.startsWith(id, start);
}

function datesAfterDone(out: Finding[], file: string, doneOn: string, task: LoadedTask['task']): void {
  task.milestones?.forEach((ms, i) => {
    if (ms.done_on && ms.done_on > doneOn) {
      out.push({
        file, path: ['milestones', i, 'done_on'], severity: 'error', code: 'date_after_done',
        params: { date: ms.done_on, done_on: doneOn },
      });
    }
  });
  // a unit reports a task finished after finishing it: entries up to the accepted report are its own
  const reported = (task.completion_requests ?? []).reduce((latest, r) => (r.decision === 'accepted' && r.date > latest ? r.date : latest), doneOn);
  task.progress?.forEach((entry, i) => {
    if (entry.date > reported) {
      out.push({
        file, path: ['progress', i, 'date'], severity: 'error', code: 'date_after_done',
        params: { date: entry.date, done_on: doneOn },
      });
    }
  });
}

/** A start after the deadline; an extension that moves the deadline earlier (or an advance later). */
function datesInOrder(out: Finding[], file: string, task: LoadedTask['task']): void {
  if (task.start && task.start > task.deadline) {
    out.push({ file, path: ['start'], severity: 'error', code: 'start_after_deadline', params: { start: task.start, deadline: task.deadline } });
  }
  const extensions = task.extensions ?? [];
  const last = extensions.at(-1);
  if (last && (last.to !== task.deadline || supersededExtensions(extensions, task.deadline).length > 0)) {
    out.push({ file, path: ['extensions', extensions.length - 1, 'to'], severity: 'warning', code: 'extension_chain', params: { to: last.to, deadline: task.deadline } });
  }
  task.extensions?.forEach((x, i) => {
    const advance = x.kind === 'advance';
    if (advance ? x.to > x.from : x.to < x.from) {
      out.push({ file, path: ['extensions', i, 'to'], severity: 'error', code: 'extension_direction', params: { from: x.from, to: x.to, kind: advance ? 'advance' : 'extension' } });
    }
  });
}

/**
 * Names of officials and units that are very likely one name written two ways: pairs in the
 * roster (warned at the later one, in `configFile`), and without a roster, a name some tasks use
 * that is a near-miss of one other tasks use (warned at the tasks using the rarer one).
 */
export function nameChecks(roster: Roster, tasks: readonly LoadedTask[], configFile: string, words: { lead: string; unit: string }): Finding[] {
  const findings: Finding[] = [];
  for (const key of ['leads', 'units'] as const) {
    const what = key === 'leads' ? words.lead : words.unit;
    const listed = roster[key];
    for (const [earlier, later] of nearDuplicates(listed)) {
      findings.push({ file: configFile, path: ['roster', key, listed.indexOf(later)], severity: 'warning', code: 'near_duplicate_name', params: { what, name: later, other: earlier, where: 'roster' } });
    }
    if (listed.length > 0) continue;
    const uses = new Map<string, number>();
    for (const { task } of tasks) for (const name of key === 'leads' ? leadsOf(task) : task.units) if (name !== UNASSIGNED) uses.set(name, (uses.get(name) ?? 0) + 1);
    const names = [...uses.keys()];
    for (const { task, file } of tasks) {
      const own = key === 'leads' ? leadsOf(task) : task.units;
      own.forEach((name, i) => {
        // the rarer of two near names is the slip (on a tie, the shorter)
        const better = nearMisses(name, names).find((other) => uses.get(other)! > uses.get(name)! || (uses.get(other) === uses.get(name) && other.length > name.length));
        if (better === undefined) return;
        const path = key === 'units' ? ['units', i] : typeof task.lead === 'string' ? ['lead'] : ['lead', i];
        findings.push({ file, path, severity: 'warning', code: 'near_duplicate_name', params: { what, name, other: better, where: 'tasks' } });
      });
    }
  }
  return findings;
}
