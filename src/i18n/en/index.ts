// English message catalog, split by area like ../zh/ and of the same shape.
import type { Messages } from '../zh/index.js';
import { common } from './common.js';
import { dashboard } from './dashboard.js';
import { documents } from './document.js';
import { editing } from './editing.js';
import { exports } from './export.js';
import { help } from './help.js';
import { imports } from './import.js';
import { periods } from './periods.js';
import { problems } from './problems.js';
import { sync } from './sync.js';
import { views } from './views.js';

export const en: Messages = { ...common, ...problems, ...help, ...views, ...editing, ...imports, ...exports, ...dashboard, ...periods, ...documents, ...sync };
