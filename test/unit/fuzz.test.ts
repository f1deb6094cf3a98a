// Fuzzing with fast-check: the parsers clerks' text goes through never throw, never hang, and
// never quietly turn bad input into something else. A bounded number of cases in `npm test`;
// TASKS_FUZZ=N runs N times as many (TASKS_FUZZ_SEED=random for new cases each run).
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { diffDays, findDeadlinePhrase, isIsoDate, parseCalendarDate, parseDateInput, parseDeadline, ymd } from '../../src/core/dates.js';
import { nextPeriod, parsePeriod, PERIOD_KINDS, periodContains, periodKey, periodLabelZh, periodOf, previousPeriod } from '../../src/core/periods.js';
import { visible } from '../../src/core/visible.js';
import { readNumber, readPercent, readYear } from '../../src/core/words.js';
import { decode, parseFast } from '../../src/store/parse.js';
import { clerkText, runs, seed } from '../fuzz.js';

const options = (n: number) => ({ numRuns: runs(n), seed: seed() });
const TODAY = '2020-09-30';

/** A real calendar date in the years a plan can have. */
const isoDate = fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/** Text around dates: digits, separators, 年月日, period words, offsets and whatever else. */
const dateish = fc
  .array(
    fc.oneof(
      fc.constantFrom('2020', '20', '0', '9', '12', '31', '30', '29', '02', '-', '/', '.', '年', '月', '日', '号', '+', 'd', 'w', 'm', 'y', '底', '末', '前', '上旬', '中旬', '下旬', '季度', '三', '十', '二', '上半年', '年底', '旬末', 'eom', 'today', ' ', '　', '９'),
      fc.string({ maxLength: 3 }),
      fc.integer({ min: -99999, max: 99999 }).map(String),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));

describe('dates as clerks write them', () => {
  it('--as-of and --date: a real date in range, or nothing; never a throw', () => {
    fc.assert(
      fc.property(dateish, (text) => {
        const date = parseDateInput(text, TODAY);
        if (date !== undefined) {
          expect(isIsoDate(date), `${JSON.stringify(text)} → ${date}`).toBe(true);
          expect(parseCalendarDate(date)).toBe(date);
        }
      }),
      options(3000),
    );
  });

  it('reads back every date in every written form', () => {
    fc.assert(
      fc.property(isoDate, (date) => {
        const [y, m, d] = date.split('-').map(Number) as [number, number, number];
        for (const written of [date, `${y}/${m}/${d}`, `${y}.${m}.${d}`, `${y}年${m}月${d}日`, ` ${y}-${m}-${d} `]) {
          expect(parseDateInput(written, TODAY)).toBe(date);
        }
        expect(diffDays(parseDateInput('+1d', date)!, date)).toBe(1);
      }),
      options(1000),
    );
  });

  it('deadlines: a real date of the plan year or the next, or nothing', () => {
    fc.assert(
      fc.property(dateish, fc.integer({ min: 2000, max: 2099 }), (text, year) => {
        for (const phrase of [parseDeadline(text, year), findDeadlinePhrase(text, year), findDeadlinePhrase(text, year, { inText: true })]) {
          if (phrase === undefined) continue;
          expect(isIsoDate(phrase.date), `${JSON.stringify(text)} → ${phrase.date}`).toBe(true);
          expect(text.includes(phrase.text.trim()) || phrase.text === text.trim()).toBe(true);
        }
      }),
      options(2000),
    );
  });

  it('every exact deadline is read as itself', () => {
    fc.assert(
      fc.property(isoDate, (date) => {
        const [y, m, d] = date.split('-').map(Number) as [number, number, number];
        expect(parseDeadline(date, y)?.date).toBe(date);
        expect(parseDeadline(`${y}年${m}月${d}日前`, y)?.date).toBe(ymd(y, m, d));
      }),
      options(500),
    );
  });
});

