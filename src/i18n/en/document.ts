// Report documents (render/document.ts and its formats).
import { formatEnglishDate } from '../../core/dates.js';
import type { documents as zh } from '../zh/document.js';

export const documents: ReturnType<typeof zh> = {
  document: {
    heading: (path) => (path.length === 1 ? `${path[0]}. ` : `${path.join('.')} `),
    caption: (n, caption) => `Table ${n}. ${caption}`,
    note: (text) => `Note: ${text}`,
    issue: (n) => `No. ${n}`,
    asOf: (date) => `as of ${formatEnglishDate(date)}`,
    empty: 'none',
    total: 'Total',
    overviewSheet: 'Overview',
  },
};
