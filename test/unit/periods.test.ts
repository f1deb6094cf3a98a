import { describe, expect, it } from 'vitest';
import { formatSmallNumber, parseSmallNumber } from '../../src/core/dates.js';
import { messages } from '../../src/i18n/index.js';
import {
  elapsedShare, lastCompletePeriod, nextPeriod, parsePeriod, periodContains, periodKey, periodLabel, periodLabelEn, periodLabelZh,
  PERIOD_KINDS, periodLength, periodNumber, periodOf, periodsBetween, previousPeriod, type Period, type PeriodKind,
} from '../../src/core/periods.js';

const P = (kind: PeriodKind, start: string, end: string): Period => ({ kind, start, end });

describe('the period containing a date', () => {
  it.each<[PeriodKind, string, string, string]>([
    ['xun', '2020-09-01', '2020-09-01', '2020-09-10'],
    ['xun', '2020-09-10', '2020-09-01', '2020-09-10'],
    ['xun', '2020-09-11', '2020-09-11', '2020-09-20'],
    ['xun', '2020-09-20', '2020-09-11', '2020-09-20'],
    ['xun', '2020-09-21', '2020-09-21', '2020-09-30'],
    ['xun', '2020-02-28', '2020-02-21', '2020-02-29'],
    ['xun', '2020-02-29', '2020-02-21', '2020-02-29'],
    ['xun', '2021-02-25', '2021-02-21', '2021-02-28'],
    ['xun', '2020-12-31', '2020-12-21', '2020-12-31'],
    ['month', '2020-02-15', '2020-02-01', '2020-02-29'],
    ['month', '2020-12-31', '2020-12-01', '2020-12-31'],
    ['quarter', '2020-01-01', '2020-01-01', '2020-03-31'],
    ['quarter', '2020-06-30', '2020-04-01', '2020-06-30'],
    ['quarter', '2020-07-01', '2020-07-01', '2020-09-30'],
    ['quarter', '2020-12-31', '2020-10-01', '2020-12-31'],
    ['half', '2020-06-30', '2020-01-01', '2020-06-30'],
    ['half', '2020-07-01', '2020-07-01', '2020-12-31'],
    ['year', '2020-02-29', '2020-01-01', '2020-12-31'],
  ])('%s of %s is %s … %s', (kind, date, start, end) => {
    expect(periodOf(kind, date)).toEqual({ kind, start, end });
  });
});

describe('previous, next and last complete periods', () => {
  it.each<[Period, Period, Period]>([
    [P('xun', '2020-09-21', '2020-09-30'), P('xun', '2020-09-11', '2020-09-20'), P('xun', '2020-10-01', '2020-10-10')],
    [P('xun', '2020-03-01', '2020-03-10'), P('xun', '2020-02-21', '2020-02-29'), P('xun', '2020-03-11', '2020-03-20')],
    [P('xun', '2021-01-01', '2021-01-10'), P('xun', '2020-12-21', '2020-12-31'), P('xun', '2021-01-11', '2021-01-20')],
    [P('month', '2020-03-01', '2020-03-31'), P('month', '2020-02-01', '2020-02-29'), P('month', '2020-04-01', '2020-04-30')],
    [P('month', '2020-01-01', '2020-01-31'), P('month', '2019-12-01', '2019-12-31'), P('month', '2020-02-01', '2020-02-29')],
    [P('quarter', '2020-01-01', '2020-03-31'), P('quarter', '2019-10-01', '2019-12-31'), P('quarter', '2020-04-01', '2020-06-30')],
    [P('half', '2020-07-01', '2020-12-31'), P('half', '2020-01-01', '2020-06-30'), P('half', '2021-01-01', '2021-06-30')],
    [P('year', '2020-01-01', '2020-12-31'), P('year', '2019-01-01', '2019-12-31'), P('year', '2021-01-01', '2021-12-31')],
  ])('%j: previous %j, next %j', (period, previous, next) => {
    expect(previousPeriod(period)).toEqual(previous);
    expect(nextPeriod(period)).toEqual(next);
    expect(nextPeriod(previousPeriod(period))).toEqual(period);
  });

  it.each<[PeriodKind, string, string]>([
    ['xun', '2020-09-30', '2020-09-11'],
    ['xun', '2020-10-01', '2020-09-21'],
    ['xun', '2020-03-01', '2020-02-21'],
    ['xun', '2020-09-11', '2020-09-01'],
    ['month', '2020-10-01', '2020-09-01'],
    ['month', '2020-09-30', '2020-08-01'],
    ['quarter', '2020-10-15', '2020-07-01'],
    ['half', '2020-07-01', '2020-01-01'],
    ['year', '2021-01-01', '2020-01-01'],
    ['year', '2020-12-31', '2019-01-01'],
  ])('the last complete %s before %s starts on %s', (kind, date, start) => {
    const p = lastCompletePeriod(kind, date);
    expect(p.start).toBe(start);
    expect(p.end < date).toBe(true);
  });
});

