// Commit messages of the plan's commits and the trailers that mark them as ours, written and read
// here only: `Tasks-Command: progress`, `Tasks-Task: 2020-017`, `Tasks-Undo: <hash>`.
import { visible } from '../core/visible.js';

export interface Trailers {
  command?: string;
  task?: string;
  /** the commit an undo reverted */
  undo?: string;
}

const KEYS: Record<keyof Trailers, string> = { command: 'Tasks-Command', task: 'Tasks-Task', undo: 'Tasks-Undo' };

/** The summary line (one line, trimmed), a blank line, the body's lines if any and a blank line, then the trailers. */
export function commitMessage(summary: string, trailers: Trailers, body: readonly string[] = []): string {
  const lines = (Object.keys(KEYS) as Array<keyof Trailers>).flatMap((key) => (trailers[key] ? [`${KEYS[key]}: ${visible(trailers[key]!)}`] : []));
  // git log prints the message raw to the terminal: nothing in it may steer one
  const text = body.map((line) => visible(line.replace(/\s+/g, ' ').trim())).filter(Boolean);
  return `${visible(summary.replace(/\s+/g, ' ').trim())}\n\n${text.length > 0 ? `${text.join('\n')}\n\n` : ''}${lines.join('\n')}\n`;
}

/** The trailers of a commit body; also the hash a plain `git revert` names, as `undo`. */
export function readTrailers(body: string): Trailers {
  const out: Trailers = {};
  for (const line of body.split('\n')) {
    const m = /^([A-Za-z-]+):\s*(.+)$/.exec(line.trim());
    if (!m) continue;
    const key = (Object.keys(KEYS) as Array<keyof Trailers>).find((k) => KEYS[k] === m[1]);
    if (key) out[key] = m[2]!;
  }
  const reverted = /This reverts commit ([0-9a-f]{40})/.exec(body);
  if (reverted && !out.undo) out.undo = reverted[1]!;
  return out;
}

/** A note cut short for a commit's summary line. */
export function short(text: string, max = 30): string {
  const one = text.replace(/\s+/g, ' ').trim();
  const chars = [...one];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : one;
}
