// Task data → the text of a task file, in one canonical layout: keys in schema order, Chinese
// multi-line text in | blocks, values quoted only where YAML would read them as something else.
import { stringify } from 'yaml';
import type { Task } from '../core/task.js';
import { TASK_KEYS } from './schema.js';

export function modeline(schemaPath: string): string {
  return `# yaml-language-server: $schema=${schemaPath}`;
}

/** The file text for a task; `header` lines go first as comments. */
export function taskToYaml(task: Partial<Task>, header: string[] = [modeline('../schemas/task.schema.json')]): string {
  const ordered: Record<string, unknown> = {};
  for (const key of TASK_KEYS) {
    const value = (task as Record<string, unknown>)[key];
    if (value !== undefined) ordered[key] = value;
  }
  const body = stringify(ordered, { lineWidth: 0, blockQuote: 'literal', indentSeq: true, flowCollectionPadding: false });
  if (header.length === 0) return body;
  return `${header.map((h) => (h.startsWith('#') ? h : `# ${h}`)).join('\n')}\n${body}`;
}
