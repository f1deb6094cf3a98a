// tasks merge-driver BASE OURS THEIRS PATH: run by git (`merge.tasks.driver`) for a task file or the
// settings changed on both sides of a merge, by `tasks sync`, `tasks bundle import`, and a `git
// merge` or `git pull` typed by hand. Exit 0 when merged; 1 when a person must decide (git then
// marks the file as conflicted and keeps what was written).
import { idFromFile } from '../core/checks.js';
import type { Session } from '../context.js';
import { EXIT, UserError } from '../errors.js';
import { formatProblem } from '../i18n/index.js';
import { note } from '../cli/output.js';
import { runDriver } from '../store/resolve.js';
import { describeBlocks, formatPath } from '../store/merge.js';

export interface MergeDriverOptions {
  base: string;
  ours: string;
  theirs: string;
  path: string;
}

export async function runMergeDriver(options: MergeDriverOptions, _plan: undefined, session: Session): Promise<number> {
  if (!options.base || !options.ours || !options.theirs || !options.path) throw new UserError(session.m.share.driverUsage);
  const { file, m, result } = await runDriver({ ...options, cwd: session.io.cwd }, session.m.lang);
  const id = file.endsWith('tasks.config.yaml') ? 'tasks.config.yaml' : idFromFile(file);
  switch (result.outcome) {
    case 'clean':
      return EXIT.OK;
    case 'conflicts':
      for (const [i, line] of describeBlocks(file, result.text, m).entries()) {
        note(session, line);
        const block = result.conflicts[i];
        if (block && block.paths.length === 1) note(session, m.merge.resolveHint(id, formatPath(block.paths[0]!)));
      }
      return EXIT.DATA;
    case 'invalid':
      note(session, m.merge.invalid(file));
      for (const p of result.problems) note(session, `  ${formatProblem(p, m)}`);
      return EXIT.DATA;
    case 'unmergeable':
      for (const p of result.problems) note(session, formatProblem(p, m));
      note(session, m.merge.byLines(file));
      return EXIT.DATA;
  }
}
