// Draft task files from an import (a notice, a spreadsheet ledger): their text, with the editor
// modeline and a comment naming the source and carrying a checksum of the body, so that a
// re-import can tell a draft nobody has edited since (which it may replace) from an edited one.
import { createHash } from 'node:crypto';
import type { Task } from '../core/task.js';
import { modeline, taskToYaml } from '../store/yaml.js';

export interface Draft {
  id: string;
  task: Omit<Task, 'id'>;
  /** where in the source the task comes from, as `draftSource` reads it back from the comment */
  source: string;
  /** the comment line under the modeline, naming the source and carrying the checksum */
  comment: (checksum: string) => string;
  /** fields the importer filled in because the source is silent: a re-import never sets these on an existing task */
  defaults?: ReadonlyArray<keyof Task>;
}

// Both catalogs' wording: a draft written in one language is still recognised after a switch.
const CHECKSUM = /(?:校验码|checksum) ([0-9a-f]{12})/;
const SHEET_SOURCE = [/从 (.+?) 工作表“(.*)”第 (\d+) 行生成/, /Draft from (.+?) sheet "(.*)" row (\d+) by/];
const LINE_SOURCE = [/从 (.+?) 第 (\d+) 行生成/, /Draft from (.+?) line (\d+) by/];

/** The source key of a draft from a notice's line. */
export function lineSource(file: string, line: number): string {
  return `${file}#${line}`;
}

/** The source key of a draft from a sheet's row. */
export function rowSource(file: string, sheet: string, row: number): string {
  return `${file}#${sheet}#${row}`;
}

function checksumOf(body: string): string {
  return createHash('sha256').update(body).digest('hex').slice(0, 12);
}

/** The whole file of a draft; `schemaPath` is where the modeline points. */
export function draftText(draft: Draft, schemaPath: string): string {
  const body = taskToYaml({ id: draft.id, ...draft.task }, []);
  return `${modeline(schemaPath)}\n${draft.comment(checksumOf(body))}\n${body}`;
}

function header(text: string): { comments: string[]; body: string } {
  const lines = text.split('\n');
  const end = lines.findIndex((l) => !l.startsWith('#'));
  return { comments: lines.slice(0, end < 0 ? lines.length : end), body: lines.slice(end < 0 ? lines.length : end).join('\n') };
}

/** A draft nobody has edited since the import: its body still matches the checksum in its header. */
export function isUntouchedDraft(text: string): boolean {
  const { comments, body } = header(text);
  const recorded = comments.map((l) => CHECKSUM.exec(l)?.[1]).find(Boolean);
  return recorded !== undefined && checksumOf(body) === recorded;
}

/** The source key written in a draft's header comment, if the file is a draft. */
export function draftSource(text: string): string | undefined {
  for (const line of header(text).comments) {
    for (const re of SHEET_SOURCE) {
      const m = re.exec(line);
      if (m) return rowSource(m[1]!, m[2]!, Number(m[3]));
    }
    for (const re of LINE_SOURCE) {
      const m = re.exec(line);
      if (m) return lineSource(m[1]!, Number(m[2]));
    }
  }
  return undefined;
}
