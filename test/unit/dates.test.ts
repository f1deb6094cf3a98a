import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays, addMonths, calendarDayNumber, diffDays, fromDayNumber, toDayNumber, endOfMonth, endOfQuarter, endOfXun, endOfYear, findDeadlinePhrase, isIsoDate, parseDateInput,
  parseDeadline, parseSmallNumber, todayIn,
} from '../../src/core/dates.js';
import { runs, seed } from '../fuzz.js';

describe('calendar arithmetic', () => {
  it.each([
    ['2020-02-29', true], ['2021-02-29', false], ['2000-02-29', true], ['1900-02-29', false], ['2020-02-30', false],
    ['2020-13-01', false], ['2020-9-30', false], ['2020-04-31', false], ['2020-12-31', true],
  ])('isIsoDate(%s) = %s', (date, valid) => expect(isIsoDate(date)).toBe(valid));

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2020-02-29', 1)).toBe('2020-03-01');
    expect(addDays('2021-02-28', 1)).toBe('2021-03-01');
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
  });

  it('counts days between dates, the later date first', () => {
    expect(diffDays('2020-07-01', '2020-06-30')).toBe(1);
    expect(diffDays('2020-09-30', '2020-06-30')).toBe(92);
    expect(diffDays('2020-12-31', '2020-01-01')).toBe(365);
    expect(diffDays('2021-12-31', '2021-01-01')).toBe(364);
  });

  it('adds months, clamping to the end of shorter months', () => {
    expect(addMonths('2020-01-31', 1)).toBe('2020-02-29');
    expect(addMonths('2021-01-31', 1)).toBe('2021-02-28');
    expect(addMonths('2020-03-31', -1)).toBe('2020-02-29');
    expect(addMonths('2020-11-15', 2)).toBe('2021-01-15');
    expect(addMonths('2020-01-15', -1)).toBe('2019-12-15');
  });

  it.each([
    ['2020-02-01', '2020-02-10'], ['2020-02-10', '2020-02-10'], ['2020-02-11', '2020-02-20'], ['2020-02-20', '2020-02-20'],
    ['2020-02-21', '2020-02-29'], ['2021-02-21', '2021-02-28'], ['2020-04-25', '2020-04-30'], ['2020-12-31', '2020-12-31'],
  ])('the 旬 of %s ends on %s', (date, end) => expect(endOfXun(date)).toBe(end));

  it('finds month, quarter and year ends', () => {
    expect(endOfMonth('2020-02-03')).toBe('2020-02-29');
    expect(endOfMonth('2019-02-03')).toBe('2019-02-28');
    expect(endOfQuarter('2020-08-15')).toBe('2020-09-30');
    expect(endOfQuarter('2020-01-01')).toBe('2020-03-31');
    expect(endOfQuarter('2020-12-31')).toBe('2020-12-31');
    expect(endOfYear('2020-05-05')).toBe('2020-12-31');
  });
});

describe('today in the plan time zone', () => {
  it('gives Beijing date at 00:30 Beijing time on a UTC server', () => {
    const now = new Date('2020-09-30T16:30:00Z');
    expect(todayIn(now, 'Asia/Shanghai')).toBe('2020-10-01');
    expect(todayIn(now, 'UTC')).toBe('2020-09-30');
    expect(todayIn(new Date('2020-09-30T15:59:59Z'), 'Asia/Shanghai')).toBe('2020-09-30');
    expect(todayIn(new Date('2020-09-30T16:00:00Z'), 'Asia/Shanghai')).toBe('2020-10-01');
  });

  it('agrees with ICU for the fixed-offset zones and answers other zones through ICU', () => {
    for (const iso of ['2020-02-28T16:30:00Z', '2020-12-31T15:59:00Z', '2020-12-31T16:00:00Z', '2024-02-28T17:00:00Z']) {
      const now = new Date(iso);
      const icu = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
      expect(todayIn(now, 'Asia/Shanghai')).toBe(icu);
    }
    expect(todayIn(new Date('2020-09-30T03:00:00Z'), 'America/New_York')).toBe('2020-09-29');
  });
});

