// The loader fuzzed with mutated task files (bytes, lines and values): it never throws or hangs,
// every file ends up either as a valid task or among the problems with a place and a message, and
// a task it accepts reads the same through the full parser. Bounded in `npm test`; TASKS_FUZZ=N
// for N times as many cases.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/config.js';
import { messages, problemMessage } from '../../src/i18n/index.js';
import { loadTasks } from '../../src/store/load.js';
import { validateTask } from '../../src/store/schema.js';
import { tempDir } from '../helpers.js';
import { runs, seed } from '../fuzz.js';

const m = messages('zh');

const SAMPLES = [
  `# yaml-language-server: $schema=../schemas/task.schema.json
id: 2020-001
title: "推进老旧小区改造，完成 27 个小区"   # 标题
detail: |
  加快老旧小区改造，
  完善配套设施。
lead: [区长, 常务副区长]
units:
  - 区住建局
  - 区财政局
deadline: 2020-12-31
deadline_text: 年底前
start: 2020-03-01
status: in_progress
milestones:
  - title: 完成招标
    due: 2020-06-30
    done_on: 2020-06-28
targets:
  - name: 完成老旧小区改造
    target: 27
    unit: 个
    actual: 12
progress:
  - date: 2020-03-10
    note: 已完成方案
    percent: 20
    by: 区住建局
extensions:
  - date: 2020-05-01
    from: 2020-10-31
    to: 2020-12-31
    reason: 区长办公会同意
tags: [民生工程]
`,
  'id: 2020-001\r\ntitle: 城市管理\r\nlead: 区长\r\nunits: [区城管局]\r\ndeadline: 2020-09-30\r\nstatus: done\r\ndone_on: 2020-09-01\r\n',
  '\ufeffid: 2020-001\ntitle: 短\nlead: 区长\nunits: [区财政局]\ndeadline: 2020-06-30\nstatus: not_started\n',
];

const SPECIAL_BYTES = [0x00, 0x09, 0x0a, 0x0d, 0x1b, 0x20, 0x22, 0x23, 0x26, 0x27, 0x2a, 0x2c, 0x2d, 0x3a, 0x3e, 0x3f, 0x40, 0x5b, 0x5d, 0x7b, 0x7c, 0x7d, 0x7f, 0x80, 0xc0, 0xe4, 0xef, 0xfe, 0xff];
const TRAPS = ['', '~', 'null', 'yes', 'no', 'true', '017', '0x1A', '1e3', '.inf', '-.inf', '.nan', '2020-02-30', '2020-6-30', '"', "'", '[', '{', ']', '&a', '*a', '!x', '|', '>', '#', '@', '`', '%', '? x', ': x', '- x', '<<: *a', '"\\x"', "'it''s'", '[a, [b, [c]]]', '{a: 1}', '推进: 阶段', '__proto__', 'constructor', '\u202e', '\u001b[2J'];

type Mutation = (text: Buffer) => Buffer;

const byteMutation: fc.Arbitrary<Mutation> = fc.tuple(fc.nat(), fc.constantFrom('insert', 'delete', 'replace'), fc.oneof(fc.constantFrom(...SPECIAL_BYTES), fc.integer({ min: 0, max: 255 }))).map(
  ([at, kind, byte]) =>
    (bytes) => {
      const i = bytes.length === 0 ? 0 : at % bytes.length;
      if (kind === 'insert') return Buffer.concat([bytes.subarray(0, i), Buffer.from([byte]), bytes.subarray(i)]);
      if (kind === 'delete') return Buffer.concat([bytes.subarray(0, i), bytes.subarray(i + 1)]);
      const copy = Buffer.from(bytes);
      if (copy.length > 0) copy[i] = byte;
      return copy;
    },
);

const lineMutation: fc.Arbitrary<Mutation> = fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('duplicate', 'delete', 'swap', 'indent', 'dedent')).map(
  ([a, b, kind]) =>
    (bytes) => {
      const lines = bytes.toString('utf8').split('\n');
      const i = a % lines.length;
      const j = b % lines.length;
      if (kind === 'duplicate') lines.splice(i, 0, lines[i]!);
      else if (kind === 'delete') lines.splice(i, 1);
      else if (kind === 'swap') [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      else if (kind === 'indent') lines[i] = `  ${lines[i]}`;
      else lines[i] = lines[i]!.replace(/^ {1,2}/, '');
      return Buffer.from(lines.join('\n'), 'utf8');
    },
);

const valueMutation: fc.Arbitrary<Mutation> = fc.tuple(fc.nat(), fc.constantFrom(...TRAPS)).map(
  ([a, value]) =>
    (bytes) => {
      const lines = bytes.toString('utf8').split('\n');
      const keyed = lines.flatMap((line, i) => (/^\s*(?:- )?[\w]+:/.test(line) ? [i] : []));
      if (keyed.length === 0) return bytes;
      const i = keyed[a % keyed.length]!;
      lines[i] = lines[i]!.replace(/^(\s*(?:- )?[\w]+:).*$/, `$1 ${value}`);
      return Buffer.from(lines.join('\n'), 'utf8');
    },
);

const mutated = fc
  .tuple(fc.constantFrom(...SAMPLES), fc.array(fc.oneof(byteMutation, lineMutation, valueMutation), { minLength: 1, maxLength: 6 }))
  .map(([sample, mutations]) => mutations.reduce<Buffer>((bytes, mutate) => mutate(bytes), Buffer.from(sample, 'utf8')));

describe('the loader on mutated task files', () => {
  it('never throws, never drops a file, and accepts only what both parsers read alike', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'tasks'));
    const file = join(root, 'tasks', '2020-001.yaml');
    await fc.assert(
      fc.asyncProperty(mutated, async (bytes: Buffer) => {
        writeFileSync(file, bytes);
        const loaded = await loadTasks(root, DEFAULT_CONFIG, m, { cache: false });
        expect(loaded.fileCount).toBe(1);
        expect(loaded.tasks.length + loaded.unreadable.length, 'each file is a task or a problem').toBe(1);
        if (loaded.tasks.length === 1) {
          const task = loaded.tasks[0]!.task;
          expect(validateTask(task)).toBe(true);
          const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
          expect(JSON.parse(JSON.stringify(parse(text, { uniqueKeys: false })))).toEqual(task);
        } else {
          const errors = loaded.problems.filter((p) => p.severity === 'error');
          expect(errors.length).toBeGreaterThan(0);
          for (const p of errors) {
            expect(p.line).toBeGreaterThanOrEqual(1);
            expect(p.column).toBeGreaterThanOrEqual(1);
            const message = problemMessage(p, m);
            expect(message.length).toBeGreaterThan(0);
            expect(message).not.toMatch(/undefined|\[object Object\]|must |should /);
          }
        }
      }),
      { numRuns: runs(400), seed: seed() },
    );
  });
});