describe('periods as clerks write them', () => {
  const kind = fc.constantFrom(...PERIOD_KINDS);
  const periodish = fc
    .array(
      fc.oneof(
        fc.constantFrom('2020', '0001', '9999', '0050', '-', '/', '.', '年', '月', '份', '度', '第', '季度', '季', '上半年', '下半年', '上旬', '中旬', '下旬', 'q', 'Q', 'h', 'H', '３', '０', '一', '三', '十', '十二', '十三', '0', '1', '4', '5', '12', '13', '31', ' ', '全年'),
        fc.string({ maxLength: 2 }),
      ),
      { maxLength: 7 },
    )
    .map((parts) => parts.join(''));

  it('a text names a whole period of real dates, or says why not; never a throw', () => {
    fc.assert(
      fc.property(periodish, fc.option(kind, { nil: undefined }), (text, wanted) => {
        const read = parsePeriod(text, wanted);
        if (!read.ok) {
          expect(read.problem.code).toMatch(/^[a-z_]+$/);
          return;
        }
        const { period } = read;
        expect(isIsoDate(period.start) && isIsoDate(period.end), `${JSON.stringify(text)} → ${JSON.stringify(period)}`).toBe(true);
        expect(period.start <= period.end).toBe(true);
        expect(periodOf(period.kind, period.start)).toEqual(period);
        if (wanted) expect(period.kind).toBe(wanted);
      }),
      options(3000),
    );
  });

  it('reads back every period by its key and by its Chinese label', () => {
    fc.assert(
      fc.property(isoDate, kind, (date, k) => {
        const period = periodOf(k, date);
        expect(periodContains(period, date)).toBe(true);
        for (const written of [periodKey(period), periodLabelZh(period)]) expect(parsePeriod(written)).toEqual({ ok: true, period });
        expect(nextPeriod(previousPeriod(period))).toEqual(period);
      }),
      options(1500),
    );
  });
});

describe('numbers as clerks write them', () => {
  const numberish = fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.constantFrom('0x20', '1e3', '1e999', 'Infinity', '-0', '.5', '50%', '５０', '100.0', '  42 ', 'NaN', '0b1', '0o7', '1_000'),
    fc.double().map(String),
  );

  it('a percent is a finite number from 0 to 100, written in decimal, or nothing', () => {
    fc.assert(
      fc.property(numberish, (text) => {
        const p = readPercent(text);
        if (p !== undefined) {
          expect(Number.isFinite(p) && p >= 0 && p <= 100, `${JSON.stringify(text)} → ${p}`).toBe(true);
          // decimal digits, half or full width (５０), perhaps after a +; never hex, binary, octal or exponent notation
          expect(/^\s*\+?[\d０-９]/.test(text) || /^\s*\.\d/.test(text), `${JSON.stringify(text)} read as ${p}`).toBe(true);
          expect(text).not.toMatch(/e/i);
          expect(text).not.toMatch(/0[xob]/i);
        }
        const n = readNumber(text);
        if (n !== undefined) expect(Number.isFinite(n), `${JSON.stringify(text)} → ${n}`).toBe(true);
        const y = readYear(text);
        if (y !== undefined) expect(Number.isInteger(y) && y >= 2000 && y <= 2100).toBe(true);
      }),
      options(3000),
    );
  });
});

function hasNullKey(data: unknown): boolean {
  if (Array.isArray(data)) return data.some(hasNullKey);
  if (data === null || typeof data !== 'object') return false;
  return Object.entries(data).some(([k, v]) => k === '' || k === 'null' || hasNullKey(v));
}

describe('the two YAML parsers', () => {
  /** Text shaped like a task file, with YAML's special characters and line ends mixed in. */
  const yamlish = fc
    .array(
      fc.oneof(
        fc.constantFrom('id: ', 'title: ', 'lead: ', 'units: ', '- ', '  ', '\n', '\r\n', '\r', '\t', ': ', '#', '&a ', '*a', '!x ', '|', '>', '"', "'", '[', ']', '{', '}', ',', '?', '%', '@', '`', '---\n', '...\n', '0x1A', '.inf', '~', 'null', 'yes', '017', '2020-09-30', '\\', '\u00a0', '\ufeff', '\u2028'),
        clerkText,
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join(''));

  it('never disagree: whenever the fast one accepts a text, the full one reads the same data', () => {
    fc.assert(
      fc.property(yamlish, (text) => {
        // as the loader and the edits see it: decoded first (a bare CR, which the two read differently, is refused there)
        const decoded = decode('fuzz.yaml', Buffer.from(text, 'utf8'));
        if (!('text' in decoded)) return;
        // a null key (null: or ~:) is "null" to one parser and "" to the other; no task file passes with one
        const fast = parseFast(decoded.text, (data) => !hasNullKey(data));
        if (fast === undefined) return;
        let full: unknown;
        try {
          full = parse(decoded.text, { uniqueKeys: false });
        } catch (error) {
          throw new Error(`fast parser accepted what the full one refuses: ${JSON.stringify(text)}: ${(error as Error).message}`);
        }
        expect(JSON.parse(JSON.stringify(fast)), JSON.stringify(text)).toEqual(JSON.parse(JSON.stringify(full)));
      }),
      options(4000),
    );
  });
});

describe('the sanitiser', () => {
  it('leaves nothing that could steer a terminal, and hides nothing it removes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const shown = visible(text);
        expect(shown).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        // every character of the text is still there, as itself or written out
        expect(shown.length).toBeGreaterThanOrEqual(text.replace(/[\ud800-\udfff]/g, '').length);
      }),
      options(3000),
    );
  });
});
