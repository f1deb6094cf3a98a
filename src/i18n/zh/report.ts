// 周期报告（旬调度、月盘点、季排查、半年、年度）、催办单和通报.
import { formatChineseDate } from '../../core/dates.js';
import type { PeriodKind } from '../../core/periods.js';

/** 9月30日：同一年内的日期 */
const md = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

export const reports = () => ({
  remind: {
    title: '催办单',
    number: (year: number, n: number) => `催办〔${year}〕第${n}号`,
    unnumbered: '催办〔　　〕第　　号',
    to: (name: string) => `${name}：`,
    opening: (asOf: string, toLead: boolean, plan: string, replyBy: string) =>
      `截至${formatChineseDate(asOf)}，${toLead ? '您牵头负责' : '你单位承担'}的${plan || '重点工作'}中有下列事项尚未按要求办理，请抓紧推进，并于${formatChineseDate(replyBy)}前将办理情况书面反馈督查室。`,
    overdue: '逾期未完成的任务',
    overdueMilestones: '逾期未完成的节点',
    missing: '未按期报送的进展反馈',
    dueSoon: '即将到期的事项',
    milestone: '节点',
    lastReport: '上次反馈',
    daysLeft: '剩余天数',
    never: '尚未反馈',
    closing: (replyBy: string) => `请对照上述事项逐项落实，逾期事项说明原因、提出整改措施和完成时限，于${formatChineseDate(replyBy)}前报督查室。`,
    signature: (asOf: string) => `督查室　　${formatChineseDate(asOf)}`,
    fileName: (number: string, to: string) => `${number}-${to}`,
    summary: (count: number, first: string, last: string, parts: readonly string[]) =>
      `已出催办单${count}份（${first === last ? first : `${first}至${last}`}）：${parts.join('，')}`,
    summaryDry: (count: number, parts: readonly string[]) => `将出催办单${count}份（预览，未编号、未记录）：${parts.join('，')}`,
    part: (to: string, n: number) => `${to}${n}项`,
    none: (asOf: string) => `截至${formatChineseDate(asOf)}，没有需要催办的单位。`,
    separator: '────────────────────────────────────────',
    registerHeader: '# 催办单编号记录：由 tasks remind 维护，编号按年连续、不重复使用；请勿手工改动编号。\n',
    commit: (count: number, first: string, last: string) => `催办单 ${count} 份：${first === last ? first : `${first}至${last}`}`,
    broken: (line: number, column: number) => `reminders.yaml:${line}:${column}: 错误: 催办单编号记录无法读取；请改正这一处（每条记录需有 year、number、date、to），或从 git 中恢复该文件`,
    busy: '催办单编号记录正被另一个命令占用，请稍后再试',
    commitFailed: (detail: string) => `催办单编号已记录，但 git 提交失败：${detail}`,
  },
  report: {
    /** 报告名称：屯溪区2020年重点工作旬调度情况 */
    title: (plan: string, kind: PeriodKind) =>
      `${plan || '重点工作'}${{ xun: '旬调度情况', month: '月盘点情况', quarter: '季度排查情况', half: '半年推进情况', year: '年度完成情况' }[kind]}`,
    /** 文件名：2020年9月下旬旬调度情况 */
    fileName: (label: string, kind: PeriodKind) =>
      `${label}${{ xun: '旬调度情况', month: '月盘点情况', quarter: '季度排查情况', half: '推进情况', year: '重点工作完成情况' }[kind]}`,
    span: (start: string, end: string) => `（${md(start)}—${md(end)}）`,
    footerPartial: (period: string, date: string) => `${period} 截至${md(date)}`,
    partial: (date: string) => `截至${formatChineseDate(date)}（本期尚未结束）`,
    /** 本旬、本月…… */
    this: (kind: PeriodKind) => ({ xun: '本旬', month: '本月', quarter: '本季度', half: '本半年', year: '本年度' })[kind],
    /** 上旬、上月、上季度、上半年（一月开始的半年为上年下半年）、上年 */
    previous: (kind: PeriodKind, startsYear: boolean) => ({ xun: '上旬', month: '上月', quarter: '上季度', half: startsYear ? '上年下半年' : '上半年', year: '上年' })[kind],
    next: (kind: PeriodKind) => ({ xun: '下一旬', month: '下月', quarter: '下季度', half: '下一个半年', year: '下一年度' })[kind],
    countChange: (prev: string, delta: number, unit = '项') => (delta > 0 ? `比${prev}增加${delta}${unit}` : delta < 0 ? `比${prev}减少${-delta}${unit}` : `与${prev}持平`),
    targetUnit: '个',
    pointChange: (prev: string, delta: number) =>
      delta > 0 ? `比${prev}提高${delta.toFixed(1)}个百分点` : delta < 0 ? `比${prev}下降${(-delta).toFixed(1)}个百分点` : `与${prev}持平`,
    headline: (h: { asOf: string; total: number; done: number; doneLate: number; inProgress: number; suspended: number; cancelled: number }) =>
      `截至${md(h.asOf)}，${h.total}项重点工作已完成${h.done}项（其中逾期完成${h.doneLate}项），推进中${h.inProgress}项` +
      `${h.suspended ? `，暂缓${h.suspended}项` : ''}${h.cancelled ? `，取消${h.cancelled}项` : ''}`,
    ratePart: (rate: string, change: string | undefined) => `完成率${rate}${change ? `，${change}` : ''}`,
    redPart: (n: number, change: string | undefined) => `红灯${n}项${change ? `，${change}` : ''}`,
    yellowPart: (n: number, change: string | undefined) => `黄灯${n}项${change ? `，${change}` : ''}`,
    targetsPart: (met: number, total: number, change: string | undefined) => `量化指标已达标${met}个（共${total}个）${change ? `，${change}` : ''}`,
    feedbackPart: (due: number, onTime: number, rate: string, change: string | undefined) =>
      `应报进展反馈${due}次，按期报送${onTime}次，按期反馈率${rate}${change ? `，${change}` : ''}`,
    /** 分句连成一句：以分号相隔，句号结尾 */
    sentence: (clauses: readonly string[]) => `${clauses.join('；')}。`,
    join: (sentences: readonly string[]) => sentences.join(''),
    list: (items: readonly string[]) => items.join('；'),
    figure: {
      name: '指标', change: '变化',
      total: '任务总数', done: '已完成', doneLate: '其中逾期完成', inProgress: '推进中', red: '红灯', yellow: '黄灯', rate: '完成率',
      targets: '量化指标达标', onTime: '按期反馈率', awaiting: '待审核办结',
    },
    pp: (delta: number) => (delta === 0 ? '—' : `${delta > 0 ? '+' : ''}${delta.toFixed(1)}个百分点`),
    delta: (delta: number) => (delta === 0 ? '—' : `${delta > 0 ? '+' : ''}${delta}`),
        sections: {
      overview: '主要指标',
      done: (thisWord: string) => `${thisWord}完成情况`,
      red: '逾期情况',
      newlyRed: (thisWord: string) => `${thisWord}新增逾期`,
      noLongerRed: (thisWord: string) => `${thisWord}解除逾期`,
      stillRed: '持续逾期',
      extensions: (thisWord: string) => `${thisWord}延期审批情况`,
      dueNext: (nextWord: string) => `${nextWord}到期事项`,
      feedback: '进展反馈情况',
      categories: '进度分类情况',
      targets: '量化指标完成情况',
      byLead: '分牵头领导情况',
      byUnit: '分牵头单位情况',
      silent: (thisWord: string) => `${thisWord}无进展反馈的任务`,
      redInPeriod: (thisWord: string) => `${thisWord}红灯任务分单位情况`,
      rank: '通报与考核',
    },
    captions: {
      figures: '主要指标对比',
      done: (thisWord: string) => `${thisWord}完成的任务`,
      newlyRed: (thisWord: string) => `${thisWord}新增逾期任务`,
      noLongerRed: (thisWord: string) => `${thisWord}解除逾期的任务`,
      stillRed: '持续逾期任务',
      extensions: (thisWord: string) => `${thisWord}批准延期的任务`,
      dueNext: (label: string) => `${label}到期的任务和节点`,
      feedbackByUnit: '各单位进展反馈情况',
      missing: '未反馈事项',
      late: '逾期反馈事项',
      lateArrivals: (thisWord: string) => `${thisWord}补报的以前各期反馈`,
      categories: '进度分类统计',
      behind: '欠进度任务',
      targets: '量化指标完成情况',
      byLead: '分牵头领导汇总',
      byUnit: '分牵头单位汇总',
      silent: (thisWord: string) => `${thisWord}无进展反馈的任务`,
      redInPeriod: (thisWord: string) => `${thisWord}红灯任务`,
      rank: '各单位排名',
      deductions: '扣分和加分明细',
    },
    col: {
      no: '序号', id: '编号', task: '任务', unit: '单位', leadUnit: '牵头单位', deadline: '完成时限', doneOn: '完成日期', result: '完成情况',
      days: '逾期天数', why: '逾期原因', latest: '最新进展', before: '原逾期天数', how: '解除原因', date: '批准日期', from: '原时限', to: '新时限',
      reason: '延期依据', kind: '类型', item: '任务或节点', due: '到期日', period: '反馈周期', dueBy: '应报日期', reportedOn: '报送日期', reported: '报送日期和内容',
      owed: '应报', onTime: '按期', late: '逾期', missing: '未报', onTimeRate: '按期率', category: '类别', count: '数量', share: '占比',
      percent: '已报进度', elapsed: '序时进度', gap: '差距（百分点）', point: '所属要点', target: '指标', goal: '目标', actual: '实际', ofTarget: '完成比例',
      state: '情况', lead: '牵头责任领导', total: '任务数', done: '已完成', doneLate: '其中逾期完成', open: '推进中', red: '红灯', yellow: '黄灯',
      suspended: '暂缓', cancelled: '取消', rate: '完成率', rank: '名次', tasks: '牵头任务', score: '得分', points: '分值', matter: '事项',
      nowState: '期末状态', missingCount: '未报期数', periods: '未报周期',
    },
    kindTask: '任务',
    kindMilestone: '节点',
    milestoneOf: (task: string, milestone: string) => `${task}：${milestone}`,
    onTime: '按期完成',
    early: (days: number) => `提前${days}天`,
    lateBy: (days: number) => `逾期${days}天`,
    why: {
      done: (date: string) => `已完成（${md(date)}）`,
      extended: (to: string, reason: string) => `经批准延期至${to}（${reason}）`,
      milestone_done: '逾期节点已完成',
      suspended: '已暂缓',
      cancelled: '已取消',
      other: '已不再逾期',
    },
    deadlinePassed: '超过完成时限',
    milestonePassed: (title: string, due: string) => `节点“${title}”未完成（应于${Number(due.slice(5, 7))}月${Number(due.slice(8))}日）`,
    coUnit: (unit: string) => `${unit}（配合）`,
    feedbackSummary: (f: { due: number; onTime: number; late: number; missing: number; rate: string }) =>
      `应报进展反馈${f.due}次，按期反馈${f.onTime}次，逾期反馈${f.late}次，未反馈${f.missing}次，按期反馈率${f.rate}。`,
    feedbackNone: (n: number) => `台账中还没有任何进展反馈，应报的${n}次全部未报。请督促各责任单位按期报送进展情况。`,
    feedbackNotDue: (thisWord: string) => `${thisWord}没有到期的进展反馈。`,
    category: { ahead: '超进度', on_track: '达进度', behind: '欠进度', done_early: '提前完成', done: '已完成', other: '其他（暂缓、取消或未报进度）' },
    categoryCount: (name: string, n: number) => `${name}${n}项`,
    categoriesSummary: (parts: readonly string[]) => (parts.length ? `对照序时进度：${parts.join('，')}。` : '没有任务。'),
    floor: (value: number) => `底线${value}%`,
    met: { yes: '已达标', onPace: '快于序时', behind: '慢于序时', none: '未报', maxYes: '控制在目标内', maxNo: '超出目标' },
    goal: (target: number, unit: string, max: boolean) => `${max ? '≤' : ''}${target}${unit}`,
    /** 2020年9月上旬、9月中旬；多于三期时写前两期和期数 */
    periodList: (labels: readonly string[]) => (labels.length <= 3 ? labels.join('、') : `${labels.slice(0, 2).join('、')}等${labels.length}期`),
    capped: (caption: string, shown: number, total: number) => `${caption}（共${total}项，列出前${shown}项，全部见 xlsx 或 JSON）`,
    still: '仍逾期',
    cleared: '已解除',
    rankSummary: (best: readonly string[], worst: readonly string[]) => {
      const parts: string[] = [];
      if (best.length) parts.push(`${best.join('、')}反馈及时、推进有力，予以通报表扬`);
      if (worst.length) parts.push(`${worst.join('、')}反馈不及时或逾期任务较多，予以通报批评，请对照扣分明细逐项整改`);
      return parts.length ? `${parts.join('；')}。` : '各单位均无扣分事项。';
    },
    item: {
      missing_feedback: (period: string) => `${period}未反馈`,
      late_feedback: (period: string) => `${period}逾期反馈`,
      red_task: (days: number) => `期末逾期${days}天`,
      sent_back: (date: string) => `办结申请被退回（${md(date)}）`,
      done_on_time: (date: string) => `按期完成（${md(date)}）`,
    },
    kindWords: 'xun/旬、month/月、quarter/季度、half/半年、year/年',
    badKind: (value: string) => `无法识别的报告周期“${value}”；可选：xun/旬、month/月、quarter/季度、half/半年、year/年`,
    notBegun: (label: string, date: string) => `${label}在${formatChineseDate(date)}时尚未开始；请用 --as-of 写明这一时段中或之后的日期`,
    outsideYear: (label: string, year: number) => `${label}不在台账年度（${year}年）内；请指定${year}年的时段`,
    beforeTasks: (label: string, first: string) => `${label}时还没有任务开始（最早的任务从${formatChineseDate(first)}开始）；请指定之后的时段`,
    noTasks: '台账中还没有任务，无法生成报告；可以用 tasks import notice 通知.txt --year 2020 从通知生成任务',
    brokenRules: 'tasks.config.yaml 中的规则有误，未生成报告；请先按下列提示修改：',
    scoreRule: (base: number) => `得分 = 基础分${base}分 − 扣分 + 加分（加分有上限），扣分和加分逐项列于下表。`,
  },
});
