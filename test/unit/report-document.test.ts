// The period report's document: long tables cut for .docx with the caption saying so.
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/index.js';
import { section, table, type ReportDocument } from '../../src/render/document.js';
import { capTables } from '../../src/render/report-document.js';

describe('capTables', () => {
  it('keeps the first rows of a long table, says how many there are, and leaves short tables alone', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ cells: [i + 1] }));
    const doc: ReportDocument = {
      title: 't',
      subtitle: [],
      date: '2020-09-30',
      blocks: [section('一', table({ caption: '未反馈事项', columns: [{ header: '序号', width: 4 }], rows: rows(5) }), table({ caption: '短表', columns: [{ header: '序号', width: 4 }], rows: rows(2) }))],
    };
    const capped = capTables(doc, 3, messages('zh'));
    const [long, short] = (capped.blocks[0] as unknown as { blocks: Array<{ caption: string; rows: unknown[] }> }).blocks;
    expect(long).toMatchObject({ caption: '未反馈事项（共5项，列出前3项，全部见 xlsx 或 JSON）' });
    expect(long!.rows).toHaveLength(3);
    expect(short).toMatchObject({ caption: '短表' });
    expect(short!.rows).toHaveLength(2);
  });
});