describe('labels and keys', () => {
  it.each<[Period, string, string, string, number]>([
    [P('xun', '2020-09-01', '2020-09-10'), '2020年9月上旬', 'early September 2020', '2020-09-1', 25],
    [P('xun', '2020-09-11', '2020-09-20'), '2020年9月中旬', 'mid-September 2020', '2020-09-2', 26],
    [P('xun', '2020-09-21', '2020-09-30'), '2020年9月下旬', 'late September 2020', '2020-09-3', 27],
    [P('xun', '2020-12-21', '2020-12-31'), '2020年12月下旬', 'late December 2020', '2020-12-3', 36],
    [P('month', '2020-09-01', '2020-09-30'), '2020年9月', 'September 2020', '2020-09', 9],
    [P('quarter', '2020-07-01', '2020-09-30'), '2020年第三季度', 'Q3 2020', '2020-Q3', 3],
    [P('quarter', '2020-10-01', '2020-12-31'), '2020年第四季度', 'Q4 2020', '2020-Q4', 4],
    [P('half', '2020-01-01', '2020-06-30'), '2020年上半年', 'H1 2020', '2020-H1', 1],
    [P('half', '2020-07-01', '2020-12-31'), '2020年下半年', 'H2 2020', '2020-H2', 2],
    [P('year', '2020-01-01', '2020-12-31'), '2020年', '2020', '2020', 1],
  ])('%j is %s, %s, key %s, number %i in its year', (period, zh, en, key, number) => {
    expect(periodLabelZh(period)).toBe(zh);
    expect(periodLabelEn(period)).toBe(en);
    expect(periodLabel(period, 'zh')).toBe(zh);
    expect(periodLabel(period, 'en')).toBe(en);
    expect(periodKey(period)).toBe(key);
    expect(periodNumber(period)).toBe(number);
    // every key and Chinese label reads back as the same period
    expect(parsePeriod(key)).toEqual({ ok: true, period });
    expect(parsePeriod(zh)).toEqual({ ok: true, period });
  });
});

