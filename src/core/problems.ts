// Problems found while reading a plan: each points at a file, line and column, and is worded by
// the message catalog (src/i18n) from its code and parameters.

export type Severity = 'error' | 'warning';

export type ProblemCode =
  | 'read_failed'
  | 'not_regular'
  | 'too_large'
  | 'not_utf8'
  | 'utf16'
  | 'binary'
  | 'lone_cr'
  | 'empty_file'
  | 'conflict_marker'
  | 'yaml_syntax'
  | 'multiple_documents'
  | 'alias_limit'
  | 'duplicate_key'
  | 'forbidden_key'
  | 'not_a_mapping'
  | 'unknown_key'
  | 'missing_key'
  | 'wrong_type'
  | 'invalid_date'
  | 'bad_enum'
  | 'empty_value'
  | 'bad_id'
  | 'out_of_range'
  | 'duplicate_item'
  | 'too_long'
  | 'done_on_required'
  | 'done_on_forbidden'
  | 'schema_other'
  | 'id_mismatch'
  | 'duplicate_id'
  | 'date_after_done'
  | 'start_after_deadline'
  | 'extension_direction'
  | 'extension_chain'
  | 'unknown_lead'
  | 'unknown_unit'
  | 'progress_order'
  | 'duplicate_target'
  | 'near_duplicate_name'
  | 'bad_timezone'
  | 'rule_day_for_xun'
  | 'rule_co_twice'
  | 'rule_co_not_earlier'
  | 'rule_co_before_period'
  | 'rule_floors_fall'
  | 'no_tasks_dir'
  | 'tasks_not_folder'
  | 'not_a_task'
  | 'cannot_edit'
  | 'merge_failed'
  | 'plan_missing'
  | 'plan_not_fetched';

export type ProblemParams = Record<string, string | number | undefined>;

export interface Problem {
  /** path relative to the plan's root, forward slashes */
  file: string;
  line: number;
  column: number;
  severity: Severity;
  code: ProblemCode;
  params: ProblemParams;
  /** the source line the problem is on, when it points into the file's text (shown with a caret) */
  excerpt?: string;
}

/** The problems with the line of `text` each points at, for showing with a caret under the column. */
export function withExcerpts(problems: Problem[], text: string): Problem[] {
  const lines = text.split(/\r\n|\r|\n/);
  return problems.map((p) => {
    const line = lines[p.line - 1];
    return line === undefined || line.trim() === '' || line.length > 500 ? p : { ...p, excerpt: line };
  });
}

export function problem(
  file: string,
  pos: { line: number; column: number },
  code: ProblemCode,
  params: ProblemParams = {},
  severity: Severity = 'error',
): Problem {
  return { file, line: pos.line, column: pos.column, severity, code, params };
}

export function countBySeverity(problems: readonly Problem[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const p of problems) if (p.severity === 'error') errors++;
  return { errors, warnings: problems.length - errors };
}

export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}
