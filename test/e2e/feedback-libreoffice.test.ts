// A form opened and saved again by LibreOffice (as WPS and Excel users' forms come back) reads
// back the same as the one filled in, and keeps its locks and checks.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { copyFixture, spawnTasks, tempDir } from '../helpers.js';
import { COL, fillForm } from '../form-fill.js';

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
const installed = soffice.error === undefined && soffice.status === 0;

function repo(): string {
  const dir = copyFixture('feedback');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  git('config', 'user.name', '督查室');
  git('config', 'user.email', 'd@example.org');
  git('add', '.');
  git('commit', '-qm', '台账');
  return dir;
}

const ledger = (dir: string) =>
  readdirSync(join(dir, 'tasks'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => load(readFileSync(join(dir, 'tasks', f), 'utf8')));

describe('a form saved again by LibreOffice', () => {
  it('reads back the same as the one filled in', async () => {
    // required: .ci/run installs it on a fresh machine
    expect(installed, 'LibreOffice (soffice) is needed: apt-get install libreoffice-calc-nogui').toBe(true);
    const sender = repo();
    expect(spawnTasks(['--as-of', '2020-09-22', 'feedback', 'forms', '--out', join(sender, 'out'), '--unit', '区发改委'], { cwd: sender }).code).toBe(0);
    const work = tempDir();
    const filled = await fillForm(join(sender, 'out', '反馈表-2020-09-3', '区发改委_2020年9月下旬.xlsx'), (f) => {
      f.date(new Date(Date.UTC(2020, 8, 28)));
      f.answer('F-01', { progress: '1—9月完成投资82亿元；\n新开工项目5个。', problems: '用地报批滞后', percent: { formula: '70+8', result: 78 } });
      f.answer('F-02', { progress: '纲要审议通过。', percent: 100, done: '是', done_on: new Date(Date.UTC(2020, 8, 27)) });
      f.answer('F-03', { progress: '方案已印发。', percent: '八成' });
      f.answer('F-04', { progress: '配合宣传。' });
    }, join(work, '区发改委.xlsx'));
    const profile = join(work, 'lo-profile');
    const converted = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', join(work, 'saved'), filled],
      { encoding: 'utf8', timeout: 170_000 },
    );
    expect(converted.status).toBe(0);
    const saved = join(work, 'saved', '区发改委.xlsx');

    const direct = repo();
    const viaOffice = repo();
    const a = spawnTasks(['--as-of', '2020-09-30', 'feedback', 'import', filled], { cwd: direct });
    const b = spawnTasks(['--as-of', '2020-09-30', 'feedback', 'import', saved], { cwd: viaOffice });
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(b.stdout).toBe('区发改委.xlsx：区发改委 2020年9月下旬，读取 4 行，写入 4 项，未变 0 项，拒收 0 行，办结申请 1 项\n');
    expect(b.stderr).toBe(a.stderr);
    expect(ledger(viaOffice)).toEqual(ledger(direct));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const ws = wb.getWorksheet('区发改委')!;
    // exceljs reads LibreOffice's sheet="true" as no protection: look at the sheet's XML itself
    const zip = await JSZip.loadAsync(readFileSync(saved));
    const names = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    const xml = await Promise.all(names.map((n) => zip.file(n)!.async('string')));
    expect(xml.filter((x) => /<sheetProtection[^>]*sheet="(true|1)"/.test(x))).toHaveLength(1);
    expect(ws.getCell(6, COL.percent).dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 100] });
    expect(ws.getCell(7, COL.done).dataValidation).toMatchObject({ type: 'list' });
    expect(await zip.file('xl/styles.xml')!.async('string')).toMatch(/<protection[^>]*locked="(false|0)"/);
    expect(wb.getWorksheet('_tasks_form')?.state).not.toBe('visible');
  }, 180_000);
});
