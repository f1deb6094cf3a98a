// Views rendered by format: each view gives its table, JSON body, CSV rows and ids, and the
// registry below turns them into the bytes of the chosen format.
import type { IsoDate } from '../core/dates.js';
import type { Messages } from '../i18n/index.js';
import type { Paint } from './color.js';
import { toCsv, UTF8_BOM, type CsvValue } from './csv.js';
import { toJson } from './json.js';
import { collect } from './text.js';

export { writeJson } from './json.js';

export type Format = 'table' | 'json' | 'csv' | 'ids';

export interface RenderEnv {
  m: Messages;
  asOf: IsoDate;
  /** width to fit tables into */
  width: number;
  ascii: boolean;
  paint: Paint;
  /** files that could not be read, listed in every JSON answer */
  unreadable: ReadonlyArray<{ file: string; line: number; column: number; message: string }>;
}

export interface ViewRenderer<R> {
  /** 'plain' for answers that are not about the tasks as of a date: their JSON carries no `as_of` or `unreadable` */
  envelope?: 'plain';
  table(report: R, env: RenderEnv): string;
  /**
   * The same text as `table`, handed to `write` in pieces that each end a line, for a view whose
   * table can run to many megabytes (emitView then writes it as it is made).
   */
  tableTo?(report: R, env: RenderEnv, write: (text: string) => void): void;
  /** the JSON body; `version`, `as_of` and `unreadable` are added around it */
  json?(report: R, env: RenderEnv): Record<string, unknown>;
  csv?(report: R, env: RenderEnv): CsvValue[][];
  ids?(report: R, env: RenderEnv): string[];
}

function part<T>(value: T | undefined, format: Format): T {
  if (value === undefined) throw new Error(`this view has no ${format} form`);
  return value;
}

const FORMATS: Record<Format, <R>(view: ViewRenderer<R>, report: R, env: RenderEnv) => string> = {
  table: (view, report, env) => view.table(report, env),
  json: (view, report, env) => toJson(jsonDocument(view, report, env)),
  csv: (view, report, env) => UTF8_BOM + toCsv(part(view.csv, 'csv')(report, env)),
  ids: (view, report, env) => {
    const ids = part(view.ids, 'ids')(report, env);
    return ids.length > 0 ? `${ids.join('\n')}\n` : '';
  },
};

/** A `table` made from a view's `tableTo`, for the callers that want the whole text. */
export function collected<R>(tableTo: NonNullable<ViewRenderer<R>['tableTo']>): ViewRenderer<R>['table'] {
  return (report, env) => collect((write) => tableTo(report, env, write));
}

/** The JSON answer of a view: its body, with `version`, and `as_of` and `unreadable` unless plain. */
export function jsonDocument<R>(view: ViewRenderer<R>, report: R, env: RenderEnv): Record<string, unknown> {
  const body = part(view.json, 'json')(report, env);
  return view.envelope === 'plain' ? { version: 1, ...body } : { version: 1, as_of: env.asOf, ...body, unreadable: env.unreadable };
}

export function renderView<R>(format: Format, view: ViewRenderer<R>, report: R, env: RenderEnv): string {
  return FORMATS[format](view, report, env);
}
