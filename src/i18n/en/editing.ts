// Editing the plan: new, progress, done, set, milestones, targets, undo, init, hook.
import type { editing as zh } from '../zh/editing.js';

export const editing: ReturnType<typeof zh> = {
  edit: {
    unknownId: (id: string, suggestions: string[]) =>
      `no task with id "${id}"${suggestions.length ? `; did you mean: ${suggestions.join(', ')}?` : '; run tasks list to see the ids'}`,
    invalid: (file: string) => `the change would make ${file} invalid, so it was not made; the file is unchanged:`,
    unreadable: (file: string) => `${file} has errors of its own; fix them first:`,
    dirty: (file: string, state: 'changed' | 'untracked') =>
      state === 'changed'
        ? `${file} has uncommitted changes made by hand. To keep them out of this commit nothing was changed. Commit them (git commit ${file}) or drop them (git checkout -- ${file}) first, or add --no-commit to change the file without committing`
        : `${file} has never been committed. Commit it first (git add ${file} && git commit), or add --no-commit`,
    noIdentity: 'git does not know who is committing, so the change could not be recorded and was not made. Run git config --global user.name "Your Name" and git config --global user.email "you@example.org", or add --no-commit',
    busy: (id: string) => `task ${id} is being changed by another tasks command and it has not finished in 30 seconds; try again later`,
    nothingToDo: 'nothing to change',
    notVersioned: '(note: the plan is not in a git repository; the change is saved but not recorded. git init or tasks init turns recording on.)',
    uncommitted: '(not committed to git, as --no-commit or the settings ask.)',
    dateAfterToday: (date: string, today: string) => `the date ${date} is after today (${today}); progress and completion cannot be dated in the future`,
    unknownUnit: (name: string, suggestion: string | undefined) =>
      `note: "${name}" is not a unit in the roster${suggestion ? `; did you mean "${suggestion}"?` : ''} (recorded as written)`,
    unknownLead: (name: string, suggestion: string | undefined) =>
      `note: "${name}" is not a lead official in the roster${suggestion ? `; did you mean "${suggestion}"?` : ''} (recorded as written)`,
    progressAdded: (id: string, date: string, note: string) => `recorded progress of ${id} (${date}): ${note}`,
    startedNote: '(status changed from not started to in progress)',
    progressCommit: (id: string, note: string, by: string | undefined) => `Progress ${id}: ${note}${by ? ` (${by})` : ''}`,
    alreadyDone: (id: string, date: string) => `task ${id} was done on ${date}; use tasks reopen ${id} to reopen it`,
    doneOk: (id: string, date: string, late: number) => `marked ${id} done (${date})${late > 0 ? `, ${late} days after its deadline (done late)` : ''}`,
    doneCommit: (id: string, title: string, date: string) => `Done ${id}: ${title} (${date})`,
    notDone: (id: string) => `task ${id} is not done, so there is nothing to reopen`,
    reopenOk: (id: string) => `reopened ${id}: status in progress`,
    reopenCommit: (id: string, title: string, reason?: string) => `Reopened ${id}: ${title}${reason ? ` (${reason})` : ''}`,
    reopenBeforeDone: (id: string, doneOn: string, date: string) => `${id} was done on ${doneOn} and cannot be reopened on an earlier date (${date}); give the date of reopening with --as-of`,
    needStatusReason: (status: string) => `setting the status to "${status}" needs its reason, e.g. --reason "decided by the district executive meeting"; the date and reason go into the status changes`,
    unknownField: (field: string, suggestion: string | undefined, fields: string) =>
      `cannot set "${field}"${suggestion ? `; did you mean "${suggestion}"?` : ''}; fields: ${fields}`,
    useDone: (id: string) => `to mark it done use tasks done ${id} [--on DATE], which records the completion date too`,
    badStatus: (value: string) => `unknown status "${value}"; one of: not_started, in_progress, suspended, cancelled (use tasks done to finish a task)`,
    badDeadline: (value: string, year: number) =>
      `cannot read the deadline "${value}"; write 2020-06-30, 2020年6月30日, 6月底, 年底前, 三季度末, 上半年, 长期坚持 … (read for ${year})`,
    deadlineResolved: (text: string, date: string) => `deadline "${text}" read as ${date}`,
    sameValue: (field: string) => `${field} is unchanged`,
    setOk: (id: string, field: string, from: string, to: string) => `changed ${field} of ${id}: ${from} → ${to}`,
    setCommit: (id: string, field: string, from: string, to: string, reason: string | undefined) =>
      `Changed ${id}: ${field} ${from} → ${to}${reason ? ` (${reason})` : ''}`,
    empty: '(empty)',
    milestoneAdded: (id: string, title: string, due: string) => `added a milestone to ${id}: ${title} (due ${due})`,
    milestoneAddCommit: (id: string, title: string, due: string) => `Milestone ${id}: added "${title}" (due ${due})`,
    milestoneDone: (id: string, title: string, date: string) => `milestone "${title}" of ${id} done on ${date}`,
    milestoneDoneCommit: (id: string, title: string, date: string) => `Milestone ${id}: "${title}" done (${date})`,
    unknownMilestone: (id: string, which: string, titles: string[]) =>
      `task ${id} has no milestone "${which}"${titles.length ? `; its milestones: ${titles.map((t, i) => `${i + 1}. ${t}`).join('; ')}` : ' and no milestones yet'}`,
    ambiguousMilestone: (which: string, titles: string[]) => `"${which}" matches several milestones: ${titles.join('; ')}; write the whole name or its number`,
    milestoneAlreadyDone: (title: string, date: string) => `milestone "${title}" was done on ${date}`,
    badMilestoneAction: (action: string) => `unknown action "${action}"; use add or done`,
    needDue: 'a new milestone needs its due date, e.g. --due 2020-06-30 or --due 6月底',
    unknownTarget: (id: string, name: string, names: string[]) =>
      `task ${id} has no target "${name}"${names.length ? `; its targets: ${names.join(', ')}` : ' and no targets yet'}`,
    needActual: 'give the actual value with --actual, e.g. --actual 28',
  },
  create: {
    missing: (flags: string[]) => `missing ${flags.join(', ')}; e.g. tasks new --title "推进老旧小区改造" --lead 分管城建副区长 --unit 区住建局 --deadline 年底前`,
    ask: (label: string) => `${label}: `,
    created: (id: string, file: string, title: string) => `created task ${id} (${file}): ${title}`,
    commit: (id: string, title: string) => `New ${id}: ${title}`,
    exists: (id: string) => `the id ${id} is taken; choose another, or leave out --id to number it automatically`,
    startsToday: (date: string, yearStart: string) => `start recorded as ${date}, the day it was added: feedback owed and time elapsed count from then; add --start ${yearStart} to count from the start of the year`,
    needYear: 'the settings have no year (year in tasks.config.yaml); give --id, or add year: 2020 to the settings',
  },
  init: {
    exists: (dir: string) => `${dir} already holds a plan (tasks.config.yaml or tasks/); nothing was changed`,
    needYear: 'give the plan year with --year, e.g. tasks init --year 2021 --title "某某区2021年重点工作"',
    created: (dir: string) => `created a plan in ${dir}`,
    gitInit: 'initialised a git repository',
    committed: 'committed: plan created',
    defaultTitle: (year: number) => `Key work ${year}`,
    commit: (title: string) => `Plan created: ${title}`,
    next: [
      'Next:',
      '  tasks import notice notice.txt     draft tasks from a key-work notice',
      '  tasks import xlsx ledger.xlsx      import an existing Excel ledger',
      '  tasks new --title … --lead … --unit … --deadline …   add a task',
      '  list the lead officials and units in tasks.config.yaml, in protocol order',
    ].join('\n'),
    configComments: {
      head: '# Plan settings. Every setting has a default; write only what you change.',
      title: '# the plan title, used in report titles',
      year: '# the year, to read deadlines such as 年底前 and 6月底, and to number new tasks',
      lang: '# language: zh or en',
      timezone: '# the time zone of "today"',
      warning: '# yellow when the deadline or a milestone is this many days away or fewer',
      tolerance: '# yellow when the reported percent is this many points behind the time elapsed',
      roster: '# the roster: lead officials and units in protocol order; every view follows it',
    },
  },
  hook: {
    notRepo: (dir: string) => `${dir} is not in a git repository; run git init (or tasks init) first`,
    exists: (path: string) => `another pre-commit hook is installed: ${path}; add --force to replace it`,
    installed: (path: string) => `installed the pre-commit hook: ${path} (staged task files are checked before each commit)`,
  },
  undo: {
    none: 'nothing to undo (only commits made by a tasks command and not yet undone can be undone)',
    noRepo: 'the plan is not in a git repository, so there is nothing to undo',
    later: (subject: string, files: string, later: string) =>
      `cannot undo "${subject}": a later commit (${later}) changed ${files} again; use git revert by hand`,
    dirty: (files: string) => `cannot undo: ${files} has uncommitted changes; commit or drop them first`,
    staged: 'cannot undo: other changes are staged; commit them (git commit) or unstage them (git restore --staged <file>) first',
    failed: (detail: string) => `undo failed: ${detail}`,
    ok: (subject: string) => `undone: ${subject} (by a new commit; the history is kept)`,
    commit: (subject: string) => `Undo: ${subject}`,
  },
};
