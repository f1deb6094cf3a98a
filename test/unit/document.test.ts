import { describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/index.js';
import { cellText, flatten, paragraph, section, table, type ReportDocument } from '../../src/render/document.js';
import { renderDocumentText } from '../../src/render/document-text.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { displayWidth } from '../../src/render/text.js';
import { xunReport } from '../fixtures/documents/xun-report.js';

const zh = messages('zh');
const en = messages('en');

const nested: ReportDocument = {
  title: '标题',
  subtitle: [],
  date: '2020-09-30',
  blocks: [
    paragraph('导语'),
    section('甲', paragraph('甲文'), section('甲一', section('甲一1', section('甲一1（1）', section('更深', paragraph('最深'))))), section('甲二')),
    section('乙', table({ caption: '乙表', columns: [{ header: '列', width: 4 }], rows: [{ cells: ['x'] }] })),
    section('丙', section('丙一', table({ caption: '丙表', columns: [{ header: '列', width: 4 }], rows: [] }))),
  ],
};

describe('the document model', () => {
  it('numbers headings by level and tables through the document', () => {
    const flat = flatten(nested, zh);
    const headings = flat.flatMap((b) => (b.kind === 'heading' ? [`${b.level}:${b.number}${b.text}`] : []));
    expect(headings).toEqual(['1:一、甲', '2:（一）甲一', '3:1.甲一1', '4:（1）甲一1（1）', '5:（1）更深', '2:（二）甲二', '1:二、乙', '1:三、丙', '2:（一）丙一']);
    const tables = flat.flatMap((b) => (b.kind === 'table' ? [b.caption] : []));
    expect(tables).toEqual(['表1　乙表', '表2　丙表']);
    expect(flat.map((b) => b.top)).toEqual([-1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 2]);
  });

  it('numbers headings the English way in English', () => {
    const headings = flatten(nested, en).flatMap((b) => (b.kind === 'heading' ? [b.number + b.text] : []));
    expect(headings.slice(0, 3)).toEqual(['1. 甲', '1.1 甲一', '1.1.1 甲一1']);
    expect(flatten(nested, en).find((b) => b.kind === 'table')).toMatchObject({ caption: 'Table 1. 乙表' });
  });

  it.each([
    [0.236, { header: '', width: 1, kind: 'percent' as const }, '23.6%'],
    [1, { header: '', width: 1, kind: 'percent' as const }, '100.0%'],
    [0.5, { header: '', width: 1, kind: 'percent' as const, decimals: 0 }, '50%'],
    [4.25, { header: '', width: 1, kind: 'number' as const }, '4.25'],
    [4.25, { header: '', width: 1, kind: 'number' as const, decimals: 1 }, '4.3'],
    [null, { header: '', width: 1, kind: 'number' as const }, ''],
    [undefined, { header: '', width: 1 }, ''],
    [Number.NaN, { header: '', width: 1, kind: 'number' as const }, ''],
    ['—', { header: '', width: 1, kind: 'number' as const }, '—'],
  ])('prints %j in %j as %j', (value, column, text) => expect(cellText(value, column)).toBe(text));
});

describe('the document for the terminal', () => {
  const mark = (text: string, style: string) => `<${style}>${text}</${style}>`;

  it('centres the title, numbers headings and tables, indents paragraphs', () => {
    const text = renderDocumentText(xunReport, zh, { width: 100, ascii: false });
    const lines = text.split('\n');
    expect(lines[0]!.trim()).toBe('屯溪区2020年重点工作旬调度情况');
    expect(lines[0]!.length - lines[0]!.trimStart().length).toBe(Math.floor((100 - displayWidth('屯溪区2020年重点工作旬调度情况')) / 2));
    expect(lines[1]!.trim()).toBe('第27期');
    expect(lines).toContain('一、总体情况');
    expect(lines).toContain('（一）新增红灯');
    expect(lines).toContain('表6　各单位反馈情况');
    expect(lines).toContain('    一是完成进度稳步提升。本旬新完成8项，其中提前完成2项，按期完成5项，逾期完成1项。');
    expect(text).toMatch(/│ 全部任务 +│ 44\.0% │ 39\.7% │ +74\.9% │/);
    expect(text).toMatch(/│ 合计 +│ +40 │ +35 │ +2 │ +3 │ +87\.5% │/);
    // a table without rows is a line, not an empty grid
    expect(text).toContain('表4　本旬新增红灯任务\n    本旬无新增红灯任务\n');
    expect(text).toContain('注：逾期90天以上的任务以红色底纹标出。');
    expect(text.endsWith('\n五、下一旬到期事项\n\n    10月上旬到期的任务1项、节点2个，请相关单位抓紧推进。\n')).toBe(true);
  });

  it.each([40, 60, 80, 100, 160])('keeps every line within %i columns', (width) => {
    const text = renderDocumentText(xunReport, zh, { width, ascii: true });
    for (const line of text.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
    // nothing is lost to the width: every task id of the long table is there
    for (const id of ['2020-002', '2020-043', '2020-121']) expect(text).toContain(id);
  });

  it('falls back to one record per row when the columns cannot fit', () => {
    const text = renderDocumentText(xunReport, zh, { width: 50, ascii: false });
    expect(text).toMatch(/^1 {2}2020-002$/m);
    expect(text.split('\n').every((line) => displayWidth(line) <= 50)).toBe(true);
    expect(text).toContain('逾期天数：92\n');
  });

  it('styles strong runs, emphasised rows and totals through the given style', () => {
    const text = renderDocumentText(xunReport, zh, { width: 120, ascii: false, style: mark });
    expect(text).toContain('<title>屯溪区2020年重点工作旬调度情况</title>');
    expect(text).toContain('    截至9月30日，<strong>全区141项重点工作已完成62项</strong>（其中逾期完成5项）');
    expect(text).toContain('<heading>一、总体情况</heading>');
    expect(text).toContain('<strong>一是</strong>完成进度稳步提升');
    expect(text).toMatch(/<red>红灯 +<\/red>/);
    expect(text).toMatch(/<yellow>黄灯 +<\/yellow>/);
    expect(text).toMatch(/<strong>合计 +<\/strong>/);
    expect(text).toContain('<note>注：逾期90天以上的任务以红色底纹标出。');
  });

  it('keeps strong runs right across a line break', () => {
    const doc: ReportDocument = { title: 'T', subtitle: [], date: '2020-09-30', blocks: [paragraph([{ text: '一二三四五六七八九十', strong: true }, { text: '甲乙丙丁' }])] };
    const text = renderDocumentText(doc, zh, { width: 20, ascii: false, style: mark });
    expect(text).toContain('    <strong>一二三四五六七八</strong>\n<strong>九十</strong>甲乙丙丁\n');
  });
});

describe('the document as Markdown', () => {
  const md = renderMarkdown(xunReport, zh);

  it('writes the title, numbered headings by level and captioned pipe tables', () => {
    expect(md.startsWith('# 屯溪区2020年重点工作旬调度情况\n\n第27期\n\n（2020年9月21日—9月30日）\n\n')).toBe(true);
    expect(md).toContain('\n## 一、总体情况\n');
    expect(md).toContain('\n### （一）新增红灯\n');
    expect(md).toContain('\n**表1　主要指标**\n\n| 指标 | 本旬 | 上旬 | 变化 |\n| --- | ---: | ---: | :---: |\n| 任务总数 | 141 | 141 | — |\n');
    expect(md).toContain('| 全部任务 | 44.0% | 39.7% | 74.9% |');
    expect(md).toContain('| **合计** | **40** | **35** | **2** | **3** | **87.5%** |');
    expect(md).toContain('\n**表4　本旬新增红灯任务**\n\n本旬无新增红灯任务\n');
    expect(md).toContain('\n注：逾期90天以上的任务以红色底纹标出。');
  });

  it('keeps punctuation outside strong runs, so that CommonMark closes them', () => {
    expect(md).toContain('截至9月30日，**全区141项重点工作已完成62项**（其中逾期完成5项）');
    const doc: ReportDocument = { title: 'T', subtitle: [], date: '2020-09-30', blocks: [paragraph([{ text: '一是：', strong: true }, { text: '抓好' }])] };
    expect(renderMarkdown(doc, zh)).toContain('\n**一是**：抓好\n');
  });

  it('escapes pipes and line breaks in cells, and markup in text', () => {
    expect(md).toContain('| 完善招商项目预审制 \\| 含“预审表”修订<br>（第二稿） |');
    const doc: ReportDocument = {
      title: '# 标题*',
      subtitle: ['- 副题'],
      date: '2020-09-30',
      blocks: [
        paragraph('1. 不是列表'),
        paragraph('第一行\n2) 第二行 <b>x</b> [链接](y) `代码` _下划_'),
        section('标题 #', table({ caption: '表|名', columns: [{ header: 'a|b', width: 4 }], rows: [{ cells: ['x\ny|z'] }] })),
      ],
    };
    const out = renderMarkdown(doc, zh);
    expect(out).toContain('# \\# 标题\\*\n');
    expect(out).toContain('\n\\- 副题\n');
    expect(out).toContain('\n1\\. 不是列表\n');
    expect(out).toContain('\n第一行\\\n2\\) 第二行 \\<b\\>x\\</b\\> \\[链接\\](y) \\`代码\\` \\_下划\\_\n');
    expect(out).toContain('\n## 一、标题 \\#\n');
    expect(out).toContain('**表1　表\\|名**');
    expect(out).toContain('| a\\|b |\n| --- |\n| x<br>y\\|z |');
  });

  it('drops control characters that could steer a terminal or a renderer', () => {
    const doc: ReportDocument = { title: 'T\u001b[31m', subtitle: [], date: '2020-09-30', blocks: [paragraph('甲\u202e乙')] };
    expect(renderMarkdown(doc, zh)).toBe('# T\n\n甲乙\n');
  });
});
