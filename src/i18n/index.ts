// The one message catalog: pick the language, word a problem.
import type { Problem } from '../core/problems.js';
import { en } from './en/index.js';
import { zh, type Messages } from './zh/index.js';

export type { Messages };
export type Lang = 'zh' | 'en';

export function messages(lang: Lang): Messages {
  return lang === 'en' ? en : zh;
}

/** The problem in words, without its place. */
export function problemMessage(p: Problem, m: Messages): string {
  const render = m.problem[p.code] as (params: Problem['params']) => string;
  return render(p.params);
}

/** path:line:column: 错误: message */
export function formatProblem(p: Problem, m: Messages): string {
  return m.problemLine(m.location(p.file, p.line, p.column), m.severity[p.severity], problemMessage(p, m));
}
