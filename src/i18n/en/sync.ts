// Several copies of one plan: sync, field-by-field merges, conflicts, bundles, roll-ups, id series.
import type { sync as zh } from '../zh/sync.js';

type Count = { total: number; byUnit: ReadonlyArray<{ unit: string; count: number }> };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const parts = (c: Count) => c.byUnit.map((p) => `${p.unit || 'other'} ${p.count}`).join(', ');
const received = (c: Count) => (c.total === 0 ? 'no changes received' : `received ${plural(c.total, 'change')}${c.byUnit.length > 0 ? ` (${parts(c)})` : ''}`);

export const sync: ReturnType<typeof zh> = {
  merge: {
    ours: 'ours',
    theirs: 'theirs',
    none: '(none)',
    settings: { title: 'plan title', roster: 'roster', leads: 'lead officials', units: 'units', office: 'own office', plans: 'plans', path: 'folder', url: 'address', branch: 'branch' } as Record<string, string>,
    item: (list: string, name: string | undefined, n: number) => (name ? `${list} “${name}”` : `${list} #${n}`),
    join: (parts: readonly string[]) => parts.join(' '),
    conflict: (file: string, line: number, field: string, ours: string, theirs: string) => `${file}:${line}: ${field}: ours ${ours}, theirs ${theirs}`,
    lines: (file: string, line: number, fields: readonly string[]) => `${file}:${line}: ${fields.join(', ')}: changed on both sides; choose in the file`,
    resolveHint: (id: string, field: string) => `  tasks resolve ${id} ${field} ours|theirs|VALUE`,
    byLines: (file: string) => `${file}: cannot be merged field by field, merged line by line instead; open it, keep the right lines and delete the <<<<<<< ======= >>>>>>> markers`,
    invalid: (file: string) => `${file}: the merge breaks a rule (every entry was kept); please fix:`,
  },
  sync: {
    summary: (r: Count, sent: number | undefined) =>
      r.total === 0 && sent === 0 ? 'up to date: nothing received, nothing sent' : `${received(r)}${sent ? `, sent ${sent}` : ''}`,
    received: (r: Count) => received(r),
    kept: (file: string) => `note: ${file} was deleted on one side and changed on the other; the changed file is kept. To delete it, run git rm ${file} and commit`,
    noRepo: 'the plan is not in a git repository, so it cannot be synced; run git init, or create the plan with tasks init',
    noRemote: 'no remote repository yet. The first time, give its address: tasks sync https://git.example.org/office/2020.git (a repository in a shared folder works too)',
    detached: 'git is not on a branch (detached HEAD), so the plan cannot be synced; run git switch main (or the plan’s branch) first',
    noIdentity: 'git does not know who is committing, so the merge cannot be recorded; run git config --global user.name "Your Name" and git config --global user.email "you@example.org"',
    dirty: (files: readonly string[]) => `uncommitted changes in ${files.join(', ')}. Commit (git commit) or undo (git checkout -- FILE) them before syncing; nothing was changed`,
    unreachable: (remote: string, url: string) => `cannot reach the remote ${remote} (${url}); check the network and the address. Nothing was changed here; run tasks sync again later`,
    unrelated: (remote: string) =>
      `the plan on the remote ${remote} shares no history with this one (another plan, or uploaded anew); nothing was changed. Check the address (git remote -v) or ask the administrator`,
    refused: (remote: string) => `the remote ${remote} refused this plan’s changes:`,
    outgoingInvalid: 'the changes to send break the rules and were not sent:',
    notSent: 'your changes (and the merge) are saved here, nothing is lost; run tasks sync again once the problem is fixed',
    failed: (remote: string) => `could not send to the remote ${remote}. Your changes (and the merge) are saved here, nothing is lost; run tasks sync again later`,
    moved: 'plan files changed while syncing, so the sync stopped with nothing changed; run tasks sync again',
    stopped: (r: Count) => `${received(r)}; some need your decision:`,
    howTo: [
      'Choose for each, then run tasks sync again to finish:',
      '  tasks resolve ID FIELD ours      keep our value',
      '  tasks resolve ID FIELD theirs    take their value',
      '  tasks resolve ID FIELD VALUE     set a new value',
      'To give up this merge and go back to before the sync: tasks sync --abort',
    ].join('\n'),
    waiting: 'the last sync’s merge is not finished yet; these need your decision:',
    lines: (file: string, line: number) => `${file}:${line}: both sides changed the same lines, which cannot be merged field by field; open the file, keep the right lines and delete the <<<<<<< ======= >>>>>>> markers`,
    other: (file: string) => `${file}: conflicting changes (not a task file); see git status, fix it, then git add ${file}`,
    invalid: (file: string) => `${file}: the merge breaks a rule (both sides’ content was kept); please fix:`,
    problems: 'the merged plan has these problems; fix them, then run tasks sync again:',
    aborted: 'the merge was given up; the plan is as it was before the sync',
    nothingToAbort: 'no merge in progress',
    mergeMessage: (from: string, n: number) => `Sync: merge ${plural(n, 'change')} from ${from}`,
    addedRemote: (url: string) => `${url} is now the remote origin`,
    remoteExists: (url: string) => `the remote origin is already set (${url}); to change it, run git remote set-url origin NEW-ADDRESS`,
    plans: (office: string, r: Count) => `${office}: ${received(r)}`,
    planFailed: (office: string, url: string) => `could not fetch the plan of ${office} (${url}); the roll-up uses what was fetched last`,
  },
  resolve: {
    extensionReason: (moves: string) => `deadline settled in a merge (the two sides had moved it to ${moves})`,
    noMerge: 'no merge in progress and no conflict to resolve',
    notConflicted: (file: string) => `${file} has no conflict to resolve`,
    unknownField: (file: string, field: string, fields: readonly string[]) =>
      `${file} has no conflict on “${field}”${fields.length ? `; waiting: ${fields.join(', ')}` : ''}`,
    ambiguous: (field: string, fields: readonly string[]) => `“${field}” matches several conflicts: ${fields.join(', ')}; write the full field, e.g. ${fields[0]}`,
    byHand: (file: string, line: number) => `${file}:${line}: this conflict is marked line by line; choose in the file, or take one side for all with tasks resolve ID all ours|theirs`,
    group: (fields: readonly string[]) => `this conflict covers ${fields.join(', ')} together; choose ours or theirs for all of them`,
    done: (id: string, field: string, value: string) => `resolved ${field} of ${id}: ${value}`,
    doneAll: (id: string, side: string) => `resolved every conflict of ${id}: took ${side}`,
    remaining: (file: string, n: number) => `${file} has ${plural(n, 'more conflict')}`,
    invalid: (file: string) => `with that choice ${file} would break the rules; nothing was changed:`,
    pending: (n: number) => `${plural(n, 'file')} still to resolve; then run tasks sync`,
    finished: 'every conflict is resolved and the merge is done. Run tasks sync to send it',
    problems: 'the conflicts are resolved, but the plan has these problems; fix them, then run tasks sync:',
  },
  bundle: {
    exported: (n: number, file: string, since: string | undefined) =>
      `exported ${plural(n, 'change')} to ${file}${since ? ` (changes after ${since}; the other side must have imported the earlier files)` : ' (the whole plan)'}`,
    nothingNew: 'nothing new since the last exchange; no file written (add --since all for a full export)',
    badSince: (value: string) => `--since “${value}” is not understood; give a date (2020-09-30), all (everything) or a commit id`,
    lastExchange: 'the last exchange',
    notBundle: (file: string) => `${file} is not a plan exchange file, or it is damaged or incomplete; copy it again or ask for a new export. Nothing was changed here`,
    baseMissing: (file: string, n: number) =>
      `${file} continues an earlier exchange file that this plan has not imported (${plural(n, 'commit')} missing); import the earlier files in order, or ask for a full export (tasks bundle export --since all). Nothing was changed here`,
    otherPlan: (file: string) => `${file} comes from another plan (no shared history); nothing was changed here`,
    noBranch: (file: string) => `${file} holds no branch of a plan; ask for a new export with tasks bundle export`,
    nothingToImport: (file: string) => `this plan already has every change in ${file}; nothing to import`,
    cannotWrite: (file: string) => `cannot write ${file}: check that the folder exists and is writable (is the USB stick in?)`,
    missing: (file: string) => `file not found: ${file}`,
  },
  rollup: {
    ownOffice: 'own',
    office: 'Office',
    notFetched: (office: string, url: string) => `the plan of ${office} (${url}) has not been fetched yet; run tasks sync`,
    missingFolder: (office: string, path: string) => `the plan folder of ${office} is missing: ${path}; check plans in tasks.config.yaml`,
    foreign: (id: string, office: string) => `${id} belongs to the plan of ${office}; change it in that plan`,
    unknownOffice: (name: string, offices: readonly string[]) => `no plan named “${name}”${offices.length ? `; choose from ${offices.join(', ')}` : ''}`,
    notRollup: '--office needs a roll-up of several plans (plans in tasks.config.yaml)',
  },
  clerk: {
    needed: (year: number) =>
      `this plan is shared, so new ids need this computer's own letter to stay unique: set one first, e.g. tasks sync --clerk B (new ids here will be ${year}-B001, ${year}-B002, …), or give an id with --id`,
    bad: (code: string) => `an id letter is 1 to 3 capital letters, e.g. B; got “${code}”`,
    set: (code: string, example: string) => `this computer's id letter is now ${code}: new tasks here are numbered from ${example}`,
    taken: (code: string, who: string) => `the id letter ${code} is already used by ${who}; choose another`,
    hint: 'hint: this plan is shared. To keep new ids unique, give this computer an id letter: tasks sync --clerk B',
  },
  share: {
    driver: 'task files now merge field by field (.gitattributes and this computer’s git merge.tasks settings)',
    attributesCommit: 'Merge rules: task files and settings merge field by field',
    serverInstalled: (path: string) => `installed the server check ${path}: every push runs tasks validate first, so an invalid plan cannot reach this repository`,
    serverNotRepo: (dir: string) => `${dir} is not a git repository (a server repository is usually a NAME.git folder)`,
    serverExists: (path: string) => `${path} is another program's pre-receive hook and was kept; add --force to replace it`,
    driverUsage: 'usage: tasks merge-driver BASE OURS THEIRS PATH (git runs it; there is no need to run it by hand)',
  },
  syncHelp: {
    cmd: {
      sync: 'sync with the remote: fetch others’ changes, merge field by field, check, then send ours',
      resolve: 'resolve a merge conflict: keep ours, take theirs, or set a new value for a field',
      bundle: 'offline exchange (USB stick): export and import changes',
      bundleExport: 'write the changes since the last exchange to one file',
      bundleImport: 'import an exchange file: check it, then merge field by field',
      hookServer: 'install a pre-receive check in a server repository (NAME.git): invalid plans cannot be pushed',
      mergeDriver: 'merge one task file field by field (run by git)',
    },
    arg: {
      remote: 'the remote’s address or name (the address the first time, then nothing)',
      field: 'field: deadline, or as in the conflict line, e.g. milestones[1].due; all for every conflict of the file',
      choice: 'ours, theirs, or the new value',
      bundleFile: 'exchange file (e.g. on a USB stick)',
      hub: 'the server’s git repository folder (NAME.git)',
    },
    opt: {
      abort: 'give up a merge in progress and go back to before the sync',
      clerk: "set this computer's id letter for new tasks (B: ids from 2020-B001)",
      since: 'changes since: a date, a commit id, or all (the whole plan); by default since the last exchange',
    },
  },
};
