// tasks validate: every problem with its place, and the totals, as text or JSON.
import { countBySeverity, type Problem } from '../../core/problems.js';
import { problemMessage } from '../../i18n/index.js';
import { problemText } from '../problem.js';
import type { ViewRenderer } from '../view.js';

export interface ValidatePage {
  /** the number of task files checked */
  tasks: number;
  problems: Problem[];
  /** only the summary line, and that only when something is wrong */
  quiet: boolean;
}

export const validateView: ViewRenderer<ValidatePage> = {
  envelope: 'plain',
  table: (p, { m, paint }) => {
    const { errors, warnings } = countBySeverity(p.problems);
    const lines = p.problems.map((problem) => {
      const [line, ...excerpt] = problemText(problem, m).split('\n');
      return [problem.severity === 'error' ? paint.red(line!) : paint.yellow(line!), ...excerpt].join('\n');
    });
    if (!(p.quiet && errors === 0)) lines.push(m.validate.summary(p.tasks, errors, warnings));
    return lines.length > 0 ? `${lines.join('\n')}\n` : '';
  },
  json: (p, { m }) => {
    const { errors, warnings } = countBySeverity(p.problems);
    return {
      command: 'validate',
      tasks: p.tasks,
      errors,
      warnings,
      problems: p.problems.map((problem) => ({
        file: problem.file, line: problem.line, column: problem.column, severity: problem.severity, code: problem.code, message: problemMessage(problem, m),
      })),
    };
  },
};
