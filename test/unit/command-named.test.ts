// The command a command line names, found before commander reads it, so that only that command is
// declared; anything unclear declares them all.
import { describe, expect, it } from 'vitest';
import { allCommands, buildProgram, commandNamed } from '../../src/cli/program.js';
import { messages } from '../../src/i18n/index.js';
import type { Context } from '../../src/context.js';

describe('commandNamed', () => {
  it.each<[string[], string | undefined]>([
    [['overdue'], 'overdue'],
    [['--as-of', '2020-09-30', 'overdue', '--lead', '区长'], 'overdue'],
    [['-C', 'plan', '--lang', 'en', '-q', '--no-color', 'report', 'month'], 'report'],
    [['--dir=plan', '--as-of=9.30', '--debug', 'feedback', 'status'], 'feedback'],
    // a value that looks like a command is the option's
    [['--dir', 'list', 'due'], 'due'],
    [['help', 'overdue'], 'help'],
    // the greeting names none
    [[], ''],
    [['--as-of', '2020-09-30', '-q'], ''],
    [['--help'], undefined],
    [['-V'], undefined],
    [['-Cplan', 'overdue'], undefined],
    [['--as-of'], undefined],
  ])('%j → %s', (argv, expected) => {
    expect(commandNamed(argv)).toBe(expected);
  });
});

describe('buildProgram', () => {
  const m = messages('zh');
  const ctx = { stdout: { write: () => undefined }, stderr: { write: () => undefined } } as unknown as Context;
  const names = (only?: string) => allCommands(buildProgram(m, ctx, async () => undefined, only)).map((c) => c.name());

  it('declares the command named alone, with its subcommands, none for the greeting, and every command otherwise', () => {
    const all = names();
    expect(all).toContain('overdue');
    expect(all).toContain('merge-driver');
    expect(all.length).toBeGreaterThan(40);
    expect(names('overdue')).toEqual(['overdue']);
    expect(names('feedback')).toEqual(['feedback', 'forms', 'import', 'status']);
    // a word that is no command (a typo, help) leaves them all, for the suggestion and the help
    expect(names('overdeu')).toEqual(all);
    expect(names('help')).toEqual(all);
    // the greeting declares none
    expect(names('')).toEqual([]);
  });
});
