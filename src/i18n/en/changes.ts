// Moving deadlines (extensions, advances, a draft's first deadline), adding and changing targets and their actuals, checks before closing.
import type { changes as zh } from '../zh/changes.js';

export const changes: ReturnType<typeof zh> = {
  deadline: {
    needReason: (id: string) =>
      `moving the deadline of ${id} needs its reason, e.g. --reason "区长办公会同意延期" (and --date for when it was approved); the old deadline is kept in the record of deadline changes. A draft not yet assigned (待定) gets its first deadline without a reason`,
    commit: (id: string, kind: 'extension' | 'advance' | 'first', from: string, to: string, reason: string | undefined) =>
      `${kind === 'extension' ? 'Extended' : kind === 'advance' ? 'Brought forward' : 'Deadline set'} ${id}: deadline ${from} → ${to}${reason ? ` (${reason})` : ''}`,
    done: (id: string, kind: 'extension' | 'advance' | 'first', from: string, to: string, date: string) =>
      kind === 'first'
        ? `set the deadline of ${id}: ${from} → ${to} (a draft's first deadline, not an extension)`
        : `${kind === 'extension' ? 'extended' : 'brought forward'} the deadline of ${id}: ${from} → ${to} (approved ${date}; the old deadline is kept)`,
  },
  targets: {
    badAction: (action: string) => `unknown action "${action}"; use add, rename, remove or set`,
    needValue: 'a new target needs its value, e.g. tasks target 2020-017 add 老旧小区改造 --target 20 --unit 个',
    needNewName: 'renaming needs the new name, e.g. tasks target 2020-017 rename 年度计划投资 省亿元以上项目年度计划投资',
    exists: (id: string, name: string) => `task ${id} already has a target "${name}"; the targets of a task need names of their own`,
    ambiguous: (id: string, name: string, choices: Array<{ no: number; name: string }>) =>
      `several targets of ${id} match "${name}": ${choices.map((c) => `${c.no}. ${c.name}`).join('; ')}; write the whole name or its number (e.g. ${choices[0]?.no ?? 1})`,
    added: (id: string, name: string, target: string) => `added a target to ${id}: ${name} (target ${target})`,
    addCommit: (id: string, name: string, target: string) => `Target ${id}: added "${name}" (target ${target})`,
    renamed: (id: string, from: string, to: string) => `renamed target "${from}" of ${id} to "${to}"`,
    renameCommit: (id: string, from: string, to: string) => `Target ${id}: "${from}" renamed "${to}"`,
    removed: (id: string, name: string) => `removed target "${name}" of ${id}`,
    removeCommit: (id: string, name: string) => `Target ${id}: removed "${name}"`,
    reported: (id: string, name: string, from: string, to: string, date: string) => `recorded the actual of target "${name}" of ${id}: ${from} → ${to} (reported ${date})`,
    reportCommit: (id: string, name: string, value: string, date: string) => `Target ${id}: ${name} actual ${value} (${date})`,
  },
  closing: {
    openMilestones: (titles: string[]) => `open milestones: ${titles.map((t) => `"${t}"`).join(', ')}`,
    unmetTargets: (names: string[]) => `targets not met: ${names.map((t) => `"${t}"`).join(', ')}`,
    ask: (id: string, issues: string) => `${id} still has ${issues}. Mark it done anyway? (y/N) `,
    refused: (id: string, issues: string) => `${id} still has ${issues}; if it is finished all the same, add --force (the commit message says so)`,
    cancelled: 'cancelled; nothing changed',
    commitNote: (issues: string) => `; closed with ${issues}`,
  },
};
