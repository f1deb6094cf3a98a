// 领导看板（tasks dashboard）页面上的文字（英文见 ../en/dashboard.ts，两者结构相同）。
import { formatChineseDate, formatSmallNumber, parts } from '../../core/dates.js';
import { periodNumber, type Period } from '../../core/periods.js';
import type { Filter } from '../../core/filter.js';

export const dashboard = () => ({
  dashboardHelp: {
    cmd: '领导看板：一个网页文件（图表、红灯任务、待销号、指标、反馈情况），不联网即可打开、转发、打印；可加 tasks list 的筛选条件',
    out: '写入的文件（.html），或放文件的目录；默认写到台账目录下的 exports/<日期>-dashboard.html',
  },
  dashboard: {
    lang: 'zh-CN',
    docTitle: (title: string, date: string) => `${title}推进情况（截至${formatChineseDate(date)}）`,
    heading: (title: string) => `${title}推进情况`,
    asOf: (date: string) => `截至${formatChineseDate(date)}`,
    shortDate: (date: string) => `${parts(date).month}月${parts(date).day}日`,
    month: (month: number) => `${month}月`,
    /** a feedback period as a column heading: 9月下旬, 9月, 三季度, 上半年, 2020年 */
    period: (period: Period) => {
      const { year, month, day } = parts(period.start);
      switch (period.kind) {
        case 'xun': return `${month}月${day <= 10 ? '上' : day <= 20 ? '中' : '下'}旬`;
        case 'month': return `${month}月`;
        case 'quarter': return `${formatSmallNumber(periodNumber(period))}季度`;
        case 'half': return month <= 6 ? '上半年' : '下半年';
        case 'year': return `${year}年`;
      }
    },
    headline: {
      total: '任务总数',
      done: '已完成',
      rate: '完成率',
      red: '红灯（逾期）',
      yellow: '黄灯（临期或滞后）',
      awaiting_review: '待销号',
      on_time_rate: '按时反馈率',
    },
    /** the round of feedback a figure is of, under the figure */
    roundOf: (period: string) => `${period}各单位反馈`,
    countUnit: '项',
    sinceXun: '较上旬',
    sinceMonth: '较上月',
    comparedWith: (date: string) => `与${parts(date).month}月${parts(date).day}日相比`,
    /** the size of a change; the arrow before it gives the direction */
    change: (size: number, percent: boolean) => (size === 0 ? '持平' : percent ? `${size}个百分点` : `${size}`),
    lights: {
      red: '红灯',
      yellow: '黄灯',
      green: '绿灯',
      done: '按时完成',
      done_late: '逾期完成',
      suspended: '暂缓',
      cancelled: '取消',
    },
    section: {
      completion: '全年完成进度',
      byLead: '分领导推进情况',
      byUnit: '分牵头单位推进情况',
      red: '红灯任务',
      review: '待销号任务',
      targets: '量化指标',
      punctuality: '各单位按期反馈情况',
    },
    /** gap: time elapsed minus share done, in percentage points */
    completionNote: (share: number, elapsed: number, gap: number) =>
      `已完成 ${share}%，时间已过 ${elapsed}%` + (gap > 0 ? `，落后时间进度 ${gap} 个百分点` : gap < 0 ? `，快于时间进度 ${-gap} 个百分点` : '，与时间进度持平'),
    doneLine: '完成率',
    timeLine: '时间进度',
    barTitle: (name: string, parts: ReadonlyArray<readonly [string, number]>) =>
      `${name}：${parts.map(([label, count]) => `${label} ${count} 项`).join('，')}`,
    tasks: (count: number) => `${count}项`,
    listCount: (count: number) => `（${count} 项）`,
    filteredCount: (count: string) => `筛选后 ${count} 项`,
    col: {
      id: '编号',
      title: '任务',
      lead: '牵头领导',
      leadUnit: '牵头单位',
      daysOverdue: '逾期',
      reasons: '原因',
      latest: '最新进展',
      reportedOn: '申请日期',
      note: '完成情况',
      target: '指标',
      progress: '实际 / 目标',
      unit: '单位',
    },
    days: (count: number) => `${count}天`,
    deadline: (date: string) => `时限${parts(date).month}月${parts(date).day}日`,
    noFeedback: '无进展反馈',
    notReported: '未报',
    targetValue: (actual: string | undefined, target: string, unit: string, direction: 'min' | 'max') =>
      `${actual ?? '未报'} / ${direction === 'max' ? '≤' : ''}${target}${unit}`,
    targetKey: '蓝条为实际值（红条为超过上限），竖线为目标值，▼为按时间进度此时应达到的位置。',
    elapsedMark: (elapsed: number) => `时间进度 ${elapsed}%`,
    more: (shown: number, total: number) => `另有 ${total - shown} 项未列出（共 ${total} 项），请用 tasks list 查看全部`,
    none: {
      red: '没有红灯任务。',
      review: '没有待销号的任务。',
      targets: '没有量化指标。',
      punctuality: '还没有需要反馈的旬。',
      chart: '没有任务。',
    },
    noMatch: '没有符合筛选条件的任务。',
    empty: '台账中还没有任务。',
    punctuality: { on_time: '按时', late: '迟报', missing: '未报', not_due: '未到报送日', none: '无需报送' },
    punctualityMark: { on_time: '✓', late: '迟', missing: '缺', not_due: '', none: '·' },
    /** the filters the page was made with (those of tasks list) */
    scope: (shown: number, of: number, parts: readonly string[]) => `本页只含符合条件的 ${shown} 项任务（全部 ${of} 项）：${parts.join('；')}`,
    scopeKey: {
      office: '所属台账',
      lead: '牵头领导',
      unit: '责任单位',
      leadUnit: '牵头单位',
      status: '状态',
      light: '灯色',
      section: '部分',
      point: '要点',
      tag: '标签',
      deadlineBefore: '时限早于',
      deadlineAfter: '时限晚于',
      search: '关键词',
    } satisfies Record<keyof Filter, string>,
    untitled: '重点工作',
    filter: {
      hint: '点击领导、单位、灯色或数字，下方列表只显示相应任务；再点一次取消。',
      label: '正在筛选：',
      clear: '显示全部',
      text: (name: string | undefined, light: string | undefined) => [name, light].filter(Boolean).join(' · '),
    },
    unreadable: (count: number) => `有 ${count} 个任务文件无法读取，未计入本页；请运行 tasks validate 查看并修正。`,
    footer: (date: string) => `数据截至${formatChineseDate(date)}，由 tasks 根据台账生成；本页不联网，可直接打开、转发和打印。`,
  },
});
