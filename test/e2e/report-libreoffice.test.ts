// The .docx and .xlsx reports open in LibreOffice (as in WPS and Word/Excel) and print: converted
// to PDF without an error, each with its pages.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnTasks, tempDir } from '../helpers.js';

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
const installed = soffice.error === undefined && soffice.status === 0;

/** The pages of a PDF: its page objects (not the /Pages tree). */
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

describe('the report in LibreOffice', () => {
  it('converts the quarter report with its ranking, as .docx and as .xlsx, to PDF without error', () => {
    // required: .ci/run installs it on a fresh machine (Writer for .docx, Calc for .xlsx)
    expect(installed, 'LibreOffice (soffice) is needed: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui').toBe(true);
    const work = tempDir();
    const report = ['--as-of', '2020-10-01', 'report', 'quarter', '--period', '2020-Q3', '--rank'];
    expect(spawnTasks([...report, '--format', 'docx', '--out', join(work, '季度报告.docx')]).code).toBe(0);
    expect(spawnTasks([...report, '--format', 'xlsx', '--out', join(work, '季度报表.xlsx')]).code).toBe(0);
    const converted = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${join(work, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', join(work, 'pdf'), join(work, '季度报告.docx'), join(work, '季度报表.xlsx')],
      { encoding: 'utf8', timeout: 170_000 },
    );
    expect(converted.status).toBe(0);
    // LibreOffice exits 0 even when it cannot load a file; it says so on stderr
    expect(converted.stderr).not.toMatch(/Error|could not be loaded/i);
    for (const name of ['季度报告.pdf', '季度报表.pdf']) {
      const pdf = join(work, 'pdf', name);
      expect(existsSync(pdf), name).toBe(true);
      // a title page's worth and more: the report has a dozen parts with their tables
      expect(pageCount(readFileSync(pdf)), name).toBeGreaterThan(5);
    }
  }, 180_000);
});
