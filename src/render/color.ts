// When to colour: decided here, per stream, instead of by chalk (chalk 5 ignores NO_COLOR).
//
// The painter writes the SGR codes chalk 5 writes for the few styles the views use, the same
// way (a style re-opened after a nested one closes it, and closed around each line break), without
// loading chalk: its terminal detection loads node:os and node:tty on every start.
import type { Light } from '../core/light.js';

export { colorLevel } from './color-level.js';

const CODES = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  magenta: [35, 39],
  gray: [90, 39],
} as const;

type StyleName = keyof typeof CODES;

/** A style: a function that paints text, with the other styles to chain (paint.red.bold). */
type Style = ((text: string) => string) & { readonly [name in StyleName]: Style };

export type Paint = Style & { readonly level: number };

interface Styler {
  open: string;
  close: string;
  openAll: string;
  closeAll: string;
  parent: Styler | undefined;
}

function style(level: number, styler: Styler | undefined): Style {
  const paint = (text: string): string => {
    if (level <= 0 || !text || !styler) return text;
    let out = text;
    if (out.includes('\u001b')) for (let s: Styler | undefined = styler; s; s = s.parent) out = out.split(s.close).join(s.close + s.open);
    if (out.includes('\n')) out = out.replace(/\r?\n/g, (lineBreak) => styler.closeAll + lineBreak + styler.openAll);
    return styler.openAll + out + styler.closeAll;
  };
  // a chained style is made on first use and kept: a view asks for paint.red once per cell
  for (const name of Object.keys(CODES) as StyleName[]) {
    let made: Style | undefined;
    Object.defineProperty(paint, name, {
      get: () => {
        if (made) return made;
        const [open, close] = CODES[name];
        const o = `\u001b[${open}m`;
        const c = `\u001b[${close}m`;
        return (made = style(level, { open: o, close: c, openAll: (styler?.openAll ?? '') + o, closeAll: c + (styler?.closeAll ?? ''), parent: styler }));
      },
    });
  }
  return paint as Style;
}

export function painter(level: number): Paint {
  return Object.defineProperty(style(level, undefined), 'level', { value: level }) as Paint;
}

/** The colour of a light's word: red and yellow bold, green plain green, the closed states dim. */
export function paintLight(paint: Paint, light: Light, text: string): string {
  switch (light) {
    case 'red':
      return paint.red.bold(text);
    case 'yellow':
      return paint.yellow.bold(text);
    case 'green':
      return paint.green(text);
    case 'done_late':
      return paint.magenta(text);
    default:
      return paint.dim(text);
  }
}
