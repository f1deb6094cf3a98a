// tasks resolve ID FIELD ours|theirs|VALUE: settles a field both sides of a merge changed
// differently, keeping ours, taking theirs, or setting a new value; the last one settled
// finishes the merge.
import { parseDateInput } from '../core/dates.js';
import type { MergePath } from '../core/merge.js';
import { readNumber, readStatus, splitNames } from '../core/words.js';
import type { Session } from '../context.js';
import { EXIT, UserError } from '../errors.js';
import { formatProblem } from '../i18n/index.js';
import { note, say } from '../cli/output.js';
import type { Plan } from '../store/load.js';
import { fieldLabel, fieldSchema, formatPath, kindOf, oursData, showValue } from '../store/merge.js';
import { conflictFile, resolveConflict, type Choice } from '../store/resolve.js';
import { describeConflicts } from '../cli/sync.js';

export interface ResolveOptions {
  id: string;
  field: string;
  choice: string;
}

const SIDES: Record<string, 'ours' | 'theirs'> = { ours: 'ours', 本方: 'ours', theirs: 'theirs', 对方: 'theirs' };

/** What the clerk typed, read as the field's schema says: a date, a number, a status, names. */
function reader(session: Session, kind: 'task' | 'config', text: string): (path: MergePath) => unknown {
  const { m } = session;
  return (path) => {
    const schema = fieldSchema(kind, path);
    const types = Array.isArray(schema?.type) ? schema.type : [schema?.type];
    const value = text.trim();
    if (schema?.format === 'date') {
      const date = parseDateInput(value, session.asOf);
      if (!date) throw new UserError(m.errors.badDate(formatPath(path), value));
      return date;
    }
    if (types.includes('number') || types.includes('integer')) {
      const n = readNumber(value);
      if (n === undefined) throw new UserError(m.errors.badNumber(value));
      return n;
    }
    if (path.at(-1) === 'status' || path.at(-1) === 'from' || path.at(-1) === 'to') {
      const status = schema?.enum?.includes(value) ? value : readStatus(value);
      if (status) return status;
    }
    if (types.includes('array')) {
      const names = splitNames(value);
      return types.includes('string') && names.length === 1 ? names[0] : names;
    }
    return value;
  };
}

export async function runResolve(options: ResolveOptions, plan: Plan, session: Session): Promise<number> {
  const { m } = session;
  const id = options.id.trim();
  const file = conflictFile(plan.root, id);
  if (!file) throw new UserError(m.edit.unknownId(id, []));
  const kind = kindOf(file);
  const side = SIDES[options.choice.trim()];
  const choice: Choice = side ? { side } : { read: reader(session, kind, options.choice) };
  const outcome = await resolveConflict(plan.root, file, options.field, choice, plan.config, m, session.asOf);
  if (!outcome.ok) {
    switch (outcome.reason) {
      case 'no_conflict':
        throw new UserError(m.resolve.notConflicted(file), EXIT.USAGE);
      case 'unknown_field':
        throw new UserError(m.resolve.unknownField(file, options.field, outcome.fields));
      case 'ambiguous':
        throw new UserError(m.resolve.ambiguous(options.field, outcome.fields));
      case 'by_hand':
        throw new UserError(m.resolve.byHand(file, outcome.line), EXIT.DATA);
      case 'group':
        throw new UserError(m.resolve.group(outcome.fields));
      case 'not_in_place':
        throw new UserError(m.resolve.byHand(file, 1), EXIT.DATA);
      case 'invalid':
        throw new UserError([m.resolve.invalid(file), ...outcome.problems.map((p) => `  ${formatProblem(p, m)}`)].join('\n'), EXIT.DATA);
    }
  }
  if (['all', '全部', '*'].includes(options.field.trim())) say(session, m.resolve.doneAll(id, side === 'theirs' ? m.merge.theirs : m.merge.ours));
  else {
    const path = outcome.paths[0]!;
    const data = oursData(outcome.text);
    const value = path.reduce<unknown>((node, s) => (node && typeof node === 'object' ? (node as Record<string | number, unknown>)[s] : undefined), data);
    say(session, m.resolve.done(id, fieldLabel(path, data, m, kind), showValue(value, m)));
  }
  if (outcome.remaining > 0) {
    note(session, m.resolve.remaining(file, outcome.remaining));
    return EXIT.OK;
  }
  if (!outcome.merge) return EXIT.OK;
  if (outcome.merge.finished) {
    say(session, m.resolve.finished);
    return EXIT.OK;
  }
  if (outcome.merge.conflicts.length > 0) {
    note(session, m.resolve.pending(outcome.merge.conflicts.length));
    describeConflicts(session, outcome.merge.conflicts);
    return EXIT.OK;
  }
  note(session, m.resolve.problems);
  for (const p of outcome.merge.problems) note(session, `  ${formatProblem(p, m)}`);
  return EXIT.DATA;
}
