// The audit trail (git commits): before changing anything, ask git whether a commit can follow; if
// not, say why and what to do.
import type { Blocker } from '../../store/git.js';
import type { trail as zh } from '../zh/trail.js';

const UNCHANGED = 'so nothing was changed';

const OPERATIONS: Record<Extract<Blocker, { why: 'in_progress' }>['operation'], string> = {
  rebase: `a rebase is in progress, and a commit made now would be lost by git rebase --abort, ${UNCHANGED}. Finish it (git rebase --continue) or abort it (git rebase --abort) first`,
  am: `git am is applying patches, ${UNCHANGED}. Finish it (git am --continue) or abort it (git am --abort) first`,
  merge: `a merge is in progress, ${UNCHANGED}. Resolve it and commit (git commit), or abort it (git merge --abort) first`,
  cherry_pick: `a cherry-pick is in progress, ${UNCHANGED}. Finish it (git cherry-pick --continue) or abort it (git cherry-pick --abort) first`,
  revert: `a git revert is in progress, ${UNCHANGED}. Finish it (git revert --continue) or abort it (git revert --abort) first`,
  bisect: `git bisect is under way and an old version is checked out, ${UNCHANGED}. End it (git bisect reset) first`,
};

export const trail: ReturnType<typeof zh> = {
  trail: {
    blocked: (b) => {
      switch (b.why) {
        case 'git_missing':
          return `the plan is in a git repository (${b.gitDir}) but git cannot be found, so the change could not be recorded and ${UNCHANGED}. Install git (apt-get install git) or put it on PATH; add --no-commit if the change need not be recorded`;
        case 'unsafe':
          return `git refuses the repository ${b.dir}: it belongs to another system user ("dubious ownership"), so the change could not be recorded and ${UNCHANGED}. If the repository is trusted, run git config --global --add safe.directory '${b.dir}', or run tasks as its owner`;
        case 'in_progress':
          return OPERATIONS[b.operation];
        case 'detached':
          return `no branch is checked out (detached HEAD), and a commit made now would be lost on the next checkout, ${UNCHANGED}. Switch to a branch first, e.g. git switch main`;
        case 'conflicts':
          return `the repository has unresolved conflicts (${b.files.join(', ')}), ${UNCHANGED}. Resolve them and commit first`;
        case 'index_lock':
          return `git's lock file ${b.path} exists: another git command may be running, or git was interrupted and left it behind; ${UNCHANGED}. If no git command is running, delete it (rm '${b.path}') and try again`;
        case 'signing':
          return `the repository signs commits (commit.gpgsign) but signing fails (git says: ${b.detail}), so the change could not be recorded and ${UNCHANGED}. Check gpg and the signing key (try git commit --allow-empty -m test), or turn signing off for this repository: git config commit.gpgsign false`;
        case 'broken':
          return `git cannot use this repository (git says: ${b.detail}), ${UNCHANGED}. Check the .git folder, or ask for the repository to be repaired`;
      }
    },
    commitFailed: (reason, status) =>
      `the git commit failed (${reason}, git exit status ${status ?? 'none'}). The file was put back as it was and the change was not saved; run the command again once this is fixed`,
    gitSaid: (line) => `git says: ${line}`,
    recovered: (files) => `(an earlier change was interrupted before its commit: ${files.join(', ')} put back as last committed.)`,
  },
};
