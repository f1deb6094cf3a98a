// tasks history and tasks log: the supervision trail as text or JSON.
import type { Messages } from '../../i18n/index.js';
import type { TrailEntry } from '../../reports/trail.js';
import type { Paint } from '../color.js';
import { changeText } from '../history.js';
import { sanitize } from '../text.js';
import type { ViewRenderer } from '../view.js';
import { fitLine, hangingLines, wrap } from '../wrap.js';

export interface TrailPage {
  command: 'history' | 'log';
  /** the task of `history` (its id and title), or the date `log` starts at */
  id?: string;
  title?: string;
  since?: string;
  entries: TrailEntry[];
}

function entryJson(e: TrailEntry, m: Messages) {
  return {
    commit: e.commit.hash,
    date: e.commit.date,
    author: e.commit.author,
    email: e.commit.email,
    subject: e.commit.subject,
    command: e.command ?? null,
    id: e.id,
    file: e.path,
    changes: e.changes.map((c) => ({ ...c, text: changeText(c, m) })),
  };
}

function entryText(e: TrailEntry, m: Messages, paint: Paint, withId: string | undefined, width: number): string {
  const when = e.commit.date.slice(0, 16).replace('T', ' ');
  const head = `${when}  ${sanitize(e.commit.author)}${withId ? `  ${withId}` : ''}  ${sanitize(e.commit.subject)}`;
  const [first = '', ...rest] = wrap(head, width);
  const headLines = [first.startsWith(when) ? paint.bold(when) + first.slice(when.length) : first, ...rest];
  const lines = e.changes.flatMap((c) => hangingLines('    ', sanitize(changeText(c, m)), width));
  return [...headLines, ...lines].join('\n');
}

/**
 * Entries of one commit that each only created a task (an import) as one entry naming the first
 * and last id, so that a notice's 141 drafts take two lines, not 282.
 */
function collapseCreated(entries: readonly TrailEntry[], m: Messages): Array<{ entry: TrailEntry; ids: string }> {
  const onlyCreated = (e: TrailEntry) => e.changes.length === 1 && e.changes[0]!.kind === 'created';
  const runs: Array<{ entry: TrailEntry; last: string; count: number }> = [];
  for (const e of entries) {
    const run = runs.at(-1);
    if (run && onlyCreated(e) && onlyCreated(run.entry) && run.entry.commit.hash === e.commit.hash) {
      run.last = e.id;
      run.count++;
    } else runs.push({ entry: e, last: e.id, count: 1 });
  }
  return runs.map((r) => ({ entry: r.entry, ids: r.count === 1 ? r.entry.id : m.history.idRange(r.entry.id, r.last, r.count) }));
}

export const trailView: ViewRenderer<TrailPage> = {
  envelope: 'plain',
  table: (p, { m, paint, width }) => {
    const header = p.command === 'history' ? m.history.header(p.id ?? '', p.title ?? '') : m.history.logHeader(p.since);
    const entries = p.command === 'log' ? collapseCreated(p.entries, m) : p.entries.map((entry) => ({ entry, ids: undefined }));
    return `${fitLine(sanitize(header), width, paint.bold)}\n${entries.map(({ entry, ids }) => entryText(entry, m, paint, ids, width)).join('\n')}\n`;
  },
  json: (p, { m }) => ({
    command: p.command,
    ...(p.command === 'history' ? { id: p.id } : { since: p.since ?? null }),
    entries: p.entries.map((e) => entryJson(e, m)),
  }),
};