describe('--as-of forms', () => {
  const today = '2020-09-15';
  it.each([
    ['2020-09-30', '2020-09-30'], ['2020/9/30', '2020-09-30'], ['2020.9.30', '2020-09-30'], ['2020年9月30日', '2020-09-30'],
    ['2020年9月3号', '2020-09-03'], ['today', today], ['今天', today], ['TODAY', today], ['旬末', '2020-09-20'], ['eox', '2020-09-20'],
    ['月底', '2020-09-30'], ['eom', '2020-09-30'], ['季末', '2020-09-30'], ['eoq', '2020-09-30'], ['年底', '2020-12-31'],
    ['eoy', '2020-12-31'], ['+10d', '2020-09-25'], ['-1m', '2020-08-15'], ['+2w', '2020-09-29'], ['-1y', '2019-09-15'],
    ['9月30日', '2020-09-30'], ['9月3号', '2020-09-03'], ['9.30', '2020-09-30'], ['9/30', '2020-09-30'], ['昨天', '2020-09-14'],
    ['前天', '2020-09-13'], ['yesterday', '2020-09-14'], ['上旬末', '2020-09-10'], ['中旬末', '2020-09-20'], ['下旬末', '2020-09-30'],
    ['上月底', '2020-08-31'], ['10月', '2020-10-31'], ['二月', '2020-02-29'], ['2021年2月', '2021-02-28'], ['6月底', '2020-06-30'],
    ['三季度末', '2020-09-30'], ['上半年', '2020-06-30'],
    // full-width digits and signs, as a Chinese input method types them
    ['２０２０－０９－３０', '2020-09-30'], ['２０２０／９／３０', '2020-09-30'], ['２０２０年９月３０日', '2020-09-30'], ['９月３０日', '2020-09-30'],
    ['９．３０', '2020-09-30'], ['＋１０ｄ', '2020-09-25'], ['ＥＯＭ', '2020-09-30'],
  ])('%s → %s', (input, expected) => expect(parseDateInput(input, today)).toBe(expected));

  it('reads a date without its year in the year given (the plan\'s), else today\'s', () => {
    expect(parseDateInput('9月30日', '2026-11-29', 2020)).toBe('2020-09-30');
    expect(parseDateInput('10月', '2026-11-29', 2020)).toBe('2020-10-31');
    expect(parseDateInput('9.30', '2026-11-29')).toBe('2026-09-30');
    expect(parseDateInput('昨天', '2026-11-29', 2020)).toBe('2026-11-28');
  });

  it.each(['2020-13-01', '2020-02-30', '', '10d', '2020/02/30', '2月30日', '13月', '9.31', '长期坚持', '尽快'])('rejects %s', (input) => {
    expect(parseDateInput(input, today)).toBeUndefined();
  });
});

describe('deadline phrases', () => {
  it.each([
    ['年底前', '2020-12-31', false], ['6月底前', '2020-06-30', false], ['6月底', '2020-06-30', false], ['2月底前', '2020-02-29', false],
    ['十二月底', '2020-12-31', false], ['上半年', '2020-06-30', false], ['下半年', '2020-12-31', false], ['三季度末', '2020-09-30', false],
    ['一季度', '2020-03-31', false], ['第二季度末', '2020-06-30', false], ['9月中旬', '2020-09-20', false], ['9月上旬', '2020-09-10', false],
    ['2020年12月底前', '2020-12-31', false], ['2021年6月底前', '2021-06-30', false], ['6月30日前', '2020-06-30', false],
    ['2020年6月30日', '2020-06-30', false], ['2020-06-30', '2020-06-30', false], ['长期坚持', '2020-12-31', true], ['持续推进', '2020-12-31', true],
    ['每季度', '2020-12-31', true], ['年内', '2020-12-31', false], ['明年3月底', '2021-03-31', false], ['今年底前', '2020-12-31', false],
    ['完成时限：6月底前完成', '2020-06-30', false], ['10月', '2020-10-31', false], ['10月份', '2020-10-31', false], ['9.30', '2020-09-30', false],
    ['9月30日', '2020-09-30', false], ['6月30', '2020-06-30', false],
  ])('%s → %s', (text, date, ongoing) => {
    const d = parseDeadline(text, 2020);
    expect(d?.date).toBe(date);
    expect(d?.ongoing).toBe(ongoing);
  });

  it.each(['尽快', '明年', '6.31', '2020-02-30', '13月', '抓紧推进相关工作并报送材料', '视情况6月底'])('does not resolve %s', (text) => {
    expect(parseDeadline(text, 2020)).toBeUndefined();
  });

  it('finds a phrase inside running text, but not 全年 or 常态化 there', () => {
    expect(findDeadlinePhrase('确保6月底前完成主体工程', 2020, { inText: true })?.text).toBe('6月底前');
    expect(findDeadlinePhrase('力争全年交易额达2000万元', 2020, { inText: true })).toBeUndefined();
    expect(findDeadlinePhrase('常态化推进四送一服', 2020, { inText: true })).toBeUndefined();
  });

  it('reads Chinese numerals', () => {
    expect(parseSmallNumber('十二')).toBe(12);
    expect(parseSmallNumber('二十')).toBe(20);
    expect(parseSmallNumber('三')).toBe(3);
    expect(parseSmallNumber('十')).toBe(10);
    expect(parseSmallNumber('零零')).toBeUndefined();
  });
});

describe('calendarDayNumber', () => {
  it('gives the day number of exactly the dates that the day number gives back unchanged', () => {
    const digits = (n: number, width: number) => String(n).padStart(width, '0');
    const text = fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${digits(y, 4)}-${digits(m, 2)}-${digits(d, 2)}`),
      fc.constantFrom('2020-6-1', '2020-06-01T00', '2020/06/01', '', '20200601', '２０２０-06-01', '2020-0a-01'),
    );
    fc.assert(
      fc.property(text, (date) => {
        const n = toDayNumber(date);
        expect(calendarDayNumber(date)).toBe(Number.isFinite(n) && fromDayNumber(n) === date ? n : undefined);
      }),
      { numRuns: runs(2000), seed: seed() },
    );
    expect(calendarDayNumber('2020-02-29')).toBe(toDayNumber('2020-02-29'));
    expect(calendarDayNumber('2021-02-29')).toBeUndefined();
  });
});
