// Duplicate ids across a plan: found whether or not the ids rise with the sorted file names.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planFindings } from '../../src/core/checks.js';
import { runs, seed } from '../fuzz.js';

const duplicates = (files: string[], ids: string[]) =>
  planFindings(files, ids, files.map(() => []))
    .filter((f) => f.code === 'duplicate_id')
    .map((f) => f.file);

describe('planFindings', () => {
  it('finds every file of a repeated id, and none when every id differs, in any order of the ids', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'), { maxLength: 8 }), (ids) => {
        const files = ids.map((_, i) => `tasks/${String(i).padStart(2, '0')}.yaml`);
        const expected = files.filter((_, i) => ids.indexOf(ids[i]!) !== ids.lastIndexOf(ids[i]!));
        expect(duplicates(files, ids)).toEqual(expected);
      }),
      { numRuns: runs(500), seed: seed() },
    );
  });

  it('names the other files of the id', () => {
    const found = planFindings(['tasks/A.yaml', 'tasks/B.yaml', 'tasks/C.yaml'], ['A', 'B', 'A'], [[], [], []]);
    expect(found.map((f) => [f.file, f.params])).toEqual([
      ['tasks/A.yaml', { id: 'A', other: 'tasks/C.yaml' }],
      ['tasks/C.yaml', { id: 'A', other: 'tasks/A.yaml' }],
    ]);
  });
});
