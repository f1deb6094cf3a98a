// Feedback forms (sent, returned, their status) and completion review (accept, send back), in
// English; the Chinese catalog (../zh/feedback.ts) has the same shape.
import { formatEnglishDate as en } from '../../core/dates.js';

const q = (v: unknown) => `"${String(v)}"`;
const clip = (text: string, max = 30) => {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  return [...flat].length > max ? `${[...flat].slice(0, max - 1).join('')}…` : flat;
};
const shellName = (file: string) => (/^[\w\u4e00-\u9fff.@%+=:,/-]+$/.test(file) ? file : `"${file.replace(/(["\\$`])/g, '\\$1')}"`);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const feedback = {
  feedbackHelp: {
    feedback: 'feedback forms: pre-filled workbooks sent to the units and read back into the ledger',
    forms: 'write one form (.xlsx, pre-filled, print-ready) per unit that owes feedback for the period',
    import: 'read returned forms into the ledger, one commit per form; a task reported finished awaits review',
    status: 'which units returned their feedback for the period, late or not at all, and the tasks awaiting review',
    reject: 'send a unit’s completion report back (with a reason); accept it with tasks done',
    files: 'returned forms (.xlsx, one or more)',
    period: 'feedback period: 2020-09-3, 2020-09-下旬, 2020年9月下旬, or a date in it (default: the current one)',
    statusPeriod: 'feedback period (default: the latest one already due)',
    unit: 'only these units (repeatable; the start of a name will do)',
    out: 'output folder (default: exports/ in the plan); the forms go into a sub-folder named after the period',
    importPeriod: 'accept only forms of this period',
    dryRun: 'read and check only, write nothing',
    check: 'exit with code 3 when feedback owed is missing (for cron)',
    reason: 'why it is sent back',
  },
  feedback: {
    col: {
      no: 'No.', id: 'ID', task: 'Task', lead: 'Lead official', deadline: 'Deadline', light: 'Light', latest: 'Last feedback',
      progress: 'Progress', problems: 'Problems', next_steps: 'Next steps', percent: 'Percent done', done: 'Finished?', done_on: 'Finished on',
    },
    formTitle: (plan: string, period: string) => `${plan}: feedback form (${period})`,
    formInfo: (unit: string, period: string, start: string, end: string, replyBy: string, coReplyBy: string | undefined) =>
      `Unit: ${unit}    Period: ${period} (${en(start)} to ${en(end)})    Reply by: ${en(replyBy)}${coReplyBy ? ` (co-unit tasks: to the lead unit by ${en(coReplyBy)})` : ''}`,
    instructions:
      'Grey cells come from the ledger and are locked; fill in the white ones for this period. Percent done is a number from 0 to 100. ' +
      'For a task fully finished, answer Finished? with Yes and give the date; the office reviews it before closing the task. ' +
      'Do not add or delete rows, columns or sheets; send the file back as it is.',
    dateField: 'Date',
    leadBlock: (n: number) => `1. Tasks the unit leads (${n})`,
    coBlock: (n: number) => `2. Tasks where the unit is a co-unit (${n}; report on your own part)`,
    leadUnitLine: (unit: string) => `Lead unit: ${unit}`,
    none: '(no feedback yet)',
    latest: (date: string, percent: number | undefined, by: string | undefined) => `${date}${percent === undefined ? '' : `, ${percent}%`}${by ? ` (${by})` : ''}`,
    latestProblems: 'Problems',
    latestNext: 'Next',
    yes: 'Yes',
    no: 'No',
    notApplicable: '—',
    awaiting: 'awaiting review',
    awaitingWhy: (by: string | undefined, date: string, doneOn: string) => `awaiting review (${by ?? 'the unit'} reported on ${date} it was finished on ${doneOn})`,
    awaitingStatus: (status: string) => `${status} (awaiting review)`,
    footer: (unit: string, period: string) => `${unit} · ${period}`,
    fileName: (unit: string, _period: string, key: string) => `${unit}_${key}`,
    folder: 'feedback',
    validation: {
      percent: { prompt: 'a number from 0 to 100, e.g. 80', error: 'Percent done must be a number from 0 to 100' },
      done: { prompt: 'Yes when fully finished', error: 'Answer Yes or No' },
      doneOn: { prompt: 'e.g. 2020-09-28', error: 'Enter a date, e.g. 2020-09-28' },
      date: { prompt: 'e.g. 2020-09-28', error: 'The date is before the period began; please check' },
    },
    // tasks feedback forms
    wrote: (n: number, dir: string, period: string) => `Wrote ${plural(n, 'feedback form')} for ${period} in ${dir}`,
    noneOwing: (period: string) => `No unit owes feedback for ${period} (no open tasks)`,
    beforeRules: (period: string, start: string) => `${period} is before the feedback rules start on ${start} (feedback.start in tasks.config.yaml): nothing is owed for it, no form written`,
    unitNotOwing: (unit: string, period: string) => `${unit} owes no feedback for ${period}: no form written`,
    badPeriod: (problem: string) => `--period: ${problem}`,
    // tasks feedback import
    needFile: 'Name the returned forms, e.g. tasks feedback import 区发改委_2020年9月下旬.xlsx',
    place: (file: string, sheet: string, row: number, column: string | undefined) => `${file}, sheet ${q(sheet)}, row ${row}${column ? `, ${q(column)}` : ''}`,
    placeSheet: (file: string, sheet: string) => `${file}, sheet ${q(sheet)}`,
    refusedRow: (where: string, text: string) => `${where}: ${text}; this row was not imported`,
    noteRow: (where: string, text: string) => `${where}: ${text}`,
    refusedForm: (file: string, text: string) => `${file}: ${text}; this form was not imported`,
    file: {
      legacy_xls: (file: string) =>
        `is an old Excel file (.xls) and cannot be read. Open it in Excel or WPS and save it as an Excel workbook (.xlsx), or have IT run \`soffice --headless --convert-to xlsx ${shellName(file)}\``,
      et: () => 'is a WPS spreadsheet (.et) and cannot be read. Open it in WPS and save it as an Excel workbook (.xlsx)',
      csv: () => 'is CSV text, not a feedback form. Ask the unit to fill in the .xlsx form it was sent and return that file',
      encrypted: () => 'is protected by a password (encrypted) and cannot be read. Ask the unit to remove the password and send it again',
      corrupt: (detail: string) => `is not a valid Excel workbook, or is damaged (${detail}). Ask the unit to open it in Excel or WPS, save it as .xlsx and send it again`,
      not_a_form: () => 'is not a form written by tasks feedback forms (its identification is missing). Use the form the office sent',
      version: () => 'is a form written by another version of tasks and cannot be read; write new forms and send them',
      tampered: () => 'has had its identification changed, so the unit and period cannot be told; fill in the form the office sent and return it',
      other_plan: (plan: string, here: string) => `is a form of ${q(plan)}, not of this plan (${here})`,
      other_period: (period: string, wanted: string) => `is the form for ${period}, not for ${wanted} asked for with --period`,
      future_period: (period: string, today: string) => `is the form for ${period}, which has not begun on ${today}`,
      unknown_unit: (unit: string) => `is the form of ${q(unit)}, but no task of the plan names that unit any more`,
      no_sheet: (sheet: string) => `has no sheet ${q(sheet)} (deleted or renamed, and the file has several sheets)`,
      top_changed: () => 'has had its unit, period or reply-by date changed in the header; fill in the form the office sent',
      header_changed: (column: string, expected: string, found: string) =>
        `column ${column} should be headed ${q(expected)} but is ${q(found)}: columns were added, removed or changed, so the cells cannot be told apart; use the form as sent`,
      bad_date: (text: string) => `${q(clip(text))} is not a date (write 2020-09-28, 2020年9月28日 or 9月28日)`,
      date_before_period: (date: string, start: string) => `${date} is before the period began (${start}); please check`,
      date_in_future: (date: string, today: string) => `${date} is after today (${today}); please check`,
      empty: () => 'has nothing filled in; nothing was written. Ask the unit to fill it in and send it again',
    },
    row: {
      added: (id: string) => `is a row the form did not have${id ? ` (ID ${id})` : ''}; new tasks go to the office separately`,
      duplicate: (id: string) => `ID ${id} repeats a row above`,
      deleted: (id: string, title: string) => `the row of ${id} (${clip(title)}) was deleted and not read`,
      moved: (id: string, from: number) => `the row of ${id} was row ${from}; read by its ID`,
      locked_changed: () => 'comes from the ledger and was changed; locked cells must not be edited, use the form as sent',
      id_changed: (id: string) => (id ? `the ID was changed to ${q(id)}, so the task cannot be told` : 'the ID was deleted, so the task cannot be told'),
      merged: (range: string) => `cells ${range} were merged, so the tasks' answers cannot be told apart; unmerge them and answer each task on its own`,
      gone: (id: string) => `task ${id} is no longer in the plan`,
      not_unit: (id: string, unit: string) => `${unit} is no longer a unit of task ${id}`,
      no_progress: () => 'is empty though other cells of the row are filled in; please give the progress',
      bad_percent: (text: string) => `${q(clip(text))} is not a number from 0 to 100, e.g. 80`,
      percent_fraction: (text: string) => `is ${q(text)} ${Number((Number(text) * 100).toPrecision(6))}% or ${text}%? Write a number from 0 to 100, e.g. ${Math.round(Number(text) * 100)}`,
      percent_range: (text: string) => `${q(text)} is outside 0 to 100`,
      percent_words: (text: string, value: number) => `${q(text)} read as ${value}%`,
      bad_done: (text: string) => `${q(clip(text))} is not an answer; write Yes or No`,
      done_on_without_done: (date: string) => `a finish date ${date} is given but Finished? is not Yes; please confirm the task is finished`,
      done_on_ignored: (date: string) => `Finished? is No: the date ${date} was not recorded`,
      done_no_date: (date: string) => `not given: the form's date ${date} is used`,
      bad_done_on: (text: string) => `${q(clip(text))} is not a date (write 2020-09-28, 2020年9月28日 or 9月28日)`,
      done_on_after: (date: string, reported: string) => `${date} is after the form's date ${reported}: a task cannot be reported finished before it is`,
      formula: (text: string) => `is a formula: read as the value it shows, ${q(clip(text))} (formulas are never calculated)`,
      formula_empty: () => 'is a formula without a value; write a number or text',
      year_assumed: (text: string, date: string) => `${q(text)} has no year: read as ${date}`,
      serial_date: (text: string, date: string) => `${q(text)} is an Excel date number: read as ${date}`,
      answer_late: (id: string, date: string, due: string) => `the answer for ${id}, dated ${date}, is after its reply-by date (${due}): it counts as late`,
      already_done: (id: string, doneOn: string) => `${id} is already finished in the ledger (${doneOn}); Finished? = Yes is not a completion report; the progress is recorded as usual`,
      no_date: (date: string) => `not given: ${date} is used`,
      no_date_late: (replyBy: string, today: string) =>
        `not given: the reply-by date ${replyBy} is used; this import (${today}) is after it, so if the form came late, enter the real date in the form and import it again`,
      other_sheet: (sheet: string) => `sheet ${q(sheet)} is not part of the form and was not read`,
      renamed_sheet: (sheet: string, was: string) => `the form's sheet was renamed from ${q(was)} to ${q(sheet)}; read as usual`,
      file_refused: (detail: string) => `the task file could not be changed: ${detail}`,
    },
    summary: (c: { file: string; unit: string; period: string; read: number; blank: number; written: number; unchanged: number; removed: number; refused: number; requests: number; dryRun: boolean }) =>
      `${c.dryRun ? '(dry run, nothing written) ' : ''}${c.file}: ${c.unit}, ${c.period}: ${plural(c.read, 'row')} read${c.blank > 0 ? ` (${c.blank} left empty)` : ''}, ${c.written} written, ${c.unchanged} unchanged` +
      `${c.removed > 0 ? `, ${c.removed} removed (empty in the corrected form)` : ''}, ${plural(c.refused, 'row')} refused, ${plural(c.requests, 'completion report')}`,
    commit: (period: string, unit: string, n: number) => `Feedback ${period}: ${unit}, ${plural(n, 'task')}`,
    commitLine: (id: string, what: string) => `${id} ${what}`,
    commitWhat: { entry: 'progress', replaced: 'corrected', removed: 'removed (empty in the corrected form)', request: 'completion report' },
    commitFailed: (file: string, detail: string) => `${file}: the git commit failed (${detail}); the task files were put back and nothing was imported. Fix this and import again`,
    // tasks feedback status
    statusHeader: (period: string, replyBy: string, coReplyBy: string | undefined, asOf: string) =>
      `Feedback for ${period} (reply by ${replyBy}${coReplyBy ? `, co-units by ${coReplyBy}` : ''}, as of ${asOf})`,
    statusBeforeRules: (period: string) => `${period} is before the feedback rules start (feedback.start in tasks.config.yaml): no feedback is owed for it`,
    statusCounts: (c: { units: number; unitsMissing: number; owed: number; onTime: number; late: number; missing: number; pending: number }) =>
      `${plural(c.units, 'unit')} owe ${plural(c.owed, 'answer')}: ${c.onTime} on time, ${c.late} late, ${c.missing} missing${c.pending > 0 ? `, ${c.pending} not yet due` : ''}; ${plural(c.unitsMissing, 'unit')} with answers missing`,
    state: { on_time: 'on time', late: 'some late', missing: 'some missing', pending: 'not yet due' },
    statusCol: { unit: 'Unit', state: 'State', answered: 'Answered', late: 'Answered late', missingTasks: 'Tasks not answered' },
    answered: (n: number, of: number) => `${n}/${of}`,
    lateAnswer: (id: string, date: string, days: number) => `${id} (${date}, ${plural(days, 'day')} late)`,
    reviewHeader: (n: number) => `${plural(n, 'task')} awaiting review (accept: tasks done ID; send back: tasks reject ID --reason …):`,
    reviewLine: (id: string, title: string, by: string | undefined, date: string, doneOn: string) => `${id} ${title} (${by ?? 'the unit'} reported on ${date} it was finished on ${doneOn})`,
    checkFailed: (n: number) => `${plural(n, 'unit')} did not answer for some tasks`,
    // accept, send back
    accepted: (id: string, by: string | undefined, date: string, doneOn: string) =>
      `Accepted: ${id} (${by ?? 'the unit'} reported on ${date} it was finished on ${doneOn})`,
    acceptedOn: (date: string) => `; recorded as finished on ${date}`,
    acceptCommit: (id: string, title: string, doneOn: string) => `Accept ${id}: ${title} (finished ${doneOn})`,
    rejected: (id: string, reason: string) => `Sent back the completion report of ${id}: ${reason}`,
    rejectCommit: (id: string, title: string, reason: string) => `Send back ${id}: ${title} (${reason})`,
    noRequest: (id: string) => `Task ${id} has no completion report awaiting review; to mark it done directly, use tasks done ${id} --on DATE`,
    needReason: 'Say why it is sent back, e.g. --reason "evidence missing"',
    showRequest: (by: string | undefined, date: string, doneOn: string) => `${by ?? 'the unit'} reported on ${date} it was finished on ${doneOn}: awaiting review`,
    showDecided: (by: string | undefined, date: string, doneOn: string, decision: 'accepted' | 'rejected', decided: string | undefined, reason: string | undefined) =>
      `${by ?? 'the unit'} reported on ${date} it was finished on ${doneOn}: ${decision === 'accepted' ? 'accepted' : 'sent back'}${decided ? ` (${decided})` : ''}${reason ? `: ${reason}` : ''}`,
    requestsTitle: 'Completion reports',
    historyReview: (change: 'requested' | 'accepted' | 'rejected' | 'withdrawn', by: string | undefined, date: string, doneOn: string, decided: string | undefined, reason: string | undefined) =>
      ({
        requested: `completion report: ${by ?? 'the unit'} reported on ${date} it was finished on ${doneOn}, awaiting review`,
        accepted: `accepted: the completion report of ${by ?? 'the unit'} of ${date} (finished ${doneOn})${decided ? `, reviewed ${decided}` : ''}`,
        rejected: `sent back: the completion report of ${by ?? 'the unit'} of ${date}${decided ? `, reviewed ${decided}` : ''}${reason ? `; reason: ${reason}` : ''}`,
        withdrawn: `withdrawn: the completion report of ${by ?? 'the unit'} of ${date} (the corrected form no longer reports it finished)`,
      })[change],
    homeAwaiting: (n: number) => `${plural(n, 'task')} awaiting review (reported finished by the unit): see tasks feedback status`,
  },
};
