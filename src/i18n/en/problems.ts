// Problems in task files and settings.
import type { ProblemParams } from '../../core/problems.js';
import type { problems as zh } from '../zh/problems.js';
import { io } from './io.js';

type P = ProblemParams;
const q = (v: unknown) => `"${String(v)}"`;

const YAML_EXPLAINED_EN: Record<string, (p: P) => string> = {
  TOO_DEEP: () => 'brackets or braces nested hundreds of levels deep cannot be read; task files need no such nesting: is this the right file?',
  ANCHOR_IN_VALUE: () => 'the value starts with &, which YAML reads as an anchor; quote the whole value',
  NO_SPACE_AFTER_COLON: (p) => `a colon must be followed by a space: "${p.key}: …"`,
  UNCLOSED_QUOTE: (p) => `the quote ${p.char} opened here is never closed; add ${p.char} at the end of the value`,
  UNCLOSED_FLOW: (p) =>
    p.char === '['
      ? 'the [ opened here has no ]; a list written this way must end in ] on the same line, e.g. units: [区住建局, 区财政局]'
      : 'the { opened here has no }; end it with } on the same line, or write one "key: value" per line',
  COLON_IN_VALUE: (p) => `the value holds ": " (colon and space), which YAML reads as a new key; quote the whole value, e.g. "${p.value}"`,
  DEEPER_INDENT: () => 'this line is indented further than the one above, so YAML joins it to that value; keys of one level start in the same column',
  UNKNOWN_TAG: () => 'the value starts with !, which YAML reads as a type tag and drops; quote the whole value',
  UNRESOLVED_ALIAS: (p) => `the value ${p.value} starts with *, which YAML reads as a reference (alias) to an anchor that does not exist; if * is part of the text, quote the whole value`,
};

