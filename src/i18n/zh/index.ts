// 中文消息目录：所有面向用户的文字，按用途分文件（英文见 ../en/，结构相同）。
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

export const zh = { ...common, ...problems, ...help, ...views, ...editing, ...imports, ...exports, ...dashboard, ...periods, ...documents, ...sync };

export type Messages = typeof zh;
