// What both importers do with their drafts: find the task each one is (by the id its source gives,
// else by its title; a notice's line as the last resort, never a sheet's row), give the others ids
// the plan has never used, write them, bring the names they use into the roster in protocol order,
// and commit it all in one commit saying what and from where.
import { relative } from 'node:path';
import { allocateIds } from '../core/ids.js';
import { leadNames, nearMisses, resolveName, unitNames } from '../core/roster.js';
import { leadsOf, UNASSIGNED, type Task } from '../core/task.js';
import type { Session } from '../context.js';
import type { Draft } from '../import/drafts.js';
import { oneLine } from '../render/text.js';
import { checkCommit, commitFiles, inside } from '../store/commit-files.js';
import { existingDrafts, schemaPathFor, writeDrafts, type DraftState } from '../store/drafts.js';
import { CONFIG_FILE, type Plan } from '../store/load.js';
import { InputError, readInputFile } from '../store/input.js';
import { addToRoster } from '../store/plan-files.js';
import { commitMessage } from '../store/trailers.js';
import { idSeries } from '../store/share.js';
import { repoContext } from '../store/sync.js';
import { EXIT, ioError, UserError } from '../errors.js';
import { ioReason, note } from './output.js';

export interface SourcedDraft {
  /** the id the source gives, if any */
  id: string | undefined;
  task: Omit<Task, 'id'>;
  source: string;
  comment: (checksum: string) => string;
  /** fields filled in by the importer, not read from the source */
  defaults: ReadonlyArray<keyof Task>;
  /** the source's place may find the task when nothing else does (a notice's line; never a sheet's row) */
  matchBySource: boolean;
}

export interface DraftWords {
  wrote: (state: 'created' | 'updated', path: string, title: string) => string;
  skipped: (path: string) => string;
  cannotWrite: (path: string, detail: string) => string;
}

type DraftCounts = Record<DraftState, number>;

const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** The bytes of a file to import, or a message saying why it cannot be read. */
export function readImportFile(session: Session, path: string): Buffer {
  try {
    return readInputFile(path, MAX_INPUT_BYTES);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const e = session.m.errors;
    const message =
      error.kind === 'missing' ? e.inputMissing(path) : error.kind === 'not_a_file' ? e.inputNotAFile(path, session.m.io.kind(error.detail)) : error.kind === 'too_large' ? e.inputTooLarge(path, error.limit) : e.inputUnreadable(path);
    throw new UserError(message, EXIT.DATA, { cause: error });
  }
}

