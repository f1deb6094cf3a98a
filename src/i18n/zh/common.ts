// 共用的词：状态、灯色、字段名、位置.

const orList = (items: readonly string[]) => items.map((s) => `“${s}”`).join('、');

/** 字段的中文名称 */
const FIELDS: Record<string, string> = {
  id: '任务编号',
  title: '任务名称',
  detail: '任务内容',
  section: '所属部分',
  point: '所属要点',
  lead: '牵头责任领导',
  units: '责任单位',
  deadline: '完成时限',
  deadline_text: '完成时限（原文）',
  start: '开始日期',
  status: '状态',
  done_on: '完成日期',
  milestones: '节点目标',
  targets: '量化指标',
  progress: '进展反馈',
  extensions: '延期记录',
  tags: '标签',
  due: '应完成日期',
  name: '指标名称',
  target: '目标值',
  unit: '单位',
  actual: '实际值',
  direction: '方向',
  date: '日期',
  note: '进展情况',
  percent: '完成百分比',
  by: '反馈单位',
  from: '原时限',
  to: '新时限',
  reason: '延期依据',
  kind: '调整类别',
  added: '增加日期',
  actuals: '实际值记录',
  value: '实际值',
  problems: '存在问题',
  next_steps: '下步打算',
  period: '反馈周期',
  status_changes: '状态变更记录',
  completion_requests: '办结申请',
  decision: '审核结论',
  decided: '审核日期',
  year: '年度',
  lang: '界面语言',
  timezone: '时区',
  warning_days: '临期预警天数',
  behind_tolerance: '序时进度容差',
  commit: '自动提交',
  table_border: '表格边框',
  roster: '名册',
  leads: '牵头责任领导',
  feedback: '反馈规则',
  cycle: '反馈周期',
  due_day: '报送日',
  co_units_due_day: '配合单位报送日',
  co_units_days_before: '配合单位提前天数',
  progress_categories: '进度分类',
  behind: '欠进度线',
  ahead: '超进度线',
  early_days: '提前完成天数',
  floors: '季度进度底线',
  scoring: '考核计分',
  base: '基础分',
  missing_feedback: '未反馈扣分',
  late_feedback: '迟报扣分',
  red_task: '红灯扣分',
  sent_back: '退回扣分',
  done_on_time: '按期完成加分',
  max_bonus: '加分上限',
};

export const common = () => ({
  lang: 'zh' as 'zh' | 'en',
  severity: { error: '错误', warning: '警告' },
  status: {
    not_started: '未启动',
    in_progress: '推进中',
    done: '已完成',
    suspended: '暂缓',
    cancelled: '已取消',
  },
  light: {
    red: '红',
    yellow: '黄',
    green: '绿',
    done: '完成',
    done_late: '逾期完成',
    suspended: '暂缓',
    cancelled: '取消',
  },
  fields: FIELDS,
  /** 字段的称呼：完成时限（deadline）、节点目标第 2 项的应完成日期（milestones[1].due） */
  fieldPath(path: ReadonlyArray<string | number>): string {
    if (path.length === 0) return '文件';
    const label = (k: string) => (Object.hasOwn(FIELDS, k) ? FIELDS[k]! : k);
    const code = path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
    const words: string[] = [];
    for (let i = 0; i < path.length; i++) {
      const s = path[i]!;
      if (typeof s === 'number') words.push(`第 ${s + 1} 项`);
      else words.push(i > 0 && typeof path[i - 1] === 'number' ? `的${label(s)}` : label(s));
    }
    return `${words.join('')}（${code}）`;
  },
  types: {
    string: '文字', number: '数字', integer: '整数', boolean: '是/否（true/false）', array: '列表', object: '映射（字段: 值）',
    null: '空值', 'string|array': '文字或列表', infinity: '无穷大（.inf）', nan: '非数（.nan）',
  } as Record<string, string>,
  describeAllowed: (values: readonly string[]) => orList(values),
  location: (file: string, line: number, column: number) => `${file}:${line}:${column}`,
  problemLine: (where: string, severity: string, message: string) => `${where}: ${severity}: ${message}`,
});