export const problems: ReturnType<typeof zh> = {
  problem: {
    read_failed: (p: P) =>
      p.target !== undefined && (p.errno === 'ENOENT' || p.errno === 'ELOOP')
        ? `a symbolic link to ${p.target}, ${p.errno === 'ENOENT' ? 'where there is no file' : 'which goes round in a circle'}; not read. Fix or delete the link`
        : `cannot read the file: ${io.io.reason(String(p.errno))}; ${p.errno === 'EACCES' || p.errno === 'EPERM' ? "check the file's permissions (ls -l)" : 'check the file and the disk'}`,
    not_regular: (p: P) =>
      `not a regular file but ${io.io.kind(String(p.kind))}${p.target ? ` (a symbolic link to ${p.target})` : ''}; not read. Task files and the settings must be regular files: replace it or move it away`,
    too_large: (p: P) => `file too large (${p.size} bytes, limit ${p.limit}); not parsed. Task files are a few KB: is this the right file?`,
    not_utf8: () => 'the file is not UTF-8 (perhaps GBK/GB2312, as old editors save); save it as UTF-8 and try again',
    utf16: () => 'the file is UTF-16; save it as UTF-8 and try again',
    binary: () => 'the file contains NUL bytes and is not text; is this the right file?',
    lone_cr: () => 'this line ends in a bare carriage return (CR), as old Macs wrote, which cannot be read reliably; switch the line endings to LF (or Windows CRLF) in the editor and save',
    empty_file: () => 'the file is empty; a task needs at least id, title, lead, units, deadline and status',
    conflict_marker: () => 'unresolved git conflict markers (<<<<<<< ======= >>>>>>>); choose a side with tasks resolve, or keep the right lines and delete the markers',
    yaml_syntax: (p: P) => `YAML syntax error: ${YAML_EXPLAINED_EN[String(p.detail)]?.(p) ?? p.message}`,
    multiple_documents: () => 'one file holds one task, but this one has several YAML documents (---); split it into files',
    alias_limit: () => 'too many anchors/aliases (& and *) to expand; refused to avoid resource exhaustion. Task files need none: write the values out',
    duplicate_key: (p: P) => `key ${q(p.key)} appears twice (first on line ${p.first}); delete one of them`,
    forbidden_key: (p: P) => `the key name ${q(p.key)} is not allowed`,
    not_a_mapping: () => 'the file should hold "key: value" lines (a YAML mapping); see another task file for an example',
    unknown_key: (p: P) => `unknown key ${q(p.key)}${p.where ? ` in ${p.where}` : ''}${p.suggestion ? `; did you mean ${q(p.suggestion)}?` : `; allowed: ${p.allowed}`}`,
    missing_key: (p: P) => `missing required ${p.field}; add a line ${p.key}: …`,
    wrong_type: (p: P) =>
      `${p.field} should be ${p.expected}, not ${p.actual}${
        p.hint === 'quote'
          ? `; put it in quotes, e.g. "${p.value}"`
          : p.hint === 'comment'
            ? `: # and what follows is a comment; quote a value that starts with #, e.g. "${p.value}"`
            : p.hint === 'anchor'
              ? `: a value starting with & is a YAML anchor; quote it, e.g. "${p.value}"`
              : ''
      }`,
    invalid_date: (p: P) => `${p.field} ${q(p.value)} is not a valid date; write YYYY-MM-DD, e.g. 2020-06-30`,
    bad_enum: (p: P) => `${p.field} ${q(p.value)} is not allowed${p.suggestion ? `; did you mean ${q(p.suggestion)}?` : ''}; one of: ${p.allowed}`,
    empty_value: (p: P) => `${p.field} must not be empty`,
    bad_id: (p: P) => `${p.field} ${q(p.value)} is not a valid id; use letters, digits, -, _ and ., e.g. 2020-017`,
    out_of_range: (p: P) => `${p.field} ${p.value} is out of range (${p.limit})`,
    duplicate_item: (p: P) => `${p.field} lists the same item twice`,
    too_long: (p: P) => `${p.field} is too long (${p.length}, at most ${p.limit}); shorten it and put the details in detail`,
    done_on_required: () => 'a task with status done needs a completion date; add a line done_on: YYYY-MM-DD',
    done_on_forbidden: (p: P) => `a task with status ${p.status} must not have done_on; if it is finished set status: done, otherwise delete done_on`,
    schema_other: (p: P) => `${p.field} breaks a rule of task files (${p.detail}); see this field's description in schemas/task.schema.json`,
    id_mismatch: (p: P) => `id ${q(p.id)} does not match the file name (expected ${q(p.expected)}); change the id or rename the file`,
    duplicate_id: (p: P) => `id ${q(p.id)} is also used by ${p.other}; every task needs its own id`,
    date_after_done: (p: P) => `${p.field} is ${p.date}, after the completion date done_on ${p.done_on}; check the dates`,
    start_after_deadline: (p: P) => `the start date ${p.start} is after the deadline ${p.deadline}; check both dates`,
    extension_chain: (p: P) => `the deadline changes recorded in extensions do not end at the deadline in force (${p.deadline}): the last moves it to ${p.to}, or two records move the same deadline; keep the record that was approved, or correct the deadline`,
    extension_direction: (p: P) =>
      p.kind === 'advance'
        ? `this advance (kind: advance) moves the deadline later, from ${p.from} to ${p.to}; for an extension delete the kind line, else check the dates`
        : `this extension moves the deadline earlier, from ${p.from} to ${p.to}; if it was brought forward add kind: advance, else check the dates`,
    unknown_lead: (p: P) =>
      `lead official ${q(p.name)} is not in the roster (roster.leads in tasks.config.yaml)${p.suggestion ? `; did you mean ${q(p.suggestion)}?` : '; add it if it is new'}`,
    unknown_unit: (p: P) =>
      `unit ${q(p.name)} is not in the roster (roster.units in tasks.config.yaml)${p.suggestion ? `; did you mean ${q(p.suggestion)}?` : '; add it if it is new'}`,
    duplicate_target: (p: P) => `target ${p.index} has the name ${q(p.name)} like target ${p.other}; the targets of a task need names of their own: rename one (tasks target ID rename)`,
    near_duplicate_name: (p: P) =>
      `the ${p.what} ${q(p.name)} is very close to ${q(p.other)} ${p.where === 'roster' ? 'in the roster' : 'in other tasks'}; are they the same? Use one name${p.where === 'roster' ? ' and drop the other from the roster' : ' (listing it in the roster keeps this from happening again)'}`,
    progress_order: (p: P) => `progress entries go oldest first; entry ${p.index} (${p.date}) is earlier than the one before (${p.previous})`,
    rule_day_for_xun: (p: P) => `feedback every 旬 (cycle: xun) is due at the 旬's end, so ${p.key}: ${p.value} cannot be set; remove the line, or make cycle month, quarter, half or year`,
    rule_co_twice: () => 'the co-units\' due date is already set by co_units_due_day; keep only one of co_units_due_day and co_units_days_before',
    rule_co_not_earlier: (p: P) => `the co-units' due date (${p.co}) is not before the lead unit's (${p.lead}); co-units report to the lead unit first, so make it smaller`,
    rule_co_before_period: (p: P) => `the co-units' due date (${p.co}) falls before the period starts (${p.start}); make the number of days smaller`,
    rule_floors_fall: (p: P) => `the floor of ${p.quarter} (${p.value}) is below that of ${p.previous} (${p.previousValue}); the floors must rise quarter by quarter`,
    bad_timezone: (p: P) => `unknown time zone ${q(p.value)}; use an IANA name such as Asia/Shanghai`,
    not_a_task: () => 'the file does not follow the rules of a task file; run tasks validate to see why, or compare it with another task file',
    cannot_edit: () => 'this file is written in a way that cannot be changed on the affected lines alone (anchors, aliases or an unusual layout); change it by hand in an editor, then run tasks validate',
    tasks_not_folder: () => 'tasks should be the folder of task files but is a file, so no task could be read; rename or move it and make a tasks folder',
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
