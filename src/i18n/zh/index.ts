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

export const zh = { ...common, ...problems, ...help, ...views, ...editing, ...changes, ...roster, ...imports, ...exports, ...dashboard, ...periods, ...documents, ...feedback, ...reports, ...io, ...trail, ...sync };

export type Messages = typeof zh;
