import { describe, expect, it } from 'vitest';
import { crossChecks, nameChecks } from '../../src/core/checks.js';
import { insertInProtocolOrder, nearDuplicates, nearMisses, protocolRank, resolveName } from '../../src/core/roster.js';
import type { LoadedTask, Task } from '../../src/core/task.js';

const LEADS = ['区长', '常务副区长', '分管工业副区长', '分管城建副区长'];
const UNITS = ['区发改委', '区住建局', '区民政局', '区财政局', '区政府办'];

describe('names as clerks type them', () => {
  it.each([
    ['分管城建', '分管城建副区长'], ['常务', '常务副区长'], ['住建', '区住建局'], ['区长', '区长'], ['区住建局', '区住建局'],
  ])('%s is the known name %s', (input, name) => {
    const names = input.includes('局') || input === '住建' ? UNITS : LEADS;
    expect(resolveName(input, names)).toEqual({ ok: true, name, known: true });
  });

  it('refuses a name that fits several, and a near-miss of a known one, with the candidates', () => {
    expect(resolveName('分管', LEADS)).toEqual({ ok: false, reason: 'ambiguous', candidates: ['分管工业副区长', '分管城建副区长'] });
    expect(resolveName('区住建委', UNITS)).toEqual({ ok: false, reason: 'near', candidates: ['区住建局'] });
    expect(resolveName('分管城建副区长同志', LEADS)).toEqual({ ok: false, reason: 'near', candidates: ['分管城建副区长'] });
    expect(resolveName('区住建局 ', UNITS)).toMatchObject({ ok: true, name: '区住建局' });
  });

  it('takes a new name as written when it is close to none', () => {
    expect(resolveName('区档案馆', UNITS)).toEqual({ ok: true, name: '区档案馆', known: false });
    expect(resolveName('分管农业副区长', LEADS)).toEqual({ ok: true, name: '分管农业副区长', known: false });
  });

  it('does not take two units that differ inside for a slip, nor a post for a part of another', () => {
    expect(nearMisses('区民政局', ['区财政局'])).toEqual([]);
    expect(nearMisses('区长', ['常务副区长'])).toEqual([]);
    expect(nearMisses('住建局', ['区住建局'])).toEqual(['区住建局']);
    expect(nearMisses('区住建局（区人防办）', ['区住建局(区人防办)'])).toEqual(['区住建局(区人防办)']);
    expect(nearDuplicates(['区长', '分管城建副区长', '分管城建', '区住建局'])).toEqual([['分管城建副区长', '分管城建']]);
  });
});

describe('protocol order', () => {
  it('ranks the head, the executive deputy, the deputies, and not other names', () => {
    expect(['区长', '常务副区长', '分管城建副区长', '副区长', '区委书记', '区政府办'].map(protocolRank)).toEqual([1, 2, 3, 3, 0, undefined]);
  });

  it('puts the posts an import meets in protocol order, keeping the order of the roster and of other names', () => {
    expect(insertInProtocolOrder([], ['常务副区长', '分管工业副区长', '区长', '区政府办', '分管城建副区长'])).toEqual(['区长', '常务副区长', '分管工业副区长', '分管城建副区长', '区政府办']);
    expect(insertInProtocolOrder(['区长', '分管农业副区长', '某某同志'], ['常务副区长', '分管工业副区长'])).toEqual(['区长', '常务副区长', '分管农业副区长', '分管工业副区长', '某某同志']);
    expect(insertInProtocolOrder(['某某同志', '常务副区长'], ['区长'])).toEqual(['某某同志', '区长', '常务副区长']);
    expect(insertInProtocolOrder(['区长'], ['区长'])).toEqual(['区长']);
  });
});

describe('checks of names and targets', () => {
  const loaded = (id: string, extra: Partial<Task>): LoadedTask => ({
    file: `tasks/${id}.yaml`,
    task: { id, title: 't', lead: '区长', units: ['区发改委'], deadline: '2020-12-31', status: 'in_progress', ...extra },
  });
  const words = { lead: '牵头责任领导', unit: '责任单位' };

  it('warns of near-duplicates in the roster at the later name', () => {
    const findings = nameChecks({ leads: ['区长', '分管城建副区长', '分管城建'], units: [] }, [], 'tasks.config.yaml', words);
    expect(findings).toEqual([
      { file: 'tasks.config.yaml', path: ['roster', 'leads', 2], severity: 'warning', code: 'near_duplicate_name', params: { what: '牵头责任领导', name: '分管城建', other: '分管城建副区长', where: 'roster' } },
    ]);
  });

  it('without a roster, warns at the tasks using the rarer of two near names', () => {
    const tasks = [loaded('A', { lead: '分管城建副区长' }), loaded('B', { lead: '分管城建副区长' }), loaded('C', { lead: ['区长', '分管城建'] }), loaded('D', { lead: '待定', units: ['待定'] })];
    const findings = nameChecks({ leads: [], units: [] }, tasks, 'tasks.config.yaml', words);
    expect(findings).toEqual([
      { file: 'tasks/C.yaml', path: ['lead', 1], severity: 'warning', code: 'near_duplicate_name', params: { what: '牵头责任领导', name: '分管城建', other: '分管城建副区长', where: 'tasks' } },
    ]);
  });

  it('warns when two targets of a task share a name', () => {
    const t = loaded('E', { targets: [{ name: '年度计划投资', target: 1 }, { name: '实施项目', target: 2 }, { name: '年度计划投资', target: 3 }] });
    expect(crossChecks([t], { leads: [], units: [] })).toEqual([
      { file: 'tasks/E.yaml', path: ['targets', 2, 'name'], severity: 'warning', code: 'duplicate_target', params: { name: '年度计划投资', index: 3, other: 1 } },
    ]);
  });
});
