// 名册：领导和单位的名称如何认定（近似名称、名册顺序）、初始化时填名册、导入后提交、批量分解（tasks assign）.

export const roster = () => ({
  names: {
    lead: '牵头责任领导',
    unit: '责任单位',
    near: (what: string, input: string, candidates: readonly string[]) =>
      `${what}“${input}”与名册中的${candidates.map((c) => `“${c}”`).join('、')}很接近，为免出现两个名称，未作改动；请写名册中的名称（写开头几个字即可）。如确是新的${what}，请先把它加入 tasks.config.yaml 的名册`,
    ambiguous: (what: string, input: string, candidates: readonly string[]) =>
      `${what}“${input}”不唯一，可能是：${candidates.join('、')}；请多写几个字，未作改动`,
    resolved: (what: string, input: string, name: string) => `${what}“${input}”按名册认定为“${name}”`,
    notAdded: (what: string, input: string, candidates: readonly string[]) =>
      `注意：${what}“${input}”与${candidates.map((c) => `“${c}”`).join('、')}很接近，未加入名册；请在任务文件中改成名册中的名称`,
  },
  initRoster: {
    askLeads: '牵头责任领导（按排名顺序，用顿号或逗号分开，例如：区长、常务副区长、分管工业副区长；可直接回车以后再填）：',
    askUnits: '责任单位（按排名顺序，用顿号或逗号分开；可直接回车以后再填）：',
    filled: (leads: number, units: number) => `名册：牵头责任领导 ${leads} 位，责任单位 ${units} 个`,
    nearInList: (a: string, b: string) => `名册中“${a}”与“${b}”很接近，是否重复？请只写一个`,
  },
  importCommit: {
    notice: (file: string, created: number, updated: number) => `导入通知 ${file}：新建 ${created} 项、更新 ${updated} 项任务`,
    xlsx: (file: string, sheet: string, created: number, updated: number) => `导入台账 ${file}（工作表“${sheet}”）：新建 ${created} 项、更新 ${updated} 项任务`,
    roster: (leads: number, units: number) => `，名册增加领导 ${leads} 位、单位 ${units} 个`,
    committed: (files: number) => `已提交到 git（${files} 个文件，一次提交）`,
    noIdentity: '还没有设置 git 提交人，导入的文件已写好但没有提交。请运行 git config --global user.name "你的姓名" 和 git config --global user.email "邮箱"，再运行 git add tasks tasks.config.yaml && git commit -m "导入"',
    failed: (detail: string) => `文件已写好，但 git 提交失败：${detail}`,
    dirty: (files: string) => `这些文件有尚未提交的手工修改，导入不会覆盖或一起提交它们：${files}。请先提交或撤销这些修改，或加 --no-commit`,
  },
  assign: {
    needWork: '请写要分解的任务编号和 --lead/--unit/--deadline，或用 --from 指定责任分解表（.xlsx 或 .csv），例如：tasks assign --from 责任分解表.xlsx',
    needField: '请至少写 --lead、--unit、--deadline 之一',
    noMatch: (row: string, text: string) => `${row}：没有找到与“${text}”对应的任务（按编号或任务名称查找），已跳过`,
    several: (row: string, text: string, ids: readonly string[]) => `${row}：“${text}”对应多项任务（${ids.join('、')}），请在表中写编号，已跳过`,
    twice: (id: string, rows: readonly string[]) => `任务 ${id} 在表中出现多次（${rows.join('、')}），以最后一行为准`,
    row: (sheet: string, row: number) => `工作表“${sheet}”第 ${row} 行`,
    needReason: (ids: readonly string[]) =>
      `以下已分解的任务完成时限有变化，属调整时限，须写 --reason（批准日期用 --date）：${ids.join('、')}；未作任何改动`,
    nothing: '表中的领导、单位和时限与台账一致，没有需要改动的任务',
    planned: (id: string, changes: string) => `${id}：${changes}`,
    change: (field: string, from: string, to: string) => `${field} ${from} → ${to}`,
    commit: (count: number, source: string) => `分解任务 ${count} 项：填写牵头领导、责任单位和完成时限（${source}）`,
    fromArgs: '命令行',
    done: (count: number) => `已分解 ${count} 项任务，一次提交`,
    dryRun: (count: number) => `将分解 ${count} 项任务（--dry-run：未写入）`,
    unassignedLeft: (n: number) => `仍有 ${n} 项任务的领导或单位为“待定”`,
  },
});
