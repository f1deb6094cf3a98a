// Findings of the checks that look across the plan, placed at the line and column of the file
// they are about (a task file, or the settings for the roster).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../core/checks.js';
import { problem, type Problem } from '../core/problems.js';
import type { Messages } from '../i18n/index.js';
import { decode } from './parse.js';

export async function placeFindings(root: string, findings: readonly Finding[], m: Messages): Promise<Problem[]> {
  if (findings.length === 0) return [];
  const d = await import('./diagnose.js');
  const parsed = new Map<string, ReturnType<typeof d.parseLocated> | undefined>();
  return findings.map((f) => {
    if (!parsed.has(f.file)) {
      let text: string | undefined;
      try {
        const decoded = decode(f.file, readFileSync(join(root, f.file)));
        text = 'text' in decoded ? decoded.text : undefined;
      } catch {
        text = undefined;
      }
      parsed.set(f.file, text === undefined ? undefined : d.parseLocated(f.file, text));
    }
    const located = parsed.get(f.file);
    const pos = located?.ok ? d.locate(located.located, f.path, { key: f.atKey }) : { line: 1, column: 1 };
    return problem(f.file, pos, f.code, { field: m.fieldPath(f.path), ...f.params }, f.severity);
  });
}
