// 调整时限（延期、提前、首次确定）、量化指标的增删改和实际值、办结前的检查.

export const changes = () => ({
  deadline: {
    needReason: (id: string) =>
      `调整 ${id} 的完成时限须说明依据，例如 --reason "区长办公会同意延期"（批准日期用 --date）；原时限会记入时限调整记录。尚未分解到领导和单位（“待定”）的草稿首次确定时限不需要依据`,
    commit: (id: string, kind: 'extension' | 'advance' | 'first', from: string, to: string, reason: string | undefined) =>
      `${kind === 'extension' ? '延期' : kind === 'advance' ? '提前' : '确定时限'} ${id}：完成时限 ${from} → ${to}${reason ? `（${reason}）` : ''}`,
    done: (id: string, kind: 'extension' | 'advance' | 'first', from: string, to: string, date: string) =>
      kind === 'first'
        ? `已确定 ${id} 的完成时限：${from} → ${to}（草稿首次确定，不记为延期）`
        : `已将 ${id} 的完成时限${kind === 'extension' ? '延期' : '提前'}：${from} → ${to}（${date} 批准，原时限记入时限调整记录）`,
  },
  targets: {
    badAction: (action: string) => `不认识的操作“${action}”；可用：add（增加指标）、rename（改名）、remove（删除）、set（报实际值）`,
    needValue: '增加指标须写目标值，例如 tasks target 2020-017 add 老旧小区改造 --target 20 --unit 个',
    needNewName: '改名须写新名称，例如 tasks target 2020-017 rename 年度计划投资 省亿元以上项目年度计划投资',
    exists: (id: string, name: string) => `任务 ${id} 已有指标“${name}”；同一任务的指标名称不能重复`,
    ambiguous: (id: string, name: string, choices: Array<{ no: number; name: string }>) =>
      `任务 ${id} 有多个指标与“${name}”相符：${choices.map((c) => `${c.no}. ${c.name}`).join('；')}；请写完整名称，或写序号（如 ${choices[0]?.no ?? 1}）`,
    added: (id: string, name: string, target: string) => `已为 ${id} 增加指标：${name}（目标 ${target}）`,
    addCommit: (id: string, name: string, target: string) => `指标 ${id}：增加“${name}”（目标 ${target}）`,
    renamed: (id: string, from: string, to: string) => `已将 ${id} 的指标“${from}”改名为“${to}”`,
    renameCommit: (id: string, from: string, to: string) => `指标 ${id}：“${from}”改名为“${to}”`,
    removed: (id: string, name: string) => `已删除 ${id} 的指标“${name}”`,
    removeCommit: (id: string, name: string) => `指标 ${id}：删除“${name}”`,
    reported: (id: string, name: string, from: string, to: string, date: string) => `已记录 ${id} 的指标“${name}”实际值：${from} → ${to}（${date} 报送）`,
    reportCommit: (id: string, name: string, value: string, date: string) => `指标 ${id}：${name} 实际 ${value}（${date}）`,
  },
  closing: {
    openMilestones: (titles: string[]) => `节点未完成：${titles.map((t) => `“${t}”`).join('、')}`,
    unmetTargets: (names: string[]) => `指标未达标：${names.map((t) => `“${t}”`).join('、')}`,
    ask: (id: string, issues: string) => `${id} 还有${issues}。仍要标记完成吗？(y/N) `,
    refused: (id: string, issues: string) => `${id} 还有${issues}；确认已办结的，请加 --force 再标记完成（提交说明会写明）`,
    cancelled: '已取消，未作改动',
    commitNote: (issues: string) => `；办结时${issues}`,
  },
});
