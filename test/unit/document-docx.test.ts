// The report document as .docx, read back: the package unzipped and its XML checked.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/index.js';
import { paragraph, table, type ReportDocument } from '../../src/render/document.js';
import { columnWidths, renderDocx } from '../../src/render/docx.js';
import { xunReport } from '../fixtures/documents/xun-report.js';

const zh = messages('zh');

async function unzip(bytes: Buffer): Promise<{ zip: JSZip; xml: (name: string) => Promise<string> }> {
  const zip = await JSZip.loadAsync(bytes);
  return { zip, xml: (name) => zip.file(name)!.async('string') };
}

/** The paragraphs of document.xml as their style and text, in order (tables' cells included). */
function paragraphs(xml: string): Array<{ style: string; text: string }> {
  return [...xml.matchAll(/<w:p>(.*?)<\/w:p>|<w:p\/>/gs)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[1] ?? '')?.[1] ?? '',
    text: [...(m[1] ?? '').matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  }));
}

function tables(xml: string): string[] {
  return [...xml.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].map((m) => m[0]);
}

describe('the document as .docx', async () => {
  const bytes = await renderDocx(xunReport, zh, { creator: 'tasks' });
  const { zip, xml } = await unzip(bytes);
  const document = await xml('word/document.xml');
  const styles = await xml('word/styles.xml');

  it('gives the same bytes for the same document, dated with the document’s date', async () => {
    const again = await renderDocx(structuredClone(xunReport), zh, { creator: 'tasks' });
    expect(again.equals(bytes)).toBe(true);
    expect(await xml('docProps/core.xml')).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2020-09-30T00:00:00Z</dcterms:created>');
    expect(await xml('docProps/core.xml')).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2020-09-30T00:00:00Z</dcterms:modified>');
    for (const entry of Object.values(zip.files)) expect(entry.date.toISOString().slice(0, 10)).toBe('2020-09-30');
    expect(Object.keys(zip.files)[0]).toBe('[Content_Types].xml');
  });

  it('holds the title, numbered headings in heading styles, paragraphs and notes in order', () => {
    const ps = paragraphs(document).filter((p) => p.text !== '' && p.style !== 'TableText');
    expect(ps.slice(0, 5)).toEqual([
      { style: 'Title', text: '屯溪区2020年重点工作旬调度情况' },
      { style: 'Subtitle', text: '第27期' },
      { style: 'SubtitleLast', text: '（2020年9月21日—9月30日）' },
      { style: '', text: '截至9月30日，全区141项重点工作已完成62项（其中逾期完成5项），推进中74项，暂缓3项，取消2项；完成率44.0%，比上旬提高4.3个百分点。红灯32项，比上旬增加2项；黄灯9项，比上旬减少1项。' },
      { style: 'Heading1', text: '一、总体情况' },
    ]);
    const headings = ps.filter((p) => p.style.startsWith('Heading')).map((p) => `${p.style} ${p.text}`);
    expect(headings).toEqual([
      'Heading1 一、总体情况', 'Heading1 二、本旬完成情况', 'Heading1 三、逾期未完成情况', 'Heading2 （一）新增红灯', 'Heading2 （二）仍为红灯',
      'Heading1 四、反馈情况', 'Heading1 五、下一旬到期事项',
    ]);
    expect(ps.filter((p) => p.style === 'TableCaption').map((p) => p.text)).toEqual([
      '表1　主要指标', '表2　完成率', '表3　本旬完成的任务', '表4　本旬新增红灯任务', '表5　逾期未完成任务', '表6　各单位反馈情况',
    ]);
    expect(ps).toContainEqual({ style: 'Note', text: '注：逾期90天以上的任务以红色底纹标出。逾期天数按完成时限次日起算，截至9月30日。' });
    expect(ps).toContainEqual({ style: '', text: '区住建局：2020-041、2020-052未报送；' });
    // the strong run of the headline is bold, the rest is not
    expect(document).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">全区141项重点工作已完成62项<\/w:t><\/w:r>/);
    expect(document).toMatch(/<w:r><w:t xml:space="preserve">截至9月30日，<\/w:t><\/w:r>/);
  });

  it('writes tables with a repeated header row, rows kept whole, emphasis, totals and an empty-table row', () => {
    const all = tables(document);
    expect(all).toHaveLength(6);
    for (const t of all) {
      const rows = t.match(/<w:tr>/g)!.length;
      expect(t.match(/<w:tblHeader\/>/g)).toHaveLength(1);
      expect(t.match(/<w:cantSplit\/>/g)).toHaveLength(rows);
      expect(t).toContain('<w:tblLayout w:type="fixed"/>');
      expect(t).toMatch(/<w:insideV w:val="single"[^>]*w:sz="4"/);
    }
    const rowCount = (t: string) => t.match(/<w:tr>/g)!.length;
    expect(all.map(rowCount)).toEqual([1 + 6, 1 + 2, 1 + 4, 1 + 1, 1 + 32, 1 + 4 + 1]);
    const cells = (t: string) => paragraphs(t).map((p) => p.text);
    expect(cells(all[0]!).slice(0, 8)).toEqual(['指标', '本旬', '上旬', '变化', '任务总数', '141', '141', '—']);
    expect(cells(all[1]!)).toContain('44.0%');
    expect(all[0]!).toMatch(/<w:shd [^>]*w:fill="FFC7CE"[^>]*\/>(?:(?!<\/w:tr>).)*32/s);
    expect(all[0]!).toContain('w:fill="FFEB9C"');
    // the empty table's one row spans its five columns
    expect(all[3]!).toMatch(/<w:gridSpan w:val="5"\/>.*本旬无新增红灯任务/s);
    // the total row is bold
    expect(all[5]!).toMatch(/<w:b\/><w:bCs\/>(?:(?!<\/w:p>).)*合计/s);
    // a line break in a cell stays a line break
    expect(all[2]!).toMatch(/含“预审表”修订<\/w:t><\/w:r><w:r>(?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:br\/><w:t xml:space="preserve">（第二稿）/s);
  });

  it('sets Chinese fonts on the eastAsia attribute, with the sizes and line spacing offices print', async () => {
    const style = (id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}">.*?</w:style>`, 's').exec(styles)?.[0] ?? '';
    const defaults = /<w:docDefaults>.*?<\/w:docDefaults>/s.exec(styles)![0];
    expect(defaults).toMatch(/<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="仿宋_GB2312" w:hAnsi="Times New Roman" w:hint="eastAsia"\/>/);
    expect(defaults).toContain('<w:sz w:val="32"/>');
    expect(defaults).toContain('<w:lang w:val="en-US" w:eastAsia="zh-CN"/>');
    expect(defaults).toMatch(/<w:spacing [^>]*w:line="580" w:lineRule="exact"/);
    expect(defaults).toContain('<w:ind w:firstLine="640"/>');
    expect(style('Title')).toContain('w:eastAsia="方正小标宋简体"');
    expect(style('Title')).toContain('<w:sz w:val="44"/>');
    expect(style('Title')).toContain('<w:jc w:val="center"/>');
    expect(style('Heading1')).toContain('w:eastAsia="黑体"');
    expect(style('Heading1')).toContain('<w:outlineLvl w:val="0"/>');
    expect(style('Heading2')).toContain('w:eastAsia="楷体_GB2312"');
    expect(style('Heading2')).toContain('<w:outlineLvl w:val="1"/>');
    expect(style('Heading3')).toMatch(/w:eastAsia="仿宋_GB2312".*<w:b\/>/s);
    expect(style('TableText')).toContain('w:eastAsia="仿宋_GB2312"');
    expect(style('TableCaption')).toContain('w:eastAsia="黑体"');
    expect(style('TableCaption')).toContain('<w:keepNext/>');
    // table text in 小四 (12 pt) for a narrow table, 五号 (10.5 pt) for a wide one
    const [first, , , , wide] = tables(document);
    expect(first).toContain('<w:sz w:val="24"/>');
    expect(wide).toContain('<w:sz w:val="21"/>');
    // the font table offers the common fallback of each font
    const fonts = await xml('word/fontTable.xml');
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/>');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    expect(fonts).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>');
  });

  it('lays out A4 with the GB/T 9704 margins and page numbers at the outer edge', async () => {
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"[^>]*\/>/);
    expect(document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(document).toMatch(/<w:footerReference w:type="default" r:id="[^"]+"\/>/);
    expect(document).toMatch(/<w:footerReference w:type="even" r:id="[^"]+"\/>/);
    expect(await xml('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const footers = await Promise.all(Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n)).sort().map(xml));
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      expect(f).toMatch(/<w:t xml:space="preserve">— <\/w:t>.*PAGE.*<w:t xml:space="preserve"> —<\/w:t>/s);
    }
    expect(footers.some((f) => f.includes('<w:jc w:val="right"/>') && f.includes('w:right="280"'))).toBe(true);
    expect(footers.some((f) => f.includes('<w:jc w:val="left"/>') && f.includes('w:left="280"'))).toBe(true);
  });

  it('escapes text as XML, cleans it of controls, and leaves a blank line under a title without subtitle lines', async () => {
    const doc: ReportDocument = { title: 'A&B<C>', subtitle: [], date: '2021-01-01', blocks: [paragraph('"引号" & <尖括号>'), paragraph('红\u001b[31m色\u202e反\u0007转')] };
    const { xml: read } = await unzip(await renderDocx(doc, zh, { creator: 'tasks' }));
    const body = await read('word/document.xml');
    expect(body).toContain('A&amp;B&lt;C&gt;');
    expect(body).toContain('&quot;引号&quot; &amp; &lt;尖括号&gt;');
    // escape sequences, bidi overrides and controls from task text do not reach the document
    expect(body).toContain('>红色反转</w:t>');
    expect(body).toMatch(/<w:pStyle w:val="Title"\/><w:spacing w:after="580"\/>/);
    expect(await read('docProps/core.xml')).toContain('2021-01-01T00:00:00Z');
  });

  it('gives a column at least the width of its longest date or id, and fills the text width', () => {
    const t = table({
      caption: 'x',
      columns: [{ header: '编号', width: 2 }, { header: '任务', width: 60 }, { header: '完成时限', width: 2 }],
      rows: [{ cells: ['2020-001', '很长的任务名称'.repeat(5), '2020-06-30'] }],
    });
    const widths = columnWidths(t, zh, 21);
    // 210 mm less 28 mm and 26 mm of margins
    expect(widths.reduce((a, b) => a + b, 0)).toBe(11906 - 1587 - 1474);
    // 10 characters of 10.5 pt digits need about 58 pt (1155 twips) besides the cell margins
    expect(widths[2]).toBeGreaterThan(1155);
    expect(widths[0]).toBeGreaterThan(924);
    expect(widths[1]).toBeGreaterThan(widths[2]!);
  });
});