describe('what a clerk can type', () => {
  it.each<[string, PeriodKind, string, string]>([
    ['2020-09-下旬', 'xun', '2020-09-21', '2020-09-30'],
    ['2020-09-上旬', 'xun', '2020-09-01', '2020-09-10'],
    ['2020-09-中旬', 'xun', '2020-09-11', '2020-09-20'],
    ['2020-9-中旬', 'xun', '2020-09-11', '2020-09-20'],
    ['2020-09-3', 'xun', '2020-09-21', '2020-09-30'],
    ['2020-02-下旬', 'xun', '2020-02-21', '2020-02-29'],
    ['2021-02-3', 'xun', '2021-02-21', '2021-02-28'],
    ['2020年9月下旬', 'xun', '2020-09-21', '2020-09-30'],
    ['2020年九月上旬', 'xun', '2020-09-01', '2020-09-10'],
    ['2020-09', 'month', '2020-09-01', '2020-09-30'],
    ['2020/9', 'month', '2020-09-01', '2020-09-30'],
    ['2020-02', 'month', '2020-02-01', '2020-02-29'],
    ['2020年9月', 'month', '2020-09-01', '2020-09-30'],
    ['2020年12月份', 'month', '2020-12-01', '2020-12-31'],
    ['2020-Q3', 'quarter', '2020-07-01', '2020-09-30'],
    ['2020q1', 'quarter', '2020-01-01', '2020-03-31'],
    ['2020年第三季度', 'quarter', '2020-07-01', '2020-09-30'],
    ['2020年三季度', 'quarter', '2020-07-01', '2020-09-30'],
    ['2020年第4季度', 'quarter', '2020-10-01', '2020-12-31'],
    ['2020-H1', 'half', '2020-01-01', '2020-06-30'],
    ['2020-h2', 'half', '2020-07-01', '2020-12-31'],
    ['2020年上半年', 'half', '2020-01-01', '2020-06-30'],
    ['2020年下半年', 'half', '2020-07-01', '2020-12-31'],
    ['2020', 'year', '2020-01-01', '2020-12-31'],
    ['2020年', 'year', '2020-01-01', '2020-12-31'],
    ['2020年度', 'year', '2020-01-01', '2020-12-31'],
    ['  ２０２０－Ｑ３ ', 'quarter', '2020-07-01', '2020-09-30'],
    ['2020 年 9 月 下旬', 'xun', '2020-09-21', '2020-09-30'],
  ])('%j is a %s from %s to %s', (text, kind, start, end) => {
    expect(parsePeriod(text)).toEqual({ ok: true, period: { kind, start, end } });
  });

  it.each([
    ['2020-13', { code: 'bad_month', month: 13 }],
    ['2020-00', { code: 'bad_month', month: 0 }],
    ['2020年十三月', { code: 'bad_month', month: 13 }],
    ['2020-13-下旬', { code: 'bad_month', month: 13 }],
    ['2020-Q5', { code: 'bad_quarter', quarter: 5 }],
    ['2020-Q0', { code: 'bad_quarter', quarter: 0 }],
    ['2020年第五季度', { code: 'bad_quarter', quarter: 5 }],
    ['2020-H3', { code: 'bad_half', half: 3 }],
    ['2020-09-4', { code: 'bad_xun', xun: 4 }],
    ['2020-09-0', { code: 'bad_xun', xun: 0 }],
    ['0000', { code: 'bad_year', year: 0 }],
    ['2020-02-30', { code: 'bad_date', text: '2020-02-30' }],
    ['', { code: 'empty' }],
    ['   ', { code: 'empty' }],
    ['下旬', { code: 'unrecognised', text: '下旬' }],
    ['last month', { code: 'unrecognised', text: 'last month' }],
    ['2020-09-30', { code: 'date_needs_kind', date: '2020-09-30' }],
  ])('%j names no period: %j', (text, problem) => {
    expect(parsePeriod(text)).toEqual({ ok: false, problem });
  });

  it.each<[string, PeriodKind, string, string]>([
    ['9月', 'month', '2020-09-01', '2020-09-30'],
    ['九月份', 'month', '2020-09-01', '2020-09-30'],
    ['09', 'month', '2020-09-01', '2020-09-30'],
    ['9月下旬', 'xun', '2020-09-21', '2020-09-30'],
    ['09-3', 'xun', '2020-09-21', '2020-09-30'],
    ['三季度', 'quarter', '2020-07-01', '2020-09-30'],
    ['第三季度', 'quarter', '2020-07-01', '2020-09-30'],
    ['Q3', 'quarter', '2020-07-01', '2020-09-30'],
    ['上半年', 'half', '2020-01-01', '2020-06-30'],
    ['H2', 'half', '2020-07-01', '2020-12-31'],
    ['２０２１年９月', 'month', '2021-09-01', '2021-09-30'],
  ])('with the plan\'s year 2020, %j is a %s from %s to %s', (text, kind, start, end) => {
    expect(parsePeriod(text, undefined, 2020)).toEqual({ ok: true, period: { kind, start, end } });
  });

  it('reads a period without its year only when given a year, and keeps what it cannot read unread', () => {
    // stored keys are read without a year: a key without its year is no key
    expect(parsePeriod('9月')).toEqual({ ok: false, problem: { code: 'unrecognised', text: '9月' } });
    expect(parsePeriod('下旬', 'xun', 2020)).toEqual({ ok: false, problem: { code: 'unrecognised', text: '下旬' } });
    expect(parsePeriod('十三月', 'month', 2020)).toEqual({ ok: false, problem: { code: 'bad_month', month: 13 } });
    expect(parsePeriod('三季度', 'month', 2020)).toEqual({
      ok: false,
      problem: { code: 'kind_mismatch', expected: 'month', found: P('quarter', '2020-07-01', '2020-09-30') },
    });
  });

  it('reads a date as the period of the kind asked for, and refuses a period of another kind', () => {
    expect(parsePeriod('2020-09-25', 'xun')).toEqual({ ok: true, period: P('xun', '2020-09-21', '2020-09-30') });
    expect(parsePeriod('2020年9月25日', 'quarter')).toEqual({ ok: true, period: P('quarter', '2020-07-01', '2020-09-30') });
    expect(parsePeriod('2020-Q3', 'quarter')).toEqual({ ok: true, period: P('quarter', '2020-07-01', '2020-09-30') });
    expect(parsePeriod('2020-09', 'quarter')).toEqual({
      ok: false,
      problem: { code: 'kind_mismatch', expected: 'quarter', found: P('month', '2020-09-01', '2020-09-30') },
    });
  });
});

