// The plain-YAML reader answers only when it reads a file exactly as js-yaml's core schema does.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { CORE_SCHEMA, dump, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { readPlainYaml } from '../../src/store/plain-yaml.js';
import { taskToYaml } from '../../src/store/yaml.js';
import { clerkLine, clerkText, runs, seed } from '../fuzz.js';

const root = join(import.meta.dirname, '..', '..');

function jsYaml(text: string): { ok: true; data: unknown } | { ok: false } {
  try {
    return { ok: true, data: load(text, { schema: CORE_SCHEMA }) };
  } catch {
    return { ok: false };
  }
}

/** Whatever the reader answers is what js-yaml reads; returns whether it answered. */
function agrees(text: string): boolean {
  const ours = readPlainYaml(text);
  if (ours === undefined) return false;
  const theirs = jsYaml(text);
  expect(theirs.ok, `js-yaml refuses what the reader read:\n${text}`).toBe(true);
  expect(ours, text).toEqual((theirs as { data: unknown }).data);
  // the same keys in the same order, which the cache and the JSON views keep
  expect(JSON.stringify(ours), text).toBe(JSON.stringify((theirs as { data: unknown }).data));
  return true;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => /\.ya?ml$/.test(f) && !f.includes('node_modules'))
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

const key = fc.constantFrom('id', 'title', 'note', 'units', 'lead', 'deadline', 'percent', 'by', 'done_on', 'a_b', 'x1', 'status');
const scalarValue = fc.oneof(
  clerkLine,
  clerkText,
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('2020-09-30', '2020-001', '2020-Q3', '0x1F', '1e3', '1_000', '007', '-0', '.5', '+5', '1:30', 'true', 'Yes', '~', 'null', '', ' ', '- a', 'a: b', 'a #b', '#', '|', '>', '[]', '{}', '[a]', '.inf', '.NaN', '1.5', '100%'),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ weight: 6, arbitrary: scalarValue }, { weight: 1, arbitrary: tie('list') }, { weight: 1, arbitrary: tie('record') }),
  list: fc.array(tie('value'), { maxLength: 4 }),
  record: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
})).value;
const record = fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 });

describe('the plain-YAML reader', () => {
  it('reads every task file of the bundled plan, as js-yaml does', () => {
    const files = yamlFiles(join(root, 'tasks'));
    expect(files.length).toBe(141);
    for (const file of files) expect(agrees(readFileSync(file, 'utf8')), file).toBe(true);
  });

  it('agrees with js-yaml on every YAML file of the fixtures, or leaves it to js-yaml', () => {
    let answered = 0;
    const files = yamlFiles(join(root, 'test', 'fixtures'));
    for (const file of files) if (agrees(readFileSync(file, 'utf8'))) answered++;
    expect(answered).toBeGreaterThan(files.length / 2);
  });

  it('agrees with js-yaml on any record written the way the tool writes task files, and reads most of them', () => {
    let answered = 0;
    let total = 0;
    fc.assert(
      fc.property(record, (data) => {
        total++;
        if (agrees(stringify(data, { lineWidth: 0, blockQuote: 'literal', indentSeq: true, flowCollectionPadding: false }))) answered++;
      }),
      { numRuns: runs(1500), seed: seed() },
    );
    expect(answered / total).toBeGreaterThan(0.3);
  });

  it('agrees with js-yaml on records written in other layouts (js-yaml, sequences not indented, flow style)', () => {
    fc.assert(
      fc.property(record, fc.constantFrom(0, 1, 2, 3), (data, style) => {
        const text =
          style === 0 ? dump(data, { schema: CORE_SCHEMA, lineWidth: -1 }) :
          style === 1 ? stringify(data, { indentSeq: false }) :
          style === 2 ? stringify(data, { lineWidth: 20, blockQuote: 'folded' }) :
          dump(data, { schema: CORE_SCHEMA, flowLevel: 1 });
        agrees(text);
      }),
      { numRuns: runs(1000), seed: seed() },
    );
  });

  it('never reads a damaged task file differently from js-yaml', () => {
    const base = taskToYaml({
      id: '2020-001', title: '标题：R&D', lead: '区长', units: ['区住建局', '区财政局'], deadline: '2020-09-30', status: 'in_progress',
      detail: '第一行\n第二行\n', progress: [{ date: '2020-03-31', note: '完成 #1 "引号"', percent: 20, by: '区住建局' }],
    } as never);
    const edit = fc.record({
      at: fc.nat(),
      remove: fc.nat({ max: 3 }),
      insert: fc.oneof(fc.constantFrom(' ', '  ', '-', '- ', ':', ': ', '#', ' #', '"', "'", '|', '|-', '>', '\n', '\n  ', '[', ']', '{', '}', '\\', '\\u', '0', '1.', 'e', '~', '\r\n', '---'), clerkLine),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = base;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
        }
        agrees(text);
      }),
      { numRuns: runs(3000), seed: seed() },
    );
  });

  it('leaves to js-yaml what it cannot be sure of', () => {
    for (const text of [
      'a: 1.\n', 'a: 1.5e3\n', 'a: [x, "y"]\n', 'a: [x, ]\n', 'a: [a:b]\n', 'a: 0x1F\n', 'a: 007\n', 'a: 1e3\n', 'a: .inf\n', 'a: +5\n', 'a: 1:30\n', 'a: >\n  folded\n', 'a: |+\n  kept\n\n',
      'a: "x\\_y"\n', 'a: b\n  c\n', 'a: 1\na: 2\n', '__proto__: 1\n', 'a:\n  - |\n    x\n', '- a\n', 'a: "x\n  y"\n', 'a:\tb\n', '"a": 1\n',
    ]) {
      expect(readPlainYaml(text), text).toBeUndefined();
    }
  });

  it('reads the usual forms', () => {
    expect(readPlainYaml('# c\nid: 2020-001\nn: 20\nok: true\nnone:\nlist:\n- a\n- "b\\u4e2d"\nmap:\n  k: \'it\'\'s\' # c\ntext: |-\n  一\n\n  二\nempty: []\n')).toEqual({
      id: '2020-001', n: 20, ok: true, none: null, list: ['a', 'b中'], map: { k: "it's" }, text: '一\n\n二', empty: [],
    });
    expect(readPlainYaml('units: [区发改委, 区财政局]\ntarget: 1.30\n')).toEqual({ units: ['区发改委', '区财政局'], target: 1.3 });
    expect(readPlainYaml('progress:\n  - date: 2020-03-31\n    note: |\n      甲\n      乙\n\n    percent: 20\n')).toEqual({
      progress: [{ date: '2020-03-31', note: '甲\n乙\n', percent: 20 }],
    });
  });
});
