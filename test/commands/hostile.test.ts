// The hostile-input corpus, in hledger's manner: test/fixtures/hostile/<case>/ holds one
// reproducer (a bad task file, a special file, a hostile argument …) and case.txt, which says how
// to run it and what must come out, exactly:
//
//   # what the case is about
//   ! setup       (what git cannot hold: git, fifo PATH, symlink PATH TARGET, mkdir, rm, touch, big PATH BYTES)
//   $ tasks ARGS  (shell-like words; $'…' takes \e, \a, \uXXXX escapes)
//   >1            (stdout, line by line; left out = not checked)
//   >2            (stderr, line by line; left out = must be empty)
//   >= CODE       (the exit code)
//
// Each case runs on a copy of _base/ (settings and one good task) with the case's files on top.
// `{dir}` in arguments and expected text stands for the copy's folder. TASKS_CORPUS_RECORD=1
// writes what came out into each case.txt instead of checking it (review the diff before keeping it).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, run, tempDir } from '../helpers.js';

const CORPUS = fixture('hostile');

interface Case {
  name: string;
  title: string;
  setup: string[][];
  args: string[];
  stdout: string | undefined;
  stderr: string;
  code: number;
}

/** Shell-like words: spaces split, '…' and "…" quote, $'…' quotes with escapes. */
function words(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (line[i] === ' ') i++;
    if (i >= line.length) break;
    let word = '';
    while (i < line.length && line[i] !== ' ') {
      if (line.startsWith("$'", i)) {
        const end = line.indexOf("'", i + 2);
        word += line
          .slice(i + 2, end)
          .replace(/\\(e|a|n|t|r|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|\\)/g, (_, e: string) =>
            e === 'e' ? '\u001b' : e === 'a' ? '\u0007' : e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e === '\\' ? '\\' : String.fromCharCode(parseInt(e.slice(1), 16)),
          );
        i = end + 1;
      } else if (line[i] === "'" || line[i] === '"') {
        const end = line.indexOf(line[i]!, i + 1);
        word += line.slice(i + 1, end);
        i = end + 1;
      } else word += line[i++];
    }
    out.push(word);
  }
  return out;
}

function readCase(name: string): Case {
  const lines = readFileSync(join(CORPUS, name, 'case.txt'), 'utf8').replace(/\n$/, '').split('\n');
  const c: Case = { name, title: '', setup: [], args: [], stdout: undefined, stderr: '', code: -1 };
  let block: 'stdout' | 'stderr' | undefined;
  let body: string[] = [];
  const close = () => {
    if (block) c[block] = body.length > 0 ? `${body.join('\n')}\n` : '';
    block = undefined;
    body = [];
  };
  for (const line of lines) {
    if (line === '>1' || line === '>2') {
      close();
      block = line === '>1' ? 'stdout' : 'stderr';
    } else if (line.startsWith('>= ')) {
      close();
      c.code = Number(line.slice(3));
    } else if (block) body.push(line);
    else if (line.startsWith('# ') && c.title === '') c.title = line.slice(2);
    else if (line.startsWith('! ')) c.setup.push(words(line.slice(2)));
    else if (line.startsWith('$ tasks')) c.args = words(line.slice(7));
  }
  close();
  return c;
}

function setUp(dir: string, step: string[]): void {
  const [what, path = '', arg = ''] = step;
  const at = join(dir, path);
  switch (what) {
    case 'git': {
      const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
      git('init', '-q', '-b', 'main');
      git('config', 'user.name', '督查室');
      git('config', 'user.email', 'd@example.org');
      git('add', '.');
      git('commit', '-qm', '台账');
      return;
    }
    case 'symlink':
      mkdirSync(dirname(at), { recursive: true });
      rmSync(at, { force: true });
      symlinkSync(arg, at);
      return;
    case 'rm':
      rmSync(at, { recursive: true, force: true });
      return;
    case 'touch':
      writeFileSync(at, '');
      return;
    case 'fifo':
      mkdirSync(dirname(at), { recursive: true });
      execFileSync('mkfifo', [at]);
      return;
    case 'mkdir':
      mkdirSync(at, { recursive: true });
      return;
    case 'big':
      // a task file padded with comment lines to `arg` bytes
      writeFileSync(at, `${readFileSync(join(dir, 'tasks', '2020-001.yaml'), 'utf8').replace(/2020-001/g, '2020-002')}${'# 填充\n'.repeat(Math.ceil(Number(arg) / 9))}`);
      return;
    default:
      throw new Error(`unknown setup step in the corpus: ${step.join(' ')}`);
  }
}

function record(c: Case, r: { code: number; stdout: string; stderr: string }, dir: string): void {
  const path = join(CORPUS, c.name, 'case.txt');
  const head = readFileSync(path, 'utf8').split('\n').filter((l) => /^[#!$] /.test(l) || l.startsWith('$ tasks'));
  const unfill = (text: string) => text.replaceAll(dir, '{dir}').replace(/\n$/, '');
  const blocks = [...(c.stdout !== undefined || r.stdout !== '' ? ['>1', ...(r.stdout === '' ? [] : [unfill(r.stdout)])] : []), ...(r.stderr === '' ? [] : ['>2', unfill(r.stderr)])];
  writeFileSync(path, `${[...head, ...blocks, `>= ${r.code}`].join('\n')}\n`);
}

const cases = readdirSync(CORPUS)
  .filter((name) => !name.startsWith('_'))
  .sort()
  .map(readCase);

describe('the hostile-input corpus', () => {
  it('holds at least 60 cases, each with an exit code', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    for (const c of cases) expect(c.code, c.name).toBeGreaterThanOrEqual(0);
  });

  it.each(cases.map((c) => [`${c.name}: ${c.title}`, c] as const))('%s', async (_, c) => {
    const dir = tempDir();
    cpSync(join(CORPUS, '_base'), dir, { recursive: true });
    cpSync(join(CORPUS, c.name), dir, { recursive: true, filter: (src) => !src.endsWith('case.txt') });
    for (const step of c.setup) setUp(dir, step);
    const fill = (text: string) => text.replaceAll('{dir}', dir);
    const r = await run(c.args.map(fill), { cwd: dir });
    if (process.env.TASKS_CORPUS_RECORD === '1') return record(c, r, dir);
    expect(r.stderr).toBe(fill(c.stderr));
    if (c.stdout !== undefined) expect(r.stdout).toBe(fill(c.stdout));
    expect(r.code).toBe(c.code);
  });
});
