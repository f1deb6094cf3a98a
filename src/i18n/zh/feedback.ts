// 反馈表（发出、收回、状态）和办结审核（销号、退回）的中文消息；英文见 ../en/feedback.ts，两者结构相同。
import { formatChineseDate as cn } from '../../core/dates.js';

const q = (v: unknown) => `“${String(v)}”`;
const clip = (text: string, max = 20) => {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  return [...flat].length > max ? `${[...flat].slice(0, max - 1).join('')}…` : flat;
};
const shellName = (file: string) => (/^[\w\u4e00-\u9fff.@%+=:,/-]+$/.test(file) ? file : `"${file.replace(/(["\\$`])/g, '\\$1')}"`);

export const feedback = () => ({
  feedbackHelp: {
    feedback: '反馈表：发给各单位预先填好的表格，收回后读入台账',
    forms: '为本期应反馈的每个单位生成一份反馈表（.xlsx，已填好任务，可打印）',
    import: '读入各单位填好返回的反馈表：每份一次提交；办结的记为办结申请，待销号',
    status: '本期各单位的反馈情况：已报、逾期报送、未报，以及待销号的任务',
    reject: '退回单位的办结申请（须写明原因）；同意销号请用 tasks done',
    files: '收回的反馈表（.xlsx，可写多个）',
    period: '反馈周期：2020-09-3、2020-09-下旬、2020年9月下旬，或其中的一个日期 2020-09-25（默认：本期）',
    statusPeriod: '反馈周期（默认：最近一个已到报送截止日的周期）',
    unit: '只为这些单位生成（可写多次，写开头几个字即可）',
    out: '输出目录（默认：台账目录下的 exports/）；反馈表写在其中的“反馈表-周期”子目录里',
    importPeriod: '只接受这一周期的反馈表',
    dryRun: '只读取和检查，不写入台账',
    check: '有单位逾期未报送时以退出码 3 结束（用于定时任务）',
    reason: '退回原因',
  },
  feedback: {
    col: {
      no: '序号', id: '编号', task: '任务', lead: '牵头责任领导', deadline: '完成时限', light: '预警', latest: '上次反馈',
      progress: '工作进展', problems: '存在问题', next_steps: '下步打算', percent: '完成百分比', done: '是否办结', done_on: '办结日期',
    },
    formTitle: (plan: string, period: string) => `${plan}进展反馈表（${period}）`,
    formInfo: (unit: string, period: string, start: string, end: string, replyBy: string, coReplyBy: string | undefined) =>
      `填报单位：${unit}　　反馈周期：${period}（${cn(start).replace(/^\d+年/, '')}至${cn(end).replace(/^\d+年/, '')}）　　报送截止：${cn(replyBy)}` +
      `${coReplyBy ? `（配合任务${cn(coReplyBy).replace(/^\d+年/, '')}前报送牵头单位）` : ''}`,
    instructions:
      '填写说明：灰色栏目为台账内容，已锁定，请勿修改；请在白色栏目填写本期情况。“完成百分比”填 0 到 100 的数字；任务已全部完成的，“是否办结”选“是”并填写办结日期，经督查室审核后销号。请勿增删行、列或工作表，填好后按原文件返回。',
    dateField: '填报日期',
    leadBlock: (n: number) => `一、牵头任务（${n} 项）`,
    coBlock: (n: number) => `二、配合任务（${n} 项，请报送本单位承担部分的进展）`,
    leadUnitLine: (unit: string) => `牵头单位：${unit}`,
    none: '（暂无反馈）',
    latest: (date: string, percent: number | undefined, by: string | undefined) => `${date}${percent === undefined ? '' : `，${percent}%`}${by ? `（${by}）` : ''}`,
    latestProblems: '问题',
    latestNext: '下步',
    yes: '是',
    no: '否',
    notApplicable: '—',
    awaiting: '待销号',
    awaitingWhy: (by: string | undefined, date: string, doneOn: string) => `待销号（${by ?? '单位'} ${date} 报称 ${doneOn} 办结）`,
    awaitingStatus: (status: string) => `${status}（待销号）`,
    footer: (unit: string, period: string) => `${unit} · ${period}`,
    fileName: (unit: string, period: string, _key: string) => `${unit}_${period}`,
    folder: '反馈表',
    validation: {
      percent: { prompt: '填 0 到 100 的数字，例如 80', error: '完成百分比应为 0 到 100 的数字' },
      done: { prompt: '已全部完成的选“是”', error: '请选择“是”或“否”' },
      doneOn: { prompt: '例如 2020-09-28', error: '请填写日期，例如 2020-09-28' },
      date: { prompt: '例如 2020-09-28', error: '填报日期早于本期开始，请核对' },
    },
    // tasks feedback forms
    wrote: (n: number, dir: string, period: string) => `已生成 ${period}反馈表 ${n} 份，在 ${dir}`,
    noneOwing: (period: string) => `${period}没有需要反馈的单位（没有推进中的任务）`,
    beforeRules: (period: string, start: string) => `${period}早于反馈规则的起报日期 ${start}（tasks.config.yaml 中 feedback.start），本期不要求反馈，未生成反馈表`,
    unitNotOwing: (unit: string, period: string) => `${unit} 在${period}没有需要反馈的任务，未生成反馈表`,
    badPeriod: (problem: string) => `--period：${problem}`,
    // tasks feedback import
    needFile: '请指定收回的反馈表，例如：tasks feedback import 区发改委_2020年9月下旬.xlsx',
    place: (file: string, sheet: string, row: number, column: string | undefined) =>
      `${file} 工作表${q(sheet)}第 ${row} 行${column ? `${q(column)}` : ''}`,
    placeSheet: (file: string, sheet: string) => `${file} 工作表${q(sheet)}`,
    refusedRow: (where: string, text: string) => `${where}：${text}；此行未导入`,
    noteRow: (where: string, text: string) => `${where}：${text}`,
    refusedForm: (file: string, text: string) => `${file}：${text}；此表未导入`,
    file: {
      legacy_xls: (file: string) =>
        `是旧版 Excel 文件（.xls），不能直接读取。请用 Excel 或 WPS 打开后“另存为”Excel 工作簿（.xlsx）再导入，或由信息员运行 \`soffice --headless --convert-to xlsx ${shellName(file)}\``,
      et: () => '是 WPS 表格文件（.et），不能直接读取。请用 WPS 打开后“另存为”Excel 工作簿（.xlsx）再导入',
      csv: () => '是 CSV 文本，不是反馈表。请让填报单位在发出的 .xlsx 反馈表中填写后原样返回',
      encrypted: () => '设有打开密码（文件已加密），无法读取。请填报单位去掉密码后重新发送（WPS：文件 → 文档加密 → 密码加密，清空密码；Excel：文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）',
      corrupt: (detail: string) => `不是有效的 Excel 工作簿，或文件已损坏（${detail}）。请填报单位用 Excel 或 WPS 打开后另存为 .xlsx 重新发送`,
      not_a_form: () => '不是由 tasks feedback forms 生成的反馈表（找不到反馈表的识别信息）。请用督查室发出的反馈表填写',
      version: () => '是另一版本的 tasks 生成的反馈表，无法读取；请重新生成反馈表发给填报单位',
      tampered: () => '反馈表的识别信息被改动过，无法确认是哪个单位、哪一期的反馈；请用督查室发出的原表填写后重新发送',
      other_plan: (plan: string, here: string) => `是${q(plan)}的反馈表，不是本台账（${here}）的`,
      other_period: (period: string, wanted: string) => `是${period}的反馈表，不是 --period 指定的${wanted}`,
      future_period: (period: string, today: string) => `是${period}的反馈表，该周期在 ${today} 还没有开始`,
      unknown_unit: (unit: string) => `是${q(unit)}的反馈表，但台账中已没有这个单位的任务`,
      no_sheet: (sheet: string) => `找不到反馈表的工作表${q(sheet)}（可能被删除或改名，且文件中有多个工作表）`,
      top_changed: () => '表头的填报单位、反馈周期或报送截止被改动过；请用督查室发出的原表填写',
      header_changed: (column: string, expected: string, found: string) =>
        `第 ${column} 列的表头应为${q(expected)}，现为${q(found)}：表格的列被增删或改动过，无法确定各列内容；请用原表填写`,
      bad_date: (text: string) => `${q(clip(text))}无法识别（可写 2020-09-28、2020年9月28日、9月28日）`,
      date_before_period: (date: string, start: string) => `${date} 早于本期开始（${start}），请核对`,
      date_in_future: (date: string, today: string) => `${date} 晚于今天（${today}），请核对`,
      empty: () => '没有填写任何内容，未写入台账；请填报单位填写后重新发送',
    },
    row: {
      added: (id: string) => `是反馈表中原来没有的行${id ? `（编号 ${id}）` : ''}；新增任务请另行报督查室`,
      duplicate: (id: string) => `编号 ${id} 与上面的行重复`,
      deleted: (id: string, title: string) => `编号 ${id}（${clip(title)}）的行被删除，未读取`,
      moved: (id: string, from: number) => `编号 ${id} 的行原在第 ${from} 行，已按编号读取`,
      locked_changed: () => '是台账内容，已被改动；已锁定的栏目请勿修改，请用原表填写',
      id_changed: (id: string) => (id ? `编号被改为${q(id)}，无法确定是哪项任务` : '编号被删去，无法确定是哪项任务'),
      merged: (range: string) => `单元格 ${range} 被合并，无法分清各项任务的内容；请取消合并，每项任务分别填写`,
      gone: (id: string) => `编号 ${id} 的任务已不在台账中`,
      not_unit: (id: string, unit: string) => `${unit} 已不是任务 ${id} 的责任单位`,
      no_progress: () => '为空，但本行填写了其他栏目；请补充工作进展',
      bad_percent: (text: string) => `${q(clip(text))}无法识别，应为 0 到 100 的数字，例如 80`,
      percent_fraction: (text: string) => `${q(text)}是 ${Number((Number(text) * 100).toPrecision(6))}% 还是 ${text}%？请填 0 到 100 的数字，例如 ${Math.round(Number(text) * 100)}`,
      percent_range: (text: string) => `${q(text)}超出 0 到 100`,
      percent_words: (text: string, value: number) => `${q(text)}按 ${value}% 记录`,
      bad_done: (text: string) => `${q(clip(text))}无法识别，请填“是”或“否”`,
      done_on_without_done: (date: string) => `填了办结日期 ${date}，但“是否办结”没有选“是”；请确认是否已办结`,
      done_on_ignored: (date: string) => `“是否办结”为“否”，办结日期 ${date} 未记录`,
      done_no_date: (date: string) => `未填写，按填报日期 ${date} 记录`,
      bad_done_on: (text: string) => `${q(clip(text))}无法识别（可写 2020-09-28、2020年9月28日、9月28日）`,
      done_on_after: (date: string, reported: string) => `${date} 晚于填报日期 ${reported}，尚未发生的办结不能申请销号`,
      formula: (text: string) => `是公式，按其显示的值${q(clip(text))}读取（公式不会被计算）`,
      formula_empty: () => '是没有计算结果的公式；请填写数值或文字',
      year_assumed: (text: string, date: string) => `${q(text)}没有写年份，按 ${date} 记录`,
      serial_date: (text: string, date: string) => `${q(text)}是 Excel 的日期序号，按 ${date} 记录`,
      answer_late: (id: string, date: string, due: string) => `任务 ${id} 的反馈 ${date} 晚于其报送截止（${due}），记为逾期反馈`,
      already_done: (id: string, doneOn: string) => `任务 ${id} 在台账中已办结（${doneOn}），“是否办结”为“是”不再作为办结申请；进展照常记录`,
      no_date: (date: string) => `未填写，按 ${date} 记录`,
      no_date_late: (replyBy: string, today: string) =>
        `未填写，按报送截止日 ${replyBy} 记录；本次导入（${today}）已过截止日，如属逾期报送，请在表中填写实际日期后重新导入`,
      other_sheet: (sheet: string) => `工作表${q(sheet)}不属于反馈表，未读取`,
      renamed_sheet: (sheet: string, was: string) => `反馈表的工作表由${q(was)}改名为${q(sheet)}，已照常读取`,
      file_refused: (detail: string) => `任务文件未能修改：${detail}`,
    },
    summary: (c: { file: string; unit: string; period: string; read: number; blank: number; written: number; unchanged: number; removed: number; refused: number; requests: number; dryRun: boolean }) =>
      `${c.dryRun ? '（试运行，未写入）' : ''}${c.file}：${c.unit} ${c.period}，读取 ${c.read} 行${c.blank > 0 ? `（另有 ${c.blank} 行未填）` : ''}，写入 ${c.written} 项，未变 ${c.unchanged} 项` +
      `${c.removed > 0 ? `，删除 ${c.removed} 项（更正表中已为空）` : ''}，拒收 ${c.refused} 行，办结申请 ${c.requests} 项`,
    commit: (period: string, unit: string, n: number) => `反馈 ${period}：${unit} ${n} 项`,
    commitLine: (id: string, what: string) => `${id} ${what}`,
    commitWhat: { entry: '进展', replaced: '更正', removed: '删除（更正表中为空）', request: '办结申请' },
    commitFailed: (file: string, detail: string) => `${file}：git 提交失败（${detail}），任务文件已恢复原样，未导入；请处理后重新导入`,
    // tasks feedback status
    statusHeader: (period: string, replyBy: string, coReplyBy: string | undefined, asOf: string) =>
      `${period}反馈情况（报送截止 ${replyBy}${coReplyBy ? `，配合单位 ${coReplyBy}` : ''}，截至 ${asOf}）`,
    statusBeforeRules: (period: string) => `${period}早于反馈规则的起报日期（tasks.config.yaml 中 feedback.start），本期不要求反馈`,
    statusCounts: (c: { units: number; unitsMissing: number; owed: number; onTime: number; late: number; missing: number; pending: number }) =>
      `应报 ${c.units} 个单位 ${c.owed} 项：按期 ${c.onTime} 项，逾期 ${c.late} 项，未报 ${c.missing} 项${c.pending > 0 ? `，尚未到截止日 ${c.pending} 项` : ''}；有未报任务的单位 ${c.unitsMissing} 个`,
    state: { on_time: '按期', late: '有逾期', missing: '有未报', pending: '待报送' },
    statusCol: { unit: '单位', state: '情况', answered: '已反馈/应反馈', late: '逾期报送的任务', missingTasks: '未反馈的任务' },
    answered: (n: number, of: number) => `${n}/${of}`,
    lateAnswer: (id: string, date: string, days: number) => `${id}（${date}，逾期 ${days} 天）`,
    reviewHeader: (n: number) => `待销号 ${n} 项（tasks done 编号 销号，tasks reject 编号 --reason 原因 退回）：`,
    reviewLine: (id: string, title: string, by: string | undefined, date: string, doneOn: string) => `${id} ${title}（${by ?? '单位'} ${date} 报称 ${doneOn} 办结）`,
    checkFailed: (n: number) => `${n} 个单位有任务未报送反馈`,
    // 销号、退回
    accepted: (id: string, by: string | undefined, date: string, doneOn: string) =>
      `已销号：${id}（${by ?? '单位'} ${date} 报称 ${doneOn} 办结，审核同意）`,
    acceptedOn: (date: string) => `；完成日期按 ${date} 记录`,
    acceptCommit: (id: string, title: string, doneOn: string) => `销号 ${id}：${title}（${doneOn} 办结）`,
    rejected: (id: string, reason: string) => `已退回 ${id} 的办结申请：${reason}`,
    rejectCommit: (id: string, title: string, reason: string) => `退回 ${id}：${title}（${reason}）`,
    noRequest: (id: string) => `任务 ${id} 没有待审核的办结申请；直接标记完成请用 tasks done ${id} --on 日期`,
    needReason: '退回须写明原因，例如 --reason "佐证材料不全"',
    showRequest: (by: string | undefined, date: string, doneOn: string) => `${by ?? '单位'} ${date} 报称 ${doneOn} 办结，待销号`,
    showDecided: (by: string | undefined, date: string, doneOn: string, decision: 'accepted' | 'rejected', decided: string | undefined, reason: string | undefined) =>
      `${by ?? '单位'} ${date} 报称 ${doneOn} 办结，${decision === 'accepted' ? '已销号' : '已退回'}${decided ? `（${decided}）` : ''}${reason ? `：${reason}` : ''}`,
    requestsTitle: '办结申请',
    historyReview: (change: 'requested' | 'accepted' | 'rejected' | 'withdrawn', by: string | undefined, date: string, doneOn: string, decided: string | undefined, reason: string | undefined) =>
      ({
        requested: `办结申请：${by ?? '单位'} ${date} 报称 ${doneOn} 办结，待销号`,
        accepted: `销号：同意${by ?? '单位'} ${date} 的办结申请（${doneOn} 办结）${decided ? `，${decided} 审核` : ''}`,
        rejected: `退回：${by ?? '单位'} ${date} 的办结申请${decided ? `，${decided} 审核` : ''}${reason ? `；原因：${reason}` : ''}`,
        withdrawn: `撤回：${by ?? '单位'} ${date} 的办结申请（更正表中已不再报办结）`,
      })[change],
    homeAwaiting: (n: number) => `待销号 ${n} 项（单位报称已办结，等待审核）：tasks feedback status 查看`,
  },
});
