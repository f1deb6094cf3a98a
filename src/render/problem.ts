// A problem as a clerk reads it: `file:line:column: 错误: what is wrong, and how to fix it`, then,
// when it points into the file's text, that line with a caret under the column (as compilers and
// hledger show it). Everything from the file is shown with invisible characters made visible.
import type { Problem } from '../core/problems.js';
import { formatProblem, type Messages } from '../i18n/index.js';
import { displayWidth, sanitize, truncate } from './text.js';

/** The caret line's padding: as wide as `prefix` on screen, keeping its tabs so the caret lines up. */
function padFor(prefix: string): string {
  let pad = '';
  for (const ch of prefix) pad += ch === '\t' ? '\t' : ' '.repeat(displayWidth(ch));
  return pad;
}

// a quoted line is cut after this many columns, so that a very long line does not flood the screen
const EXCERPT_WIDTH = 100;

export function problemText(p: Problem, m: Messages): string {
  const head = sanitize(formatProblem(p, m));
  if (p.excerpt === undefined) return head;
  const chars = [...p.excerpt];
  const prefix = sanitize(chars.slice(0, Math.max(0, p.column - 1)).join(''));
  if (displayWidth(prefix) > EXCERPT_WIDTH - 10) return head;
  let line = sanitize(p.excerpt);
  if (displayWidth(line) > EXCERPT_WIDTH) line = truncate(line, EXCERPT_WIDTH);
  const number = String(p.line);
  return `${head}\n  ${number} | ${line}\n  ${' '.repeat(number.length)} | ${padFor(prefix)}^`;
}
