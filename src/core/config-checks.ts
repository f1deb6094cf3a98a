// Rules in tasks.config.yaml that contradict each other, which the schema alone cannot see: each
// finding points at the setting to change.
import type { Config } from './config.js';
import { ymd } from './dates.js';
import { dueDate } from './feedback.js';
import { periodsBetween } from './periods.js';
import type { ProblemCode, ProblemParams } from './problems.js';

export interface ConfigFinding {
  path: Array<string | number>;
  code: ProblemCode;
  params: ProblemParams;
}

const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'] as const;

export function configChecks(config: Config): ConfigFinding[] {
  return [...feedbackChecks(config), ...categoryChecks(config)];
}

function feedbackChecks(config: Config): ConfigFinding[] {
  const rules = config.feedback;
  const out: ConfigFinding[] = [];
  if (rules.cycle === 'xun') {
    for (const key of ['due_day', 'co_units_due_day'] as const) {
      if (rules[key] !== undefined) out.push({ path: ['feedback', key], code: 'rule_day_for_xun', params: { key, value: rules[key] } });
    }
    if (out.length > 0) return out;
  }
  if (rules.co_units_due_day !== undefined && rules.co_units_days_before !== undefined) {
    return [{ path: ['feedback', 'co_units_days_before'], code: 'rule_co_twice', params: {} }];
  }
  const coKey = rules.co_units_due_day !== undefined ? 'co_units_due_day' : rules.co_units_days_before !== undefined ? 'co_units_days_before' : undefined;
  if (!coKey) return out;
  // every period of a leap year and of a common one: February and the months of 30 days included
  const year = config.year ?? 2020;
  for (const period of periodsBetween(rules.cycle, ymd(year, 1, 1), ymd(year + 1, 12, 31))) {
    const lead = dueDate(rules, period, 'lead')!;
    const co = dueDate(rules, period, 'co')!;
    if (co >= lead) return [{ path: ['feedback', coKey], code: 'rule_co_not_earlier', params: { co, lead } }];
    if (co < period.start) return [{ path: ['feedback', coKey], code: 'rule_co_before_period', params: { co, start: period.start, lead } }];
  }
  return out;
}

function categoryChecks(config: Config): ConfigFinding[] {
  const floors = config.progress_categories.floors;
  let previous: { quarter: string; value: number } | undefined;
  for (const quarter of QUARTERS) {
    const value = floors[quarter];
    if (value === undefined) continue;
    if (previous && value < previous.value) {
      return [{ path: ['progress_categories', 'floors', quarter], code: 'rule_floors_fall', params: { quarter, value, previous: previous.quarter, previousValue: previous.value } }];
    }
    previous = { quarter, value };
  }
  return [];
}
