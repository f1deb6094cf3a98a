// Filling in a feedback form as a unit would, with exceljs, for the tests of the round trip.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

type Worksheet = import('exceljs').Worksheet;
type Workbook = import('exceljs').Workbook;
type CellInput = string | number | Date | { formula: string; result?: string | number } | null;

/** Column numbers of the form by the header's key. */
export const COL = { no: 1, id: 2, task: 3, lead: 4, deadline: 5, light: 6, latest: 7, progress: 8, problems: 9, next_steps: 10, percent: 11, done: 12, done_on: 13 } as const;

export interface FormEditor {
  ws: Worksheet;
  wb: Workbook;
  /** the sheet row of a task, by its id */
  rowOf(id: string): number;
  /** fills the answer columns of a task's row */
  answer(id: string, values: Partial<Record<'progress' | 'problems' | 'next_steps' | 'percent' | 'done' | 'done_on', CellInput>>): void;
  /** the 填报日期 cell */
  date(value: CellInput): void;
  /** deletes a row as Excel does: the rows below move up, with their merged cells */
  deleteRow(row: number): void;
}

/** Opens `path`, lets `edit` change it, and saves it to `out` (the same file by default). */
export async function fillForm(path: string, edit: (f: FormEditor) => void | Promise<void>, out = path): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  const ws = wb.worksheets.find((w) => w.state === 'visible')!;
  const rowOf = (id: string) => {
    for (let r = 1; r <= ws.rowCount; r++) if (String(ws.getCell(r, COL.id).value ?? '') === id) return r;
    throw new Error(`no row for ${id}`);
  };
  await edit({
    ws,
    wb,
    rowOf,
    answer: (id, values) => {
      const r = rowOf(id);
      for (const [key, value] of Object.entries(values)) ws.getCell(r, COL[key as keyof typeof COL]).value = value as ExcelJS.CellValue;
    },
    date: (value) => {
      ws.getCell(3, 3).value = value as ExcelJS.CellValue;
    },
    deleteRow: (row) => {
      const merges = (ws.model.merges as string[]).filter((m) => Number(/\d+/.exec(m)![0]) > row);
      for (const m of merges) ws.unMergeCells(m);
      const last = ws.rowCount;
      for (let r = row; r < last; r++) {
        for (let c = 1; c <= 13; c++) {
          const below = ws.getCell(r + 1, c);
          ws.getCell(r, c).value = below.value;
          ws.getCell(r, c).style = below.style;
        }
      }
      for (let c = 1; c <= 13; c++) ws.getCell(last, c).value = null;
      for (const m of merges) ws.mergeCells(m.replace(/\d+/g, (n) => String(Number(n) - 1)));
    },
  });
  writeFileSync(out, Buffer.from(await wb.xlsx.writeBuffer()));
  return out;
}

/** Feedback forms made once for a describe block: `tasks feedback forms` run on a copy of `plan`. */
export async function sendForms(
  plan: string,
  args: string[],
  run: (argv: string[], options: { cwd: string }) => Promise<{ code: number; stderr: string }>,
): Promise<{ folder: string; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'tasks-forms-'));
  const copy = join(dir, 'plan');
  cpSync(plan, copy, { recursive: true });
  const r = await run([...args, 'feedback', 'forms', '--out', join(dir, 'out')], { cwd: copy });
  if (r.code !== 0) throw new Error(r.stderr);
  const folder = join(dir, 'out', readdirSync(join(dir, 'out'))[0]!);
  return { folder, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
