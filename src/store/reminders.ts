// The register of 催办单 numbers (reminders.yaml in the plan, committed with it): numbers run per
// year and are never given twice. A notice to the same addressee for the same date keeps the
// number it was given, so printing it again does not use up a new one.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isSeq, parseDocument, stringify } from 'yaml';
import { commitPaths, hasIdentity, repoRoot } from './git.js';
import { LockTimeout, withLocks } from './lock.js';
import { writeFileAtomic } from './write.js';

const REMINDERS_FILE = 'reminders.yaml';

export interface Issued {
  year: number;
  number: number;
  date: string;
  to: string;
  by: 'unit' | 'lead';
  tasks: string[];
}

export interface Wanted {
  year: number;
  date: string;
  to: string;
  by: 'unit' | 'lead';
  tasks: string[];
}

export interface NumberingContext {
  root: string;
  commit: boolean;
  nowMs: () => number;
  pid: number;
  isAlive: (pid: number) => boolean;
  /** the first lines of a new register file (comments) */
  header: string;
}

export type RegisterFailure = { kind: 'broken'; line: number; column: number; detail: string } | { kind: 'busy' } | { kind: 'commit_failed'; detail: string };

export class RegisterRefused extends Error {
  constructor(readonly failure: RegisterFailure) {
    super(failure.kind);
  }
}

function readRegister(path: string): { text: string; issued: Issued[] } {
  if (!existsSync(path)) return { text: '', issued: [] };
  const text = readFileSync(path, 'utf8');
  const doc = parseDocument(text);
  const error = doc.errors[0];
  if (error) throw new RegisterRefused({ kind: 'broken', line: error.linePos?.[0]?.line ?? 1, column: error.linePos?.[0]?.col ?? 1, detail: error.code });
  if (doc.contents === null) return { text, issued: [] };
  if (!isSeq(doc.contents)) throw new RegisterRefused({ kind: 'broken', line: 1, column: 1, detail: 'not_a_list' });
  const issued: Issued[] = [];
  for (const item of doc.contents.items) {
    const value = isMap(item) ? (item.toJSON() as Partial<Issued>) : undefined;
    if (!value || !Number.isInteger(value.year) || !Number.isInteger(value.number) || typeof value.to !== 'string' || typeof value.date !== 'string') {
      const pos = item && typeof item === 'object' && 'range' in item && item.range ? lineCol(text, item.range[0]) : { line: 1, column: 1 };
      throw new RegisterRefused({ kind: 'broken', ...pos, detail: 'bad_entry' });
    }
    issued.push({ year: value.year!, number: value.number!, date: String(value.date), to: value.to, by: value.by === 'lead' ? 'lead' : 'unit', tasks: (value.tasks ?? []).map(String) });
  }
  return { text, issued };
}

function lineCol(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/**
 * Under the register's lock: gives each wanted notice its number (the one it already has, else
 * the next of its year), hands the numbers to `write` (which writes the notices and throws when it
 * cannot, leaving the register untouched), then records the new numbers and commits the register.
 */
export async function issueNumbers(
  ctx: NumberingContext,
  wanted: readonly Wanted[],
  write: (issued: readonly Issued[]) => Promise<void>,
  message: (fresh: readonly Issued[]) => string,
): Promise<{ issued: Issued[]; fresh: Issued[]; committed: boolean }> {
  const path = join(ctx.root, REMINDERS_FILE);
  const dir = join(ctx.root, 'tasks', '.locks');
  let outcome: { issued: Issued[]; fresh: Issued[]; committed: boolean } | undefined;
  try {
    await withLocks([join(dir, 'reminders.lock'), join(dir, 'git.lock')], { nowMs: ctx.nowMs, pid: ctx.pid, isAlive: ctx.isAlive }, async () => {
      const { text, issued: before } = readRegister(path);
      const last = new Map<number, number>();
      for (const i of before) last.set(i.year, Math.max(last.get(i.year) ?? 0, i.number));
      const fresh: Issued[] = [];
      const issued = wanted.map((w) => {
        const known = before.find((i) => i.year === w.year && i.date === w.date && i.to === w.to && i.by === w.by);
        if (known) return { ...known, tasks: w.tasks };
        const number = (last.get(w.year) ?? 0) + 1;
        last.set(w.year, number);
        const entry = { ...w, number };
        fresh.push(entry);
        return entry;
      });
      await write(issued);
      let committed = false;
      if (fresh.length > 0) {
        const lines = fresh.map((i) => stringify([{ year: i.year, number: i.number, date: i.date, to: i.to, by: i.by, tasks: i.tasks }], { lineWidth: 0, flowCollectionPadding: false }));
        const start = text === '' ? ctx.header : text.endsWith('\n') ? text : `${text}\n`;
        writeFileAtomic(path, start + lines.join(''));
        if (ctx.commit && repoRoot(ctx.root) && hasIdentity(ctx.root)) {
          const r = commitPaths(ctx.root, [REMINDERS_FILE], message(fresh));
          if (!r.ok) throw new RegisterRefused({ kind: 'commit_failed', detail: r.stderr.toString().trim() });
          committed = true;
        }
      }
      outcome = { issued, fresh, committed };
    });
  } catch (error) {
    if (error instanceof LockTimeout) throw new RegisterRefused({ kind: 'busy' });
    throw error;
  }
  return outcome!;
}
