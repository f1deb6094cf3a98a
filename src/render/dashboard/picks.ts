// What a click filters by. Rows and chart marks carry small tokens (an official's or a unit's
// place in the page's lists, a light) instead of names, so the script never handles task text.
import { orderedNames } from '../../core/roster.js';
import type { Light } from '../../core/light.js';
import type { DashboardData, ListedTask } from '../../reports/dashboard-data.js';
import { clippedName, esc } from '../html.js';

export interface Picks {
  lead(name: string): string | undefined;
  unit(name: string): string | undefined;
}

export function picksOf(data: DashboardData): Picks {
  const listed = [...data.red, ...data.awaitingReview, ...data.targets];
  const leads = orderedNames(data.byLead.map((r) => r.name), listed.flatMap((t) => t.leads));
  const units = orderedNames(
    data.byUnit.map((r) => r.name),
    [...data.punctuality.rows.map((r) => r.unit), ...listed.map((t) => t.leadUnit)],
  );
  const index = (names: readonly string[]) => {
    const map = new Map(names.map((name, i) => [name, String(i)]));
    return (name: string) => map.get(name);
  };
  return { lead: index(leads), unit: index(units) };
}

/** The attributes of a list row the script shows or hides. */
export function rowAttributes(item: ListedTask, picks: Picks): string {
  const leads = item.leads.map((name) => picks.lead(name)).filter((t) => t !== undefined);
  const unit = picks.unit(item.leadUnit) ?? '';
  return ` data-row data-lead="${leads.join(' ')}" data-unit="${unit}" data-light="${item.light}"`;
}

export interface Pick {
  lead?: string | undefined;
  unit?: string | undefined;
  light?: Light | undefined;
  /** what the filter bar says while this pick is on */
  label: string;
}

/** The attributes of something a click filters by: a name, a bar segment, a light, a figure. */
export function pickAttributes(pick: Pick): string {
  let out = ' data-pick tabindex="0" role="button"';
  if (pick.lead !== undefined) out += ` data-lead="${pick.lead}"`;
  if (pick.unit !== undefined) out += ` data-unit="${pick.unit}"`;
  if (pick.light !== undefined) out += ` data-light="${pick.light}"`;
  return `${out} data-label="${esc(pick.label)}"`;
}

/** NAME_WIDTH columns: a name longer than that (eleven CJK characters) is cut, whole in its tooltip. */
export const NAME_WIDTH = 22;

/** An official's or a unit's name that filters by it when clicked. */
export function pickName(name: string, token: Omit<Pick, 'label'>): string {
  const { text, title } = clippedName(name, NAME_WIDTH);
  return `<span class="name"${title}${pickAttributes({ ...token, label: name })}>${text}</span>`;
}
