// 中文消息目录：所有面向用户的文字，按用途分文件（英文见 ../en/，结构相同）。
import { common } from './common.js';
import { changes } from './changes.js';
import { dashboard } from './dashboard.js';
import { documents } from './document.js';
import { editing } from './editing.js';
import { exports } from './export.js';
import { feedback } from './feedback.js';
import { help } from './help.js';
import { imports } from './import.js';
import { io } from './io.js';
import { periods } from './periods.js';
import { problems } from './problems.js';
import { reports } from './report.js';
import { roster } from './roster.js';
import { sync } from './sync.js';
import { trail } from './trail.js';
import { views } from './views.js';

export type Messages = ReturnType<typeof common> &
  ReturnType<typeof problems> &
  ReturnType<typeof help> &
  ReturnType<typeof views> &
  ReturnType<typeof editing> &
  ReturnType<typeof changes> &
  ReturnType<typeof roster> &
  ReturnType<typeof imports> &
  ReturnType<typeof exports> &
  ReturnType<typeof dashboard> &
  ReturnType<typeof periods> &
  ReturnType<typeof documents> &
  ReturnType<typeof feedback> &
  ReturnType<typeof reports> &
  ReturnType<typeof io> &
  ReturnType<typeof trail> &
  ReturnType<typeof sync>;

/** One file's messages: how to make them, and the names they go by in the catalog. */
interface Part {
  make: () => object;
  keys: readonly string[];
}

const part = <T extends object>(make: () => T, keys: readonly (keyof T & string)[]): Part => ({ make, keys });

/**
 * Every file's names, as the catalog reads them. A name missing here is a message no command can
 * find: test/unit/i18n-parts.test.ts checks each list against what its file makes.
 */
export const PARTS: readonly Part[] = [
  part(common, ['lang', 'severity', 'status', 'light', 'fields', 'fieldPath', 'types', 'describeAllowed', 'location', 'problemLine']),
  part(problems, ['problem', 'config', 'validate']),
  part(help, ['help', 'errors', 'exitCodes']),
  part(views, ['views', 'reasons', 'show', 'home', 'filters', 'history']),
  part(editing, ['edit', 'create', 'init', 'hook', 'undo']),
  part(changes, ['deadline', 'targets', 'closing']),
  part(roster, ['names', 'initRoster', 'importCommit', 'assign']),
  part(imports, ['importNotice', 'importXlsx']),
  part(exports, ['exports']),
  part(dashboard, ['dashboardHelp', 'dashboard']),
  part(periods, ['periods']),
  part(documents, ['document']),
  part(feedback, ['feedbackHelp', 'feedback']),
  part(reports, ['remind', 'report']),
  part(io, ['io']),
  part(trail, ['trail']),
  part(sync, ['merge', 'sync', 'resolve', 'bundle', 'rollup', 'clerk', 'share', 'syncHelp']),
];

/**
 * The catalog. Each file's messages are made the first time one of them is read: a command reads
 * a few of the seventeen, and making them all (closures and object literals by the hundred) cost
 * every start a few milliseconds and a few hundred kilobytes.
 */
function catalog(parts: readonly Part[]): Messages {
  const made: (object | undefined)[] = parts.map(() => undefined);
  const messages = {};
  parts.forEach(({ make, keys }, i) => {
    for (const key of keys) {
      Object.defineProperty(messages, key, {
        get: () => ((made[i] ??= make()) as Record<string, unknown>)[key],
        enumerable: true,
      });
    }
  });
  return messages as Messages;
}

export const zh: Messages = catalog(PARTS);
