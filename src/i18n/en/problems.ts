// Problems in task files and settings.
import type { ProblemParams } from '../../core/problems.js';
import type { problems as zh } from '../zh/problems.js';

type P = ProblemParams;
const q = (v: unknown) => `"${String(v)}"`;

export const problems: typeof zh = {
  problem: {
    read_failed: (p: P) => `cannot read the file: ${p.detail}`,
    too_large: (p: P) => `file too large (${p.size} bytes, limit ${p.limit}); not parsed. Task files are a few KB: is this the right file?`,
    not_utf8: () => 'the file is not UTF-8 (perhaps GBK/GB2312, as old editors save); save it as UTF-8 and try again',
    utf16: () => 'the file is UTF-16; save it as UTF-8 and try again',
    binary: () => 'the file contains NUL bytes and is not text; is this the right file?',
    empty_file: () => 'the file is empty; a task needs at least id, title, lead, units, deadline and status',
    conflict_marker: () => 'unresolved git conflict markers (<<<<<<< ======= >>>>>>>); choose a side with tasks resolve, or keep the right lines and delete the markers',
    yaml_syntax: (p: P) => `YAML syntax error: ${p.message}`,
    multiple_documents: () => 'one file holds one task, but this one has several YAML documents (---); split it into files',
    alias_limit: () => 'too many anchors/aliases (& and *) to expand; refused to avoid resource exhaustion. Task files need none: write the values out',
    duplicate_key: (p: P) => `key ${q(p.key)} appears twice (first on line ${p.first}); delete one of them`,
    forbidden_key: (p: P) => `the key name ${q(p.key)} is not allowed`,
    not_a_mapping: () => 'the file should hold "key: value" lines (a YAML mapping); see another task file for an example',
    unknown_key: (p: P) => `unknown key ${q(p.key)}${p.where ? ` in ${p.where}` : ''}${p.suggestion ? `; did you mean ${q(p.suggestion)}?` : `; allowed: ${p.allowed}`}`,
    missing_key: (p: P) => `missing required ${p.field}; add a line ${p.key}: …`,
    wrong_type: (p: P) =>
      `${p.field} should be ${p.expected}, not ${p.actual}${p.hint === 'quote' ? `; put it in quotes, e.g. "${p.value}"` : ''}`,
    invalid_date: (p: P) => `${p.field} ${q(p.value)} is not a valid date; write YYYY-MM-DD, e.g. 2020-06-30`,
    bad_enum: (p: P) => `${p.field} ${q(p.value)} is not allowed${p.suggestion ? `; did you mean ${q(p.suggestion)}?` : ''}; one of: ${p.allowed}`,
    empty_value: (p: P) => `${p.field} must not be empty`,
    bad_id: (p: P) => `${p.field} ${q(p.value)} is not a valid id; use letters, digits, -, _ and ., e.g. 2020-017`,
    out_of_range: (p: P) => `${p.field} ${p.value} is out of range (${p.limit})`,
    duplicate_item: (p: P) => `${p.field} lists the same item twice`,
    done_on_required: () => 'a task with status done needs a completion date; add a line done_on: YYYY-MM-DD',
    done_on_forbidden: (p: P) => `a task with status ${p.status} must not have done_on; if it is finished set status: done, otherwise delete done_on`,
    schema_other: (p: P) => `${p.field}: ${p.detail}`,
    id_mismatch: (p: P) => `id ${q(p.id)} does not match the file name (expected ${q(p.expected)}); change the id or rename the file`,
    duplicate_id: (p: P) => `id ${q(p.id)} is also used by ${p.other}; every task needs its own id`,
    date_after_done: (p: P) => `${p.field} is ${p.date}, after the completion date done_on ${p.done_on}; check the dates`,
    unknown_lead: (p: P) =>
      `lead official ${q(p.name)} is not in the roster (roster.leads in tasks.config.yaml)${p.suggestion ? `; did you mean ${q(p.suggestion)}?` : '; add it if it is new'}`,
    unknown_unit: (p: P) =>
      `unit ${q(p.name)} is not in the roster (roster.units in tasks.config.yaml)${p.suggestion ? `; did you mean ${q(p.suggestion)}?` : '; add it if it is new'}`,
    progress_order: (p: P) => `progress entries go oldest first; entry ${p.index} (${p.date}) is earlier than the one before (${p.previous})`,
    bad_timezone: (p: P) => `unknown time zone ${q(p.value)}; use an IANA name such as Asia/Shanghai`,
    no_tasks_dir: () => 'no tasks/ folder here; run inside the plan folder or point --dir at it',
    plan_missing: (p: P) => `plan ${p.index} of the roll-up (${p.office}): the folder ${p.path} is missing or holds no plan; check its path in plans`,
    plan_not_fetched: (p: P) => `the plan of ${p.office} (${p.url}) has not been fetched yet; run tasks sync`,
    merge_failed: (p: P) => `could not merge field by field (${p.detail}); merged line by line instead: check the lines between the conflict markers`,
  },
  config: {
    missing: 'No tasks.config.yaml found; using the default settings (tasks init creates one).',
  },
  validate: {
    summary: (tasks: number, errors: number, warnings: number) =>
      `${tasks} task${tasks === 1 ? '' : 's'}, ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
    noFiles: (path: string) => `no files to check: ${path}`,
  },
};
