// The roster: how names of officials and units are recognised (near-misses, protocol order), filling it at init, committing imports, assigning many tasks at once.
import type { roster as zh } from '../zh/roster.js';

export const roster: ReturnType<typeof zh> = {
  names: {
    lead: 'lead official',
    unit: 'unit',
    near: (what: string, input: string, candidates: readonly string[]) =>
      `the ${what} "${input}" is very close to ${candidates.map((c) => `"${c}"`).join(', ')} in the roster; to avoid two names for one, nothing was changed. Write the roster's name (its first characters are enough), or if it really is a new ${what}, add it to the roster in tasks.config.yaml first`,
    ambiguous: (what: string, input: string, candidates: readonly string[]) =>
      `the ${what} "${input}" could be any of: ${candidates.join(', ')}; write a few more characters. Nothing was changed`,
    resolved: (what: string, input: string, name: string) => `${what} "${input}" read as "${name}" from the roster`,
    notAdded: (what: string, input: string, candidates: readonly string[]) =>
      `note: the ${what} "${input}" is very close to ${candidates.map((c) => `"${c}"`).join(', ')} and was not added to the roster; change it to the roster's name in the task file`,
  },
  initRoster: {
    askLeads: 'Lead officials, in protocol order, separated by commas (e.g. 区长, 常务副区长, 分管工业副区长; Enter to fill in later): ',
    askUnits: 'Units, in protocol order, separated by commas (Enter to fill in later): ',
    filled: (leads: number, units: number) => `roster: ${leads} lead officials, ${units} units`,
    nearInList: (a: string, b: string) => `"${a}" and "${b}" in the roster are very close; is one a duplicate? List it once`,
  },
  importCommit: {
    notice: (file: string, created: number, updated: number) => `Imported notice ${file}: ${created} tasks created, ${updated} updated`,
    xlsx: (file: string, sheet: string, created: number, updated: number) => `Imported ledger ${file} (sheet "${sheet}"): ${created} tasks created, ${updated} updated`,
    roster: (leads: number, units: number) => `; roster: ${leads} officials and ${units} units added`,
    committed: (files: number) => `committed to git (${files} files in one commit)`,
    noIdentity: 'git does not know who is committing, so the imported files are written but not committed. Run git config --global user.name "Your Name" and git config --global user.email "you@example.org", then git add tasks tasks.config.yaml && git commit -m "Import"',
    failed: (detail: string) => `the files are written, but the git commit failed: ${detail}`,
    dirty: (files: string) => `these files have uncommitted changes made by hand, which an import neither replaces nor commits: ${files}. Commit or drop them first, or add --no-commit`,
  },
  assign: {
    needWork: 'give the ids of the tasks and --lead/--unit/--deadline, or a responsibility table with --from (.xlsx or .csv), e.g. tasks assign --from 责任分解表.xlsx',
    needField: 'give at least one of --lead, --unit, --deadline',
    noMatch: (row: string, text: string) => `${row}: no task matches "${text}" (by id or title); skipped`,
    several: (row: string, text: string, ids: readonly string[]) => `${row}: "${text}" matches several tasks (${ids.join(', ')}); put the id in the table. Skipped`,
    twice: (id: string, rows: readonly string[]) => `task ${id} is in the table more than once (${rows.join(', ')}); the last row counts`,
    row: (sheet: string, row: number) => `sheet "${sheet}" row ${row}`,
    needReason: (ids: readonly string[]) =>
      `the deadlines of these tasks, already assigned, would move, which needs --reason (and --date of approval): ${ids.join(', ')}. Nothing was changed`,
    nothing: 'the officials, units and deadlines in the table are those of the plan already; nothing to change',
    planned: (id: string, changes: string) => `${id}: ${changes}`,
    change: (field: string, from: string, to: string) => `${field} ${from} → ${to}`,
    commit: (count: number, source: string) => `Assigned ${count} tasks: lead officials, units and deadlines (${source})`,
    fromArgs: 'command line',
    done: (count: number) => `assigned ${count} tasks in one commit`,
    dryRun: (count: number) => `would assign ${count} tasks (--dry-run: nothing written)`,
    unassignedLeft: (n: number) => `${n} tasks still have 待定 as official or unit`,
  },
};
