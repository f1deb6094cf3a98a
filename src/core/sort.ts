// Orders of the views.
import type { Evaluated } from './evaluate.js';
import { lightRank } from './light.js';
import { leadsOf } from './task.js';

export type SortKey = 'deadline' | 'id' | 'lead' | 'light';

const byId = (a: Evaluated, b: Evaluated) => (a.task.id < b.task.id ? -1 : a.task.id > b.task.id ? 1 : 0);
const byDeadline = (a: Evaluated, b: Evaluated) => (a.result.deadline < b.result.deadline ? -1 : a.result.deadline > b.result.deadline ? 1 : 0);

/**
 * `leadRank` places a lead official in the roster's protocol order; `officeRank`, in a roll-up,
 * an office in the order the settings list the plans (ids then sort office by office).
 */
export function sortBy(key: SortKey, leadRank: (name: string) => number, officeRank?: (name: string) => number): (a: Evaluated, b: Evaluated) => number {
  switch (key) {
    case 'id':
      return officeRank ? (a, b) => officeRank(a.office ?? '') - officeRank(b.office ?? '') || byId(a, b) : byId;
    case 'deadline':
      return (a, b) => byDeadline(a, b) || byId(a, b);
    case 'lead':
      return (a, b) => firstLeadRank(a, leadRank) - firstLeadRank(b, leadRank) || byDeadline(a, b) || byId(a, b);
    case 'light':
      return (a, b) =>
        lightRank(a.result.light) - lightRank(b.result.light) || b.result.daysOverdue - a.result.daysOverdue || byDeadline(a, b) || byId(a, b);
  }
}

function firstLeadRank(e: Evaluated, leadRank: (name: string) => number): number {
  return Math.min(...leadsOf(e.task).map(leadRank));
}

/** Most overdue first, then the earlier deadline, then the id. */
export function mostOverdueFirst(a: Evaluated, b: Evaluated): number {
  return b.result.daysOverdue - a.result.daysOverdue || byDeadline(a, b) || byId(a, b);
}
