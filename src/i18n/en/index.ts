// English message catalog, split by area like ../zh/ and of the same shape.
import type { Messages } from '../zh/index.js';
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

export const en: Messages = { ...common, ...problems, ...help, ...views, ...editing, ...changes, ...roster, ...imports, ...exports, ...dashboard, ...periods, ...documents, ...feedback, ...reports, ...io, ...trail, ...sync };
