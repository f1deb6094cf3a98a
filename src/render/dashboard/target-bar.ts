// One quantified target as a bar: the actual figure against a tick at the target, with a marker
// where the figure would stand if it grew in step with the time elapsed (for at-least targets).
import type { Messages } from '../../i18n/index.js';
import type { TargetItem } from '../../reports/dashboard-data.js';
import { esc, n } from '../html.js';

const WIDTH = 400;
const HEIGHT = 22;
const PAD = 6;

export function renderTargetBar(item: TargetItem, m: Messages): string {
  const w = m.dashboard;
  const actual = item.actual;
  const low = Math.min(0, item.target, actual ?? 0);
  const high = Math.max(0, item.target, actual ?? 0) * 1.1 || 1;
  const x = (value: number) => PAD + ((value - low) / (high - low)) * (WIDTH - 2 * PAD);
  const out = [`<svg class="target" viewBox="0 0 ${WIDTH} ${HEIGHT}" aria-hidden="true">`];
  out.push(`<rect class="track" x="${PAD}" y="7" width="${WIDTH - 2 * PAD}" height="10"/>`);
  if (actual !== undefined) {
    const from = Math.min(x(0), x(actual));
    const over = item.direction === 'max' && actual > item.target;
    out.push(`<rect class="actual${over ? ' over' : ''}" x="${n(from)}" y="7" width="${n(Math.abs(x(actual) - x(0)))}" height="10"/>`);
  }
  if (item.direction === 'min') {
    const due = x((item.target * item.elapsed) / 100);
    out.push(`<path class="pace" d="M${n(due - 4)},1L${n(due + 4)},1L${n(due)},7Z"><title>${esc(w.elapsedMark(item.elapsed))}</title></path>`);
  }
  out.push(`<line class="goal" x1="${n(x(item.target))}" x2="${n(x(item.target))}" y1="3" y2="21"/>`);
  out.push('</svg>');
  return out.join('');
}

/** actual / target unit, e.g. 28 / 40亿元; a max target shows ≤ before the limit. */
export function targetValue(item: TargetItem, m: Messages): string {
  return m.dashboard.targetValue(item.actual === undefined ? undefined : String(item.actual), String(item.target), item.unit ?? '', item.direction);
}
