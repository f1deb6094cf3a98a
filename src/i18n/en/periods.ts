// Periods (旬, month, quarter, half-year, year).
import { periodLabelEn, type PeriodKind } from '../../core/periods.js';
import type { periods as zh } from '../zh/periods.js';

const q = (v: unknown) => `"${String(v)}"`;
const kinds: Record<PeriodKind, string> = { xun: 'ten-day period (旬)', month: 'month', quarter: 'quarter', half: 'half-year', year: 'year' };
const examples: Record<PeriodKind, string> = {
  xun: '2020-09-下旬 or 2020-09-3',
  month: '2020-09',
  quarter: '2020-Q3',
  half: '2020-H1',
  year: '2020',
};
const forms = '2020-09-下旬, 2020-09-3, 2020-09, 2020-Q3, 2020-H1, 2020, 2020年9月下旬, 2020年第三季度, 2020年上半年; without a year (09, Q3, 9月下旬), the plan\'s year';

export const periods: ReturnType<typeof zh> = {
  periods: {
    label: periodLabelEn,
    kind: kinds,
    problem: (p) => {
      switch (p.code) {
        case 'empty': return `name a period; accepted forms: ${forms}`;
        case 'unrecognised': return `${q(p.text)} is not a period; accepted forms: ${forms}`;
        case 'bad_year': return `${p.year} is not a valid year`;
        case 'bad_month': return `there is no month ${p.month}: months run from 1 to 12`;
        case 'bad_xun': return `a month has three ten-day periods: 1 (上旬), 2 (中旬) or 3 (下旬), not ${p.xun}`;
        case 'bad_quarter': return `a year has four quarters, Q1 to Q4, not Q${p.quarter}`;
        case 'bad_half': return `a half-year is H1 or H2, not H${p.half}`;
        case 'bad_date': return `${q(p.text)} is not a valid date`;
        case 'date_needs_kind': return `${q(p.date)} is a date, not a period; accepted forms: ${forms}`;
        case 'kind_mismatch': return `${periodLabelEn(p.found)} is a ${kinds[p.found.kind]}; a ${kinds[p.expected]} is needed here, e.g. ${examples[p.expected]}`;
      }
    },
  },
};
