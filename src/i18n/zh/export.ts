// 导出 Excel 和 CSV.
import { formatChineseDate as formatZh } from '../../core/dates.js';

export const exports = () => ({
  exports: {
    col: {
      no: '序号', id: '编号', title: '任务', lead: '牵头责任领导', point: '所属要点', leadUnit: '牵头单位', coUnits: '配合单位',
      deadline: '完成时限', status: '状态', light: '预警', daysOverdue: '逾期天数', latest: '最新进展', latestDate: '进展日期',
      targets: '指标（目标/实际）', reasons: '预警原因', original: '原时限',
    },
    reason: {
      overdue: (days: number) => `逾期${days}天`,
      milestone_overdue: (title: string, days: number) => `节点“${title}”逾期${days}天`,
      due_soon: (days: number): string => (days === 0 ? '今天到期' : `${days}天后到期`),
      milestone_due_soon: (title: string, days: number): string => `节点“${title}”${days === 0 ? '今天到期' : `${days}天后到期`}`,
      behind: (percent: number, elapsed: number, reported: boolean): string =>
        reported ? `序时进度滞后：已报${percent}%，时间已过${elapsed}%` : `序时进度滞后：尚未启动，时间已过${elapsed}%`,
      done_late: (days: number) => `逾期${days}天完成`,
      original: (days: number) => `按原时限逾期${days}天`,
    },
    reasonSeparator: '；',
    unassignedInOverview: (n: number) => `有 ${n} 项任务尚未分解（领导或单位为“待定”），只列在总表中`,
    coBlock: (unit: string, n: number) => `${unit}为配合单位的任务（${n} 项）`,
    byUnitFolder: '分单位',
    target: (name: string, target: string, actual: string | undefined) => `${name}：目标${target}，实际${actual ?? '未报'}`,
    extended: (deadline: string, original: string) => `${deadline}（原${original}，已延期）`,
    counts: (c: { total: number; done: number; doneLate: number; open: number; red: number; yellow: number; green: number; suspended: number; cancelled: number; rate: string }) =>
      `共 ${c.total} 项：已完成 ${c.done} 项（其中逾期完成 ${c.doneLate} 项），推进中 ${c.open} 项（红灯 ${c.red} 项、黄灯 ${c.yellow} 项、绿灯 ${c.green} 项），暂缓 ${c.suspended} 项，取消 ${c.cancelled} 项；完成率 ${c.rate}`,
    footer: (date: string) => `截至${formatZh(date)}`,
    noTasks: '（无任务）',
    title: (plan: string, who: string, date: string) => `${plan.replace(/重点工作$/, '')}重点工作推进情况（${who}，截至${formatZh(date)}）`,
    summaryTitle: (plan: string, by: string, date: string) => `${plan.replace(/重点工作$/, '')}重点工作推进情况${by}（截至${formatZh(date)}）`,
    allTasks: '全部任务',
    byLead: '分领导汇总',
    byUnit: '分单位汇总',
    byOffice: '分台账汇总',
    overview: '总表',
    unnamed: '未命名',
    pageFooter: '第 &P 页，共 &N 页',
    csvAll: '重点工作',
    wrote: (n: number, dir: string) => `已导出 ${n} 个文件到 ${dir}`,
    skippedEmpty: (names: string[]) => `以下领导或单位没有符合条件的任务，未生成文件（加 --include-empty 可生成空表）：${names.join('、')}`,
    fileInTheWay: (path: string) => `${path} 已存在，但它是一个文件，不是导出文件夹；为免覆盖它，没有导出。请把它改名或移走，或用 --out 指定其他目录`,
    cannotWrite: (dir: string, detail: string) => `无法写入 ${dir}：${detail}。原有文件未被改动；请检查目录权限和磁盘空间，或用 --out 指定其他目录`,
    unreadableNote: (n: number) => `有 ${n} 个任务文件无法读取，未列入导出的表格；请按上面的提示修改后重新导出。`,
    badEncoding: (value: string) => `不支持的编码“${value}”；可选：utf-8（默认，带 BOM）、gb18030（不提供 GBK：它会丢失生僻字）`,
  },
});
