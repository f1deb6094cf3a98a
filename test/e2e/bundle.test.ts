// Offline exchange: a district's ledger goes to the city on a USB stick and the city's feedback
// comes back, each file holding only what the other side lacks; bad files change nothing.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { allNotes, gitIn, plainRepo, taskIds, type Clone } from './offices.js';
import { run } from '../helpers.js';

async function ok(clone: Clone, ...args: string[]): Promise<string> {
  const r = await clone.tasks(...args);
  if (r.code !== 0) throw new Error(`tasks ${args.join(' ')} → ${r.code}\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

function cloneBundle(file: string, clerk: string): Clone {
  const dir = join(tempDir(), 'city');
  execFileSync('git', ['clone', '-q', file, dir]);
  const git = gitIn(dir);
  git('config', 'user.name', clerk);
  git('config', 'user.email', `${clerk}@example.org`);
  return { dir, git, tasks: (...args: string[]) => run(['--as-of', '2020-09-30', ...args], { cwd: dir }) };
}

const state = (c: Clone) => [c.git('rev-parse', 'HEAD'), c.git('status', '--porcelain', '--untracked-files=no'), c.git('for-each-ref', 'refs/tasks/bundle/incoming'), allNotes(c.dir).join('\n')].join('|');

describe('tasks bundle', () => {
  it('carries a district’s changes to the city and the city’s back, each file only what the other lacks', async () => {
    const usb = tempDir();
    const district = plainRepo('edit', '屯溪区督查室');
    await ok(district, 'progress', '2020-001', '区里九月进展', '--date', '2020-09-20');
    expect(await ok(district, 'bundle', 'export', '--since', 'all', join(usb, '1.bundle'))).toBe(`已导出 2 项修改到 ${join(usb, '1.bundle')}（完整台账）\n`);

    // the city's first copy is a clone of the first file
    const city = cloneBundle(join(usb, '1.bundle'), '市督查室');
    expect(taskIds(city.dir)).toEqual(taskIds(district.dir));
    await ok(city, 'sync', '--clerk', 'S');

    // a shared plan wants an id letter before new tasks
    const refused = await district.tasks('new', '--title', '区里新任务', '--lead', '区长', '--unit', '区财政局', '--deadline', '2020-12-31');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('tasks sync --clerk B');
    await ok(district, 'sync', '--clerk', 'T');
    await ok(district, 'new', '--title', '区里新任务', '--lead', '区长', '--unit', '区财政局', '--deadline', '2020-12-31');
    await ok(district, 'progress', '2020-003', '区里补报', '--date', '2020-09-25');
    const second = await ok(district, 'bundle', 'export', join(usb, '2.bundle'));
    expect(second).toMatch(/^已导出 2 项修改到 .*2\.bundle（\d{4}-\d\d-\d\d 之后的修改；对方须已导入之前的交换文件）\n$/);
    expect(await ok(district, 'bundle', 'export', join(usb, 'empty.bundle'))).toBe('自上次交换以来没有新的修改，未生成文件（需要完整导出时加 --since all）\n');

    expect(await ok(city, 'bundle', 'import', join(usb, '2.bundle'))).toBe('收到 2 项修改（区财政局 2）\n');
    await ok(city, 'progress', '2020-001', '市督查室：请加快进度', '--date', '2020-09-28', '--by', '市督查室');
    await ok(city, 'new', '--title', '市里交办', '--lead', '区长', '--unit', '区住建局', '--deadline', '2020-11-30');
    expect(await ok(city, 'bundle', 'export', join(usb, '3.bundle'))).toMatch(/^已导出 2 项修改到/);

    // meanwhile the district went on; the city's file merges into it field by field
    await ok(district, 'progress', '2020-001', '区里月底进展', '--date', '2020-09-29');
    expect(await ok(district, 'bundle', 'import', join(usb, '3.bundle'))).toBe('收到 2 项修改（区住建局 2）\n');
    await ok(district, 'bundle', 'export', join(usb, '4.bundle'));
    expect(await ok(city, 'bundle', 'import', join(usb, '4.bundle'))).toBe('收到 1 项修改（区住建局 1）\n');

    expect(allNotes(city.dir).sort()).toEqual(allNotes(district.dir).sort());
    expect(allNotes(city.dir).filter((n) => n.startsWith('2020-001:'))).toEqual([
      '2020-001: 已完成方案', '2020-001: 区里九月进展', '2020-001: 市督查室：请加快进度', '2020-001: 区里月底进展',
    ]);
    expect(taskIds(city.dir)).toEqual(['2020-001', '2020-002', '2020-003', '2020-S001', '2020-T001']);
    expect(taskIds(district.dir)).toEqual(taskIds(city.dir));
  });

  it('refuses a corrupt, a truncated, a foreign and a baseless file, changing nothing', async () => {
    const usb = tempDir();
    const district = plainRepo('edit', '屯溪区督查室');
    await ok(district, 'bundle', 'export', '--since', 'all', join(usb, '1.bundle'));
    const city = cloneBundle(join(usb, '1.bundle'), '市督查室');
    await ok(city, 'progress', '2020-001', '市里的记录');
    const before = state(city);
    const expectRefused = async (file: string, words: string) => {
      const r = await city.tasks('bundle', 'import', file);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(words);
      expect(r.stderr).not.toMatch(/fatal|error:/);
      expect(state(city)).toBe(before);
    };

    writeFileSync(join(usb, 'junk.bundle'), Buffer.from('PK\u0003\u0004 这不是交换文件'));
    await expectRefused(join(usb, 'junk.bundle'), '不是台账交换文件');

    await ok(district, 'progress', '2020-001', '区里的记录');
    await ok(district, 'bundle', 'export', join(usb, '2.bundle'));
    const whole = readFileSync(join(usb, '2.bundle'));
    writeFileSync(join(usb, 'cut.bundle'), whole.subarray(0, whole.length - 40));
    await expectRefused(join(usb, 'cut.bundle'), '不是台账交换文件');

    const other = plainRepo('lights', '黄山区');
    mkdirSync(join(usb, 'other'));
    await ok(other, 'bundle', 'export', '--since', 'all', join(usb, 'other', '1.bundle'));
    await expectRefused(join(usb, 'other', '1.bundle'), '来自另一个台账');

    await ok(district, 'progress', '2020-003', '区里再报');
    await ok(district, 'bundle', 'export', join(usb, '3.bundle'));
    await expectRefused(join(usb, '3.bundle'), '还没有导入那些修改（缺少 1 个提交）');

    // the right files, in order, go in
    expect(await ok(city, 'bundle', 'import', join(usb, '2.bundle'))).toBe('收到 1 项修改（区住建局 1）\n');
    // a damaged copy of a file taken in already is damaged, not "nothing new"
    const taken = state(city);
    for (const cut of [40, Math.floor(whole.length / 2)]) {
      writeFileSync(join(usb, 'cut.bundle'), whole.subarray(0, whole.length - cut));
      const again = await city.tasks('bundle', 'import', join(usb, 'cut.bundle'));
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('不是台账交换文件，或已损坏、不完整');
      expect(state(city)).toBe(taken);
    }
    expect(await ok(city, 'bundle', 'import', join(usb, '3.bundle'))).toBe('收到 1 项修改（区财政局 1）\n');
    expect(allNotes(city.dir)).toEqual(['2020-001: 已完成方案', '2020-001: 市里的记录', '2020-001: 区里的记录', '2020-003: 接近完成', '2020-003: 区里再报']);
  });
});
