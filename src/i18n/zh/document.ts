// 报告文档（render/document.ts 及其各种格式）.
import { formatChineseDate, formatSmallNumber } from '../../core/dates.js';

// 公文结构层次序数：第一层“一、”，第二层“（一）”，第三层“1.”，第四层“（1）”；更深的层次沿用第四层。
const LEVELS: ReadonlyArray<(n: number) => string> = [
  (n) => `${formatSmallNumber(n)}、`,
  (n) => `（${formatSmallNumber(n)}）`,
  (n) => `${n}.`,
  (n) => `（${n}）`,
];

export const documents = () => ({
  document: {
    /** 标题序号：path 为各层序号，如 [2, 1] 为第二部分的第一小节 */
    heading: (path: readonly number[]) => LEVELS[Math.min(path.length, LEVELS.length) - 1]!(path.at(-1) ?? 1),
    caption: (n: number, caption: string) => `表${n}　${caption}`,
    note: (text: string) => `注：${text}`,
    issue: (n: number) => `第${n}期`,
    asOf: (date: string) => `截至${formatChineseDate(date)}`,
    empty: '无',
    total: '合计',
    /** 表格文件中放标题下、各部分之前内容的工作表 */
    overviewSheet: '概况',
  },
});
