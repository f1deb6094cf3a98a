// 视图：逾期、到期、列表、汇总、详情、修改记录.
import { formatChineseDate as formatZh } from '../../core/dates.js';

export const views = () => ({
  views: {
    stale: '未按期反馈',
    warningsHidden: (n: number) => `另有 ${n} 个警告，运行 tasks validate 查看。`,
    unreadable: (n: number) => `有 ${n} 个任务文件无法读取，未列入上表；请按上面的提示修改后再运行。`,
    asOf: (date: string) => `截至${formatZh(date)}`,
    overdueHeader: (date: string, c: { red: number; milestoneOnly: number; dueSoon: number; behind: number }) =>
      `截至${formatZh(date)}：逾期 ${c.red} 项（其中节点逾期 ${c.milestoneOnly} 项），临期 ${c.dueSoon} 项，进度滞后 ${c.behind} 项`,
    noOverdue: (date: string) => `截至${formatZh(date)}没有逾期任务。`,
    noMatch: '没有符合条件的任务。',
    dueHeader: (date: string, until: string, tasks: number, milestones: number) =>
      `截至${formatZh(date)}，至${formatZh(until)}到期：任务 ${tasks} 项，节点 ${milestones} 个`,
    listHeader: (shown: number, total: number, date: string) => `截至${formatZh(date)}：${shown} 项${shown === total ? '' : `（共 ${total} 项）`}`,
    group: (name: string, count: number) => `${name}（${count} 项）`,
    unnamed: '（未填写）',
    days: (n: number) => `${n}天`,
    dueIn: (n: number): string => (n === 0 ? '今天' : `${n}天后`),
    kindTask: '任务',
    kindMilestone: '节点',
    milestoneLine: (title: string, due: string, days: number) => `节点“${title}”逾期${days}天（应于${due}）`,
    col: {
      office: '所属台账', id: '编号', title: '任务', lead: '牵头领导', leadUnit: '牵头单位', units: '责任单位', coUnits: '配合单位', deadline: '完成时限',
      daysOverdue: '逾期', latest: '最新进展', latestDate: '进展日期', light: '预警', status: '状态', kind: '类型', due: '到期日',
      daysLeft: '剩余', percent: '进度', section: '所属部分', point: '所属要点', reasons: '原因', file: '文件', tags: '标签',
      doneOn: '完成日期', milestone: '节点', feedback: '反馈',
    },
    sum: {
      lead: '牵头责任领导', unit: '牵头单位', section: '部分', office: '所属台账', total: '任务数', done: '已完成', doneLate: '其中逾期完成', open: '推进中',
      red: '红灯', yellow: '黄灯', green: '绿灯', suspended: '暂缓', cancelled: '取消', rate: '完成率', totalRow: '合计',
      header: (date: string, by: string) => `截至${formatZh(date)}，按${by}汇总`,
    },
  },
  reasons: {
    overdue: (deadline: string, days: number) => `逾期${days}天（完成时限${deadline}）`,
    milestone_overdue: (title: string, due: string, days: number) => `节点逾期：${title}，应于${due}（逾期${days}天）`,
    due_soon: (deadline: string, days: number): string => (days === 0 ? `今天到期（${deadline}）` : `临期：${days}天后到期（${deadline}）`),
    milestone_due_soon: (title: string, due: string, days: number) => `节点临期：${title}，应于${due}${days === 0 ? '（今天）' : `（${days}天后）`}`,
    behind: (percent: number, elapsed: number, reported: boolean): string =>
      reported ? `序时进度滞后：已报${percent}%，时间已过${elapsed}%` : `序时进度滞后：尚未启动，时间已过${elapsed}%`,
    done_late: (doneOn: string, deadline: string, days: number) => `逾期完成：${doneOn}完成，晚于时限（${deadline}）${days}天`,
    done: (doneOn: string) => `已于${doneOn}完成`,
    suspended: '已暂缓',
    cancelled: '已取消',
    green: '按序时推进',
  },
  show: {
    notFound: (id: string, suggestions: string[]) =>
      `没有编号为“${id}”的任务${suggestions.length ? `；是否是：${suggestions.join('、')}？` : '；运行 tasks list 查看全部编号'}`,
    light: '预警',
    asOf: (date: string) => `（截至${formatZh(date)}）`,
    original: (date: string) => `原时限 ${date}`,
    staleDetail: (label: string, due: string) => `（${label}的进展应于${due}前报送）`,
    laterDeadline: (date: string) => `此日之后调整为 ${date}`,
    extension: (from: string, to: string, date: string, reason: string, kind: 'extension' | 'advance') =>
      `${date} ${kind === 'advance' ? '提前' : '延期'}：${from} → ${to}（${reason}）`,
    bothDeadlines: (original: string, originalDays: number, current: string, currentDays: number) =>
      `按原时限（${original}）${originalDays > 0 ? `逾期${originalDays}天` : '未逾期'}；按现时限（${current}）${currentDays > 0 ? `逾期${currentDays}天` : '未逾期'}`,
    milestones: '节点目标',
    targets: '量化指标',
    progress: '进展反馈',
    extensions: '时限调整记录',
    none: '无',
    target: (t: { target: number; unit?: string; actual?: number; direction?: string }) =>
      `目标 ${t.direction === 'max' ? '≤' : '≥'}${t.target}${t.unit ?? ''}，实际 ${t.actual === undefined ? '未报' : `${t.actual}${t.unit ?? ''}`}`,
    met: (met: boolean | undefined): string => (met === undefined ? '' : met ? '已达标' : '未达标'),
    milestoneState: (state: 'done' | 'overdue' | 'open' | 'later', doneOn: string | undefined, added?: string): string =>
      state === 'done' ? `已完成（${doneOn}）` : state === 'overdue' ? '逾期' : state === 'later' ? `${added}增加，此日尚不计` : '未完成',
    file: '文件',
  },
  home: {
    title: (title: string, date: string, isToday: boolean) => `${title ? `${title} · ` : ''}截至${formatZh(date)}${isToday ? '（今天）' : ''}`,
    counts: (c: { red: number; yellow: number; green: number; done: number; doneLate: number; suspended: number; cancelled: number; total: number }) =>
      [`共 ${c.total} 项：红灯 ${c.red}`, `黄灯 ${c.yellow}`, `绿灯 ${c.green}`, `已完成 ${c.done}（其中逾期完成 ${c.doneLate}）`, `暂缓 ${c.suspended}`, `取消 ${c.cancelled}`],
    mostOverdue: '逾期最久的任务：',
    noOverdue: '没有逾期任务。',
    empty: '台账中还没有任务。可以用 tasks import notice 通知.txt --year 2020 从通知生成任务。',
    next: [
      '接下来可以：',
      '  tasks overdue             全部逾期任务（--group lead 按领导分组）',
      '  tasks due                 近期到期的任务和节点',
      '  tasks list --light 黄     黄灯任务',
      '  tasks summary             按牵头领导汇总',
      '  tasks show <编号>         一个任务的详情',
    ].join('\n'),
  },
  filters: {
    ambiguous: (what: string, input: string, candidates: readonly string[]) => `${what}“${input}”不唯一，可能是：${candidates.join('、')}；请多写几个字`,
    unknown: (what: string, input: string, candidates: readonly string[]) =>
      `没有名为“${input}”的${what}${candidates.length ? `；是否是：${candidates.join('、')}？` : ''}`,
    lead: '牵头责任领导',
    unit: '责任单位',
    badStatus: (value: string) => `无法识别的状态“${value}”；可选：not_started/未启动、in_progress/推进中、done/已完成、suspended/暂缓、cancelled/已取消`,
    badLight: (value: string) => `无法识别的灯色“${value}”；可选：red/红、yellow/黄、green/绿（另有 done/完成、done_late/逾期完成、suspended/暂缓、cancelled/取消）`,
    badDays: (option: string, value: string) => `${option} 应为 0 到 3660 之间的整数天数，这里是“${value}”`,
  },
  history: {
    header: (id: string, title: string) => `${id}  ${title} 的修改记录`,
    created: '新建',
    deleted: '删除',
    none: (id: string) => `没有找到 ${id} 的 git 记录（可能尚未提交，或台账不在 git 仓库中）`,
    noRepo: '台账不在 git 仓库中，没有修改记录',
    change: (field: string, from: string, to: string) => `${field}：${from} → ${to}`,
    extension: (reason: string, kind: 'extension' | 'advance') => `（${kind === 'advance' ? '提前' : '延期'}：${reason}）`,
    added: (field: string, n: number, what: string) => `${field}：+${n} 条${what ? `（${what}）` : ''}`,
    removed: (field: string, n: number) => `${field}：-${n} 条`,
    milestoneDone: (title: string, date: string) => `节点“${title}”完成（${date}）`,
    milestoneUndone: (title: string, date: string) => `节点“${title}”的完成日期（${date}）被取消`,
    targetActual: (name: string, from: string, to: string) => `指标“${name}”实际值：${from} → ${to}`,
    setField: (field: string, value: string) => `${field}：${value}`,
    removedField: (field: string, value: string) => `${field}：删除（原为 ${value}）`,
    logHeader: (since: string | undefined) => (since ? `自 ${since} 以来的修改` : '全部修改记录（新的在前）'),
    moved: (from: string, to: string) => `文件改名：${from} → ${to}`,
    idRange: (first: string, last: string, n: number) => `${first} 至 ${last}（${n} 项）`,
  },
});
