// Rules that look across fields or across files, beyond what the schema can say.
import type { Roster } from './config.js';
import type { ProblemCode, ProblemParams, Severity } from './problems.js';
import { nearest } from './suggest.js';
import { leadsOf, type LoadedTask } from './task.js';

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
  const findings: Finding[] = [];
  const byId = new Map<string, string[]>();
  for (const { task, file } of tasks) {
    const files = byId.get(task.id);
    if (files) files.push(file);
    else byId.set(task.id, [file]);
  }
  const leads = new Set(roster.leads);
  const units = new Set(roster.units);
  for (const { task, file } of tasks) {
    const expected = idFromFile(file);
    if (task.id !== expected) {
      findings.push({ file, path: ['id'], severity: 'error', code: 'id_mismatch', params: { id: task.id, expected } });
    }
    const sameId = byId.get(task.id) ?? [];
    if (sameId.length > 1) {
      const other = sameId.filter((f) => f !== file).join(', ');
      findings.push({ file, path: ['id'], severity: 'error', code: 'duplicate_id', params: { id: task.id, other } });
    }
    if (task.status === 'done' && task.done_on) findings.push(...datesAfterDone(file, task.done_on, task));
    findings.push(...datesInOrder(file, task));
    task.progress?.forEach((entry, i) => {
      const previous = task.progress?.[i - 1];
      if (previous && entry.date < previous.date) {
        findings.push({
          file, path: ['progress', i, 'date'], severity: 'warning', code: 'progress_order',
          params: { index: i + 1, date: entry.date, previous: previous.date },
        });
      }
    });
    if (leads.size > 0) {
      const names = leadsOf(task);
      names.forEach((name, i) => {
        if (!leads.has(name)) {
          findings.push({
            file, path: typeof task.lead === 'string' ? ['lead'] : ['lead', i], severity: 'warning', code: 'unknown_lead',
            params: { name, suggestion: nearest(name, roster.leads, 1)[0] },
          });
        }
      });
    }
    if (units.size > 0) {
      // a report by a unit the roster does not know still counts for the task's lead unit, but is worth a look
      task.progress?.forEach((entry, i) => {
        if (entry.by !== undefined && !units.has(entry.by)) {
          findings.push({
            file, path: ['progress', i, 'by'], severity: 'warning', code: 'unknown_unit',
            params: { name: entry.by, suggestion: nearest(entry.by, roster.units, 1)[0] },
          });
        }
      });
      task.units.forEach((name, i) => {
        if (!units.has(name)) {
          findings.push({
            file, path: ['units', i], severity: 'warning', code: 'unknown_unit',
            params: { name, suggestion: nearest(name, roster.units, 1)[0] },
          });
        }
      });
    }
  }
  return findings;
}

function datesAfterDone(file: string, doneOn: string, task: LoadedTask['task']): Finding[] {
  const out: Finding[] = [];
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
  return out;
}

/** A start after the deadline; an extension that moves the deadline earlier (or an advance later). */
function datesInOrder(file: string, task: LoadedTask['task']): Finding[] {
  const out: Finding[] = [];
  if (task.start && task.start > task.deadline) {
    out.push({ file, path: ['start'], severity: 'error', code: 'start_after_deadline', params: { start: task.start, deadline: task.deadline } });
  }
  task.extensions?.forEach((x, i) => {
    const advance = x.kind === 'advance';
    if (advance ? x.to > x.from : x.to < x.from) {
      out.push({ file, path: ['extensions', i, 'to'], severity: 'error', code: 'extension_direction', params: { from: x.from, to: x.to, kind: advance ? 'advance' : 'extension' } });
    }
  });
  return out;
}