/** A title as compared across imports: without spaces and punctuation. */
function titleKey(title: string): string {
  return title.replace(/[\s，,。.；;：:、“”"'‘’（）()【】[\]…]/g, '').toLowerCase();
}

/**
 * The id of each draft: the one its source gives; else the task of the same title (each task
 * found once); else, where allowed, the task an earlier import drafted from the same place; else
 * a new id the plan has never used.
 */
function placeDrafts(drafts: readonly SourcedDraft[], existing: ReturnType<typeof existingDrafts>, year: number, taken: readonly string[], series: string | undefined): string[] {
  const claimed = new Set(drafts.flatMap((d) => (d.id ? [d.id] : [])));
  const byTitle = new Map<string, string[]>();
  for (const [id, title] of existing.titles) {
    const key = titleKey(title);
    if (!(byTitle.get(key) ?? []).includes(id)) byTitle.set(key, [...(byTitle.get(key) ?? []), id]);
  }
  const given = drafts.map((d) => {
    if (d.id) return d.id;
    const same = (byTitle.get(titleKey(d.task.title)) ?? []).find((id) => !claimed.has(id));
    if (same) {
      claimed.add(same);
      return same;
    }
    return undefined;
  });
  // a notice's sentence reworded keeps the id of the draft its line gave, when no other draft took it
  drafts.forEach((d, i) => {
    if (given[i] !== undefined || !d.matchBySource) return;
    const id = existing.sources.get(d.source)?.find((x) => !claimed.has(x));
    if (id) {
      claimed.add(id);
      given[i] = id;
    }
  });
  return allocateIds(given, year, taken, series);
}

export interface ImportOptions {
  outDir: string;
  year: number;
  force: boolean;
  dryRun: boolean;
  /** the plan's folder when the drafts go into it and should be committed there */
  commitRoot: string | undefined;
  /** more files the commit will hold (the settings, when the roster grows) */
  alsoCommitted: readonly string[];
  /** the reason a deadline moved by a re-import is recorded with */
  deadlineReason: string;
}

export interface ImportResult {
  counts: DraftCounts;
  total: number;
  /** the files written (absolute) */
  written: string[];
  /** the plan is in a repository and the import is to be committed */
  commit: boolean;
}

/**
 * Writes the drafts into outDir (see the head of this file). When the import is to be committed,
 * checks first that it can be: an identity, and no hand edits in the files it would write.
 */
export function writeImported(session: Session, plan: Plan | undefined, drafts: readonly SourcedDraft[], options: ImportOptions, words: DraftWords): ImportResult {
  const { io } = session;
  const existing = existingDrafts(options.outDir);
  const taken = [...(plan?.tasks.map((t) => t.task.id) ?? []), ...existing.ids];
  const ids = placeDrafts(drafts, existing, options.year, taken, plan ? idSeries(repoContext(plan.root)).code : undefined);
  const placed: Draft[] = drafts.map((d, i) => ({ id: ids[i]!, task: d.task, source: d.source, comment: d.comment, defaults: d.defaults }));
  const write = (dryRun: boolean) => {
    try {
      return writeDrafts(placed, {
        outDir: options.outDir,
        schemaPath: schemaPathFor(plan?.root, options.outDir),
        force: options.force,
        dryRun,
        merge: { asOf: session.asOf, deadlineReason: options.deadlineReason },
      });
    } catch (error) {
      throw ioError(words.cannotWrite(options.outDir, ioReason(session, error)), error);
    }
  };
  let outcomes = write(true);
  let commit = false;
  if (!options.dryRun) {
    if (options.commitRoot) {
      const paths = outcomes.filter((o) => o.state === 'created' || o.state === 'updated').flatMap((o) => inside(options.commitRoot!, o.path) ?? []);
      commit = assertCanCommit(session, options.commitRoot, [...paths, ...options.alsoCommitted]);
    }
    outcomes = write(false);
  }
  const counts: DraftCounts = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
  for (const o of outcomes) {
    counts[o.state]++;
    const shown = relative(io.cwd, o.path) || o.path;
    if (o.state === 'skipped') io.stderr.write(`${words.skipped(shown)}\n`);
    else if ((o.state === 'created' || o.state === 'updated') && !session.flags.quiet) io.stdout.write(`${words.wrote(o.state, shown, oneLine(o.draft.task.title))}\n`);
  }
  const written = options.dryRun ? [] : outcomes.filter((o) => o.state === 'created' || o.state === 'updated').map((o) => o.path);
  return { counts, total: drafts.length, written, commit };
}

/** Whether the files can be committed after they are written (false outside a repository); refuses when they cannot. */
function assertCanCommit(session: Session, root: string, paths: readonly string[]): boolean {
  const check = checkCommit(root, paths);
  if (check.ok) return check.versioned;
  const w = session.m.importCommit;
  throw new UserError(check.reason === 'no_identity' ? w.noIdentity : w.dirty(check.files.join('、')), EXIT.DATA);
}

/**
 * The officials and units of the drafts as the roster knows them: a name that is the only known
 * name it starts with or is part of, or a near-miss of one, becomes that name (said on stderr);
 * a name close to several is kept as written and left out of the roster (said too); of two new
 * names one of which is a slip for the other, the longer stands for both.
 */
export function resolveImportedNames(session: Session, plan: Plan | undefined, drafts: SourcedDraft[]): { leads: string[]; units: string[] } {
  const { m } = session;
  const tasks = plan?.tasks.map((t) => t.task) ?? [];
  const roster = plan?.config.roster ?? { leads: [], units: [] };
  const keep = { leads: [] as string[], units: [] as string[] };
  for (const key of ['leads', 'units'] as const) {
    const what = key === 'leads' ? m.names.lead : m.names.unit;
    const known = (key === 'leads' ? leadNames(roster, tasks) : unitNames(roster, tasks)).filter((n) => n !== UNASSIGNED);
    const met = [...new Set(drafts.flatMap((d) => (key === 'leads' ? leadsOf(d.task) : d.task.units)).filter((n) => n !== UNASSIGNED))];
    const mapping = new Map<string, string>();
    const refused = new Set<string>();
    for (const name of met) {
      const found = resolveName(name, known);
      if (found.ok && found.known) {
        if (found.name !== name) mapping.set(name, found.name);
      } else if (!found.ok && found.reason === 'near' && found.candidates.length === 1) mapping.set(name, found.candidates[0]!);
      else if (!found.ok) refused.add(name);
    }
    // new names among themselves: the longer of two near names stands for both
    const fresh = met.filter((n) => !mapping.has(n) && !refused.has(n) && !known.includes(n));
    for (const name of fresh) {
      const longer = nearMisses(name, fresh).filter((other) => other.length > name.length).sort((a, b) => b.length - a.length)[0];
      if (longer) mapping.set(name, longer);
    }
    for (const [from, to] of mapping) note(session, m.names.resolved(what, from, to));
    for (const name of refused) {
      const found = resolveName(name, known);
      note(session, m.names.notAdded(what, name, found.ok ? [] : found.candidates));
    }
    const rename = (n: string) => mapping.get(n) ?? n;
    for (const d of drafts) {
      if (key === 'leads') {
        const leads = [...new Set(leadsOf(d.task).map(rename))];
        d.task.lead = leads.length === 1 ? leads[0]! : leads;
      } else d.task.units = [...new Set(d.task.units.map(rename))];
    }
    keep[key] = [...new Set(met.map(rename))].filter((n) => !refused.has(n));
  }
  return keep;
}

export interface RosterWords {
  roster: (leads: string[], units: string[], path: string, dryRun: boolean) => string;
  rosterNotUpdated: (path: string, detail: string) => string;
  rosterInvalid: string;
  rosterNotList: string;
  cannotWrite: (path: string, detail: string) => string;
}

/**
 * What an import does in git: whether the roster of the plan at `planRoot` grows, and the root to
 * commit in — none without a plan, with commits off, or for drafts written outside the plan.
 */
export function importPlace(
  plan: Plan | undefined,
  planRoot: string | undefined,
  outDir: string,
  commit: boolean,
  names: { leads: string[]; units: string[] },
): { rosterGrows: boolean; commitRoot: string | undefined } {
  if (planRoot === undefined) return { rosterGrows: false, commitRoot: undefined };
  const commitRoot = commit && (plan?.config.commit ?? true) && inside(planRoot, outDir) ? planRoot : undefined;
  return { rosterGrows: rosterWouldGrow(planRoot, names), commitRoot };
}

/** Whether adding these names would change the roster of the plan at `root`. */
function rosterWouldGrow(root: string, names: { leads: string[]; units: string[] }): boolean {
  if (names.leads.length + names.units.length === 0) return false;
  const outcome = addToRoster(root, names.leads, names.units, true);
  return !('refused' in outcome) && outcome.added.leads.length + outcome.added.units.length > 0;
}

/** Adds the names to the roster of the plan at `root` in protocol order; says what was added, or why not. */
export function addNamesToRoster(session: Session, root: string, names: { leads: string[]; units: string[] }, dryRun: boolean, words: RosterWords): { leads: number; units: number } {
  const { io } = session;
  const configPath = `${root}/${CONFIG_FILE}`;
  let outcome;
  try {
    outcome = addToRoster(root, names.leads, names.units, dryRun);
  } catch (error) {
    throw ioError(words.cannotWrite(configPath, (error as Error).message), error);
  }
  if ('refused' in outcome) {
    const detail = outcome.refused === 'unreadable' ? outcome.detail : outcome.refused === 'invalid' ? words.rosterInvalid : words.rosterNotList;
    io.stderr.write(`${words.rosterNotUpdated(configPath, detail)}\n`);
    return { leads: 0, units: 0 };
  }
  const { leads, units } = outcome.added;
  if ((leads.length > 0 || units.length > 0) && !session.flags.quiet) io.stderr.write(`${words.roster(leads, units, relative(io.cwd, configPath) || configPath, dryRun)}\n`);
  return { leads: leads.length, units: units.length };
}

/** One commit of what the import wrote (the task files and the settings), with `summary` as its message. */
export function commitImport(session: Session, root: string, written: readonly string[], rosterChanged: boolean, summary: string): void {
  const paths = [...written.flatMap((p) => inside(root, p) ?? []), ...(rosterChanged ? [CONFIG_FILE] : [])];
  if (paths.length === 0) return;
  const result = commitFiles(root, paths, commitMessage(summary, { command: 'import' }));
  if (!result.ok) throw new UserError(session.m.importCommit.failed(result.detail), EXIT.IO);
  if (!session.flags.quiet) session.io.stderr.write(`${session.m.importCommit.committed(paths.length)}\n`);
}
