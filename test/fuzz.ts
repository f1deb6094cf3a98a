// Shared by the property and fuzz tests: how many cases to run, and what a clerk can type.
import fc from 'fast-check';

/**
 * Cases per property: `ci` in `npm test`; TASKS_FUZZ=N multiplies it for a longer local run
 * (TASKS_FUZZ=50 npm test).
 */
export function runs(ci: number): number {
  const factor = Number(process.env.TASKS_FUZZ ?? '1');
  return Math.max(1, Math.round(ci * (Number.isFinite(factor) && factor > 0 ? factor : 1)));
}

/** A fixed seed unless TASKS_FUZZ_SEED says otherwise, so that CI runs the same cases every time. */
export function seed(): number | undefined {
  const given = process.env.TASKS_FUZZ_SEED;
  if (given === 'random') return undefined;
  return given ? Number(given) : 20200930;
}

const CHINESE = [...'推进老旧小区改造完成招标区住建局财政研发创新投入节点目标进展情况第一二三四五六七八九十百千万亿元个项年月日旬底前已开工验收通过生僻字䶮𠈌𬌗'];
const PUNCTUATION = [...'“”‘’：，。、；（）《》【】—…！？·％＠＃＆＊'];
const EMOJI = ['👍', '👍🏽', '😀', '🇨🇳', '👨‍👩‍👧', '✅', '⚠️'];

const clerkChar = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...CHINESE) },
  { weight: 4, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) },
  { weight: 2, arbitrary: fc.constantFrom(...PUNCTUATION) },
  { weight: 1, arbitrary: fc.constantFrom(...EMOJI) },
  { weight: 2, arbitrary: fc.constantFrom('&', '*', '!', '|', '>', '#', '%', '@', "'", '"', ':', ': ', ' #', '- ', '? ', '[', ']', '{', '}', ',', '`', '\\', '~', '---', '...', '<<') },
);

/** One line as a clerk types it: Chinese, ASCII (every YAML indicator), full-width punctuation, emoji. */
export const clerkLine = fc.array(clerkChar, { minLength: 1, maxLength: 24 }).map((chars) => chars.join(''));

/** Text that may run over several lines (a progress note, a task's detail). */
export const clerkText = fc
  .array(fc.oneof({ weight: 5, arbitrary: clerkChar }, { weight: 1, arbitrary: fc.constantFrom('\n', '\n\n', '\t', '  ') }), { minLength: 1, maxLength: 40 })
  .map((chars) => chars.join(''));

/** What a command keeps of typed text: surrounding white space goes, and blank text is no text. */
export const typed = (text: string) => text.trim();
