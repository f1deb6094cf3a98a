// Opening a plan: its folder, its settings, the language they settle, and its tasks. The command
// line does this once, before any command runs.
import { messages, type Lang, type Messages } from '../i18n/index.js';
import { CONFIG_FILE, findPlanRoot, loadConfig, loadTasks, type LoadOptions, type Plan } from './load.js';

export interface OpenOptions {
  cwd: string;
  /** --dir */
  dir: string | undefined;
  /** --lang, which wins over the plan's */
  lang: Lang | undefined;
  /** the language when neither --lang nor the plan says (TASKS_LANG) */
  fallbackLang: Lang;
  load?: LoadOptions;
  /** read the plans the settings list (`plans:`) too, as one roll-up; views want this, edits do not */
  rollup?: boolean;
}

/** The plan around cwd (or at --dir), with its tasks; throws a UserError worded in `early` when there is none. */
export async function openPlan(options: OpenOptions, early: Messages): Promise<{ plan: Plan; m: Messages }> {
  const root = findPlanRoot(options.cwd, options.dir, early);
  const staged = options.load?.sources?.get(CONFIG_FILE);
  let m = options.lang ? messages(options.lang) : early;
  let { config, found, problems } = await loadConfig(root, m, staged);
  const lang = options.lang ?? (found ? config.lang : options.fallbackLang);
  if (lang !== m.lang) {
    m = messages(lang);
    if (problems.length > 0) ({ config, found, problems } = await loadConfig(root, m, staged));
  }
  const loaded = await loadTasks(root, config, m, options.load);
  const plan: Plan = { root, config, configFound: found, ...loaded, problems: [...problems, ...loaded.problems] };
  if (options.rollup && config.plans?.length) {
    const { openRollup } = await import('./rollup.js');
    return { plan: await openRollup(plan, m), m };
  }
  return { plan, m };
}
