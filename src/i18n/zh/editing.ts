// 修改台账：新建、进展、完成、修改、节点、指标、撤销、初始化、钩子.

export const editing = () => ({
  edit: {
    unknownId: (id: string, suggestions: string[]) =>
      `没有编号为“${id}”的任务${suggestions.length ? `；是否是：${suggestions.join('、')}？` : '；运行 tasks list 查看全部编号'}`,
    invalid: (file: string) => `修改后 ${file} 将不符合规则，已取消，文件未改动：`,
    unreadable: (file: string) => `${file} 本身有错误，请先按下面的提示修好再修改：`,
    dirty: (file: string, state: 'changed' | 'untracked') =>
      state === 'changed'
        ? `${file} 有尚未提交的手工修改。为免把半成品一起提交，已取消，文件未改动。请先提交（git commit ${file}）或撤销（git checkout -- ${file}）这些修改，或加 --no-commit 只改文件不提交`
        : `${file} 还没有提交到 git。请先提交（git add ${file} && git commit），或加 --no-commit 只改文件不提交`,
    noIdentity: '还没有设置 git 提交人，修改无法留痕，已取消。请先运行：git config --global user.name "你的姓名" 和 git config --global user.email "邮箱"，或加 --no-commit',
    busy: (id: string) => `任务 ${id} 正被另一个 tasks 命令修改，等了 30 秒仍未结束；请稍后再试`,
    nothingToDo: '没有需要修改的内容',
    notVersioned: '（提示：台账不在 git 仓库中，本次修改已保存但没有留痕；可运行 git init 或 tasks init 启用。）',
    uncommitted: '（按设置或 --no-commit，本次修改未提交到 git。）',
    dateAfterToday: (date: string, today: string) => `日期 ${date} 晚于今天（${today}）；进展和完成日期不能写将来的日子`,
    unknownUnit: (name: string, suggestion: string | undefined) =>
      `注意：“${name}”不在名册的责任单位中${suggestion ? `，是否是“${suggestion}”？` : ''}（仍按原文记录）`,
    unknownLead: (name: string, suggestion: string | undefined) =>
      `注意：“${name}”不在名册的牵头领导中${suggestion ? `，是否是“${suggestion}”？` : ''}（仍按原文记录）`,
    progressAdded: (id: string, date: string, note: string) => `已记录 ${id} 的进展（${date}）：${note}`,
    startedNote: '（状态由“未启动”改为“推进中”）',
    progressCommit: (id: string, note: string, by: string | undefined) => `进展 ${id}：${note}${by ? `（${by}）` : ''}`,
    alreadyDone: (id: string, date: string) => `任务 ${id} 已于 ${date} 完成；如需重新打开，请用 tasks reopen ${id}`,
    doneOk: (id: string, date: string, late: number) => `已将 ${id} 标记为完成（${date}）${late > 0 ? `，比完成时限晚 ${late} 天（逾期完成）` : ''}`,
    doneCommit: (id: string, title: string, date: string) => `完成 ${id}：${title}（${date}）`,
    notDone: (id: string) => `任务 ${id} 尚未完成，无需重新打开`,
    reopenOk: (id: string) => `已重新打开 ${id}，状态改为“推进中”`,
    reopenCommit: (id: string, title: string, reason?: string) => `重新打开 ${id}：${title}${reason ? `（${reason}）` : ''}`,
    reopenBeforeDone: (id: string, doneOn: string, date: string) => `${id} 于 ${doneOn} 完成，不能以更早的日期（${date}）重新打开；请用 --as-of 写明重新打开的日期`,
    needStatusReason: (status: string) => `改为“${status}”须说明依据，例如 --reason "区政府常务会议决定"；变更日期和依据会记入状态变更记录`,
    unknownField: (field: string, suggestion: string | undefined, fields: string) =>
      `不能修改字段“${field}”${suggestion ? `，是否想改“${suggestion}”？` : ''}；可修改：${fields}`,
    useDone: (id: string) => `标记完成请用 tasks done ${id} [--on 日期]，它会同时记录完成日期`,
    badStatus: (value: string) => `无法识别的状态“${value}”；可选：not_started/未启动、in_progress/推进中、suspended/暂缓、cancelled/已取消（完成请用 tasks done）`,
    badDeadline: (value: string, year: number) =>
      `无法识别的完成时限“${value}”；可写 2020-06-30、2020年6月30日、6月底、年底前、三季度末、上半年、长期坚持等（按 ${year} 年理解）`,
    deadlineResolved: (text: string, date: string) => `完成时限“${text}”理解为 ${date}`,
    sameValue: (field: string) => `${field}没有变化`,
    setOk: (id: string, field: string, from: string, to: string) => `已修改 ${id} 的${field}：${from} → ${to}`,
    setCommit: (id: string, field: string, from: string, to: string, reason: string | undefined) =>
      `修改 ${id}：${field} ${from} → ${to}${reason ? `（${reason}）` : ''}`,
    empty: '（空）',
    milestoneAdded: (id: string, title: string, due: string) => `已为 ${id} 增加节点：${title}（应于 ${due}）`,
    milestoneAddCommit: (id: string, title: string, due: string) => `节点 ${id}：增加“${title}”（应于 ${due}）`,
    milestoneDone: (id: string, title: string, date: string) => `已记录 ${id} 的节点“${title}”于 ${date} 完成`,
    milestoneDoneCommit: (id: string, title: string, date: string) => `节点 ${id}：“${title}”完成（${date}）`,
    unknownMilestone: (id: string, which: string, titles: string[]) =>
      `任务 ${id} 没有节点“${which}”${titles.length ? `；现有节点：${titles.map((t, i) => `${i + 1}. ${t}`).join('；')}` : '，还没有节点'}`,
    ambiguousMilestone: (which: string, titles: string[]) => `“${which}”对应多个节点：${titles.join('；')}；请写完整名称或序号`,
    milestoneAlreadyDone: (title: string, date: string) => `节点“${title}”已于 ${date} 完成`,
    badMilestoneAction: (action: string) => `不认识的操作“${action}”；可用：add（增加节点）、done（节点完成）`,
    needDue: '增加节点须写应完成日期，例如 --due 2020-06-30 或 --due 6月底',
    unknownTarget: (id: string, name: string, names: string[]) =>
      `任务 ${id} 没有指标“${name}”${names.length ? `；现有指标：${names.join('、')}` : '，还没有量化指标'}`,
    needActual: '请用 --actual 写实际值，例如 --actual 28',
  },
  create: {
    missing: (flags: string[]) => `缺少 ${flags.join('、')}；例如：tasks new --title "推进老旧小区改造" --lead 分管城建副区长 --unit 区住建局 --deadline 年底前`,
    ask: (label: string) => `${label}：`,
    created: (id: string, file: string, title: string) => `已新建任务 ${id}（${file}）：${title}`,
    commit: (id: string, title: string) => `新建 ${id}：${title}`,
    exists: (id: string) => `编号 ${id} 已被使用；请换一个编号，或不写 --id 自动编号`,
    startsToday: (date: string, yearStart: string) => `开始日期记为 ${date}（新建当天），应报反馈和序时进度从这天算起；如应从年初算起，加 --start ${yearStart}`,
    needYear: '台账设置中没有年度（tasks.config.yaml 的 year）；请用 --id 指定编号，或在设置中写 year: 2020',
  },
  init: {
    exists: (dir: string) => `${dir} 中已有台账（tasks.config.yaml 或 tasks/），未作改动`,
    needYear: '请用 --year 写台账年度，例如 tasks init --year 2021 --title "某某区2021年重点工作"',
    created: (dir: string) => `已在 ${dir} 创建台账`,
    gitInit: '已初始化 git 仓库',
    committed: '已提交：初始化台账',
    defaultTitle: (year: number) => `${year}年重点工作`,
    commit: (title: string) => `初始化台账：${title}`,
    next: [
      '接下来可以：',
      '  tasks import notice 通知.txt       从重点工作通知生成任务',
      '  tasks import xlsx 台账.xlsx        从已有的 Excel 台账导入',
      '  tasks new --title … --lead … --unit … --deadline …   新建一项任务',
      '  在 tasks.config.yaml 中按排名顺序填写牵头领导和责任单位名册',
    ].join('\n'),
    configComments: {
      head: '# 台账设置。每项都有默认值，可以只写需要改的。',
      title: '# 台账名称，用于报表标题',
      year: '# 年度，用于解析“年底前”“6月底”等时限和新任务的编号',
      lang: '# 界面语言：zh 中文，en 英文',
      timezone: '# 计算“今天”所用的时区',
      warning: '# 距完成时限或节点不超过这么多天时亮黄灯（一旬）',
      tolerance: '# 已报完成百分比比时间进度低这么多个百分点以上时亮黄灯',
      roster: '# 名册：按排名顺序列出牵头领导和责任单位，所有视图和报表按此顺序排列',
    },
  },
  hook: {
    notRepo: (dir: string) => `${dir} 不在 git 仓库中；请先运行 git init（或 tasks init）`,
    exists: (path: string) => `已有别的 pre-commit 钩子：${path}；如要替换，请加 --force`,
    installed: (path: string) => `已安装 pre-commit 钩子：${path}（提交前会检查暂存的任务文件）`,
  },
  undo: {
    none: '没有可撤销的 tasks 修改（只能撤销由 tasks 命令做出、尚未撤销的提交）',
    noRepo: '台账不在 git 仓库中，无法撤销',
    later: (subject: string, files: string, later: string) =>
      `不能撤销“${subject}”：之后的提交（${later}）又修改了 ${files}；请用 git revert 手工处理`,
    dirty: (files: string) => `不能撤销：${files} 有尚未提交的修改；请先提交或撤销这些修改`,
    staged: '不能撤销：暂存区中还有其他待提交的修改；请先提交（git commit）或取消暂存（git restore --staged <文件>）',
    failed: (detail: string) => `撤销失败：${detail}`,
    ok: (subject: string) => `已撤销：${subject}（用新提交恢复，历史保留）`,
    commit: (subject: string) => `撤销：${subject}`,
  },
});
