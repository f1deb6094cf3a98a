// Text into HTML and SVG: every piece of task data goes through here on its way into a page.
import { displayWidth, stripHidden } from './text.js';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text as element content or a quoted attribute value. Control and bidi characters are removed
 * first (as for every document meant for print): an RTL override in a unit's name must not turn the
 * rest of a row around.
 */
export function esc(text: string): string {
  return stripHidden(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Text cut to about `width` columns (a CJK character is two), ending in … when it was longer. */
export function clip(text: string, width: number): string {
  const clean = stripHidden(text).replace(/\s+/g, ' ').trim();
  if (displayWidth(clean) <= width) return clean;
  let out = '';
  let used = 0;
  for (const ch of clean) {
    const w = displayWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
}

/** A name cut to `width` columns as element content, with the whole name as a tooltip when cut. */
export function clippedName(name: string, width: number): { text: string; title: string } {
  const text = clip(name, width);
  return { text: esc(text), title: text === stripHidden(name).replace(/\s+/g, ' ').trim() ? '' : ` title="${esc(name)}"` };
}

/** A number for an SVG coordinate: one decimal at most, so the same data gives the same bytes. */
export function n(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
