// tasks undo: reverts the last change a tasks command committed, as a new commit (history is never
// rewritten). Refuses when that change has been built on since.
import type { Session } from '../context.js';
import { EXIT, UserError } from '../errors.js';
import { say } from '../cli/output.js';
import type { Plan } from '../store/load.js';
import { undoLast } from '../store/undo.js';

export async function runUndo(_options: Record<string, never>, plan: Plan, session: Session): Promise<number> {
  const { m } = session;
  const outcome = undoLast(plan.root, m.undo.commit);
  if (outcome.ok) {
    say(session, m.undo.ok(outcome.subject));
    return EXIT.OK;
  }
  switch (outcome.reason) {
    case 'no_repo':
      throw new UserError(m.undo.noRepo, EXIT.DATA);
    case 'none':
      throw new UserError(m.undo.none, EXIT.DATA);
    case 'later':
      throw new UserError(m.undo.later(outcome.subject, outcome.files.join('、'), outcome.later.join('；')), EXIT.DATA);
    case 'dirty':
      throw new UserError(m.undo.dirty(outcome.files.join('、')), EXIT.DATA);
    case 'staged':
      throw new UserError(m.undo.staged, EXIT.DATA);
    case 'failed':
      throw new UserError(m.undo.failed(outcome.detail), EXIT.IO);
  }
}