describe('every kind', () => {
  it.each(PERIOD_KINDS.map((kind) => [kind]))('%s: periods tile 2019–2021 without gap or overlap, each containing its own days', (kind) => {
    const periods = periodsBetween(kind, '2019-01-01', '2021-12-31');
    expect(periods[0]!.start).toBe('2019-01-01');
    expect(periods.at(-1)!.end).toBe('2021-12-31');
    for (let i = 0; i < periods.length; i++) {
      const p = periods[i]!;
      expect(periodOf(kind, p.start)).toEqual(p);
      expect(periodOf(kind, p.end)).toEqual(p);
      expect(parsePeriod(periodKey(p))).toEqual({ ok: true, period: p });
      expect(parsePeriod(periodLabelZh(p))).toEqual({ ok: true, period: p });
      if (i > 0) expect(previousPeriod(p)).toEqual(periods[i - 1]);
    }
    expect(periods).toHaveLength({ xun: 108, month: 36, quarter: 12, half: 6, year: 3 }[kind]);
  });
});

describe('share elapsed and periods between dates', () => {
  it.each<[Period, string, number]>([
    [P('xun', '2020-09-21', '2020-09-30'), '2020-09-20', 0],
    [P('xun', '2020-09-21', '2020-09-30'), '2020-09-21', 0.1],
    [P('xun', '2020-09-21', '2020-09-30'), '2020-09-25', 0.5],
    [P('xun', '2020-09-21', '2020-09-30'), '2020-09-30', 1],
    [P('xun', '2020-09-21', '2020-09-30'), '2020-10-05', 1],
    [P('quarter', '2020-01-01', '2020-03-31'), '2020-02-29', 60 / 91],
    [P('year', '2020-01-01', '2020-12-31'), '2020-06-30', 182 / 366],
    [P('year', '2021-01-01', '2021-12-31'), '2021-06-30', 181 / 365],
  ])('of %j on %s is %d', (period, date, share) => {
    expect(elapsedShare(period, date)).toBeCloseTo(share, 12);
  });

  it('counts days and containment by the inclusive end', () => {
    expect(periodLength(P('xun', '2020-02-21', '2020-02-29'))).toBe(9);
    expect(periodLength(P('xun', '2020-12-21', '2020-12-31'))).toBe(11);
    expect(periodLength(P('year', '2020-01-01', '2020-12-31'))).toBe(366);
    expect(periodContains(P('xun', '2020-09-01', '2020-09-10'), '2020-09-10')).toBe(true);
    expect(periodContains(P('xun', '2020-09-01', '2020-09-10'), '2020-09-11')).toBe(false);
  });

  it('lists the periods that overlap a span, both ends included', () => {
    expect(periodsBetween('xun', '2020-02-15', '2020-03-01').map(periodKey)).toEqual(['2020-02-2', '2020-02-3', '2020-03-1']);
    expect(periodsBetween('month', '2020-11-30', '2021-01-01').map(periodKey)).toEqual(['2020-11', '2020-12', '2021-01']);
    expect(periodsBetween('quarter', '2020-01-01', '2020-12-31').map(periodKey)).toEqual(['2020-Q1', '2020-Q2', '2020-Q3', '2020-Q4']);
    expect(periodsBetween('half', '2020-06-30', '2020-07-01').map(periodKey)).toEqual(['2020-H1', '2020-H2']);
    expect(periodsBetween('year', '2020-03-01', '2020-03-01').map(periodKey)).toEqual(['2020']);
    expect(periodsBetween('xun', '2020-01-01', '2020-12-31')).toHaveLength(36);
    expect(periodsBetween('month', '2020-05-01', '2020-04-30')).toEqual([]);
  });
});

describe('Chinese numerals', () => {
  it.each([[1, '一'], [3, '三'], [10, '十'], [11, '十一'], [20, '二十'], [36, '三十六'], [99, '九十九']])('%i is %s and reads back', (n, text) => {
    expect(formatSmallNumber(n)).toBe(text);
    expect(parseSmallNumber(text)).toBe(n);
  });
});

describe('the catalog words a period and why a text names none', () => {
  it.each([
    [{ code: 'bad_month', month: 13 } as const, '没有 13 月', 'no month 13'],
    [{ code: 'bad_quarter', quarter: 5 } as const, '第 5 季度', 'not Q5'],
    [{ code: 'bad_xun', xun: 4 } as const, '这里是 4', 'not 4'],
    [{ code: 'kind_mismatch', expected: 'quarter', found: P('month', '2020-09-01', '2020-09-30') } as const, '2020年9月是一个月，这里需要季度', 'September 2020 is a month'],
  ])('%j', (problem, zhText, enText) => {
    expect(messages('zh').periods.problem(problem)).toContain(zhText);
    expect(messages('en').periods.problem(problem)).toContain(enText);
  });

  it('labels through the catalog', () => {
    expect(messages('zh').periods.label(P('half', '2020-01-01', '2020-06-30'))).toBe('2020年上半年');
    expect(messages('en').periods.label(P('half', '2020-01-01', '2020-06-30'))).toBe('H1 2020');
  });
});
