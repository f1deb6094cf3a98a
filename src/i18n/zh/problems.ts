// 任务文件和设置中的问题.
import type { ProblemParams } from '../../core/problems.js';
import { io, type IoWords } from './io.js';

type P = ProblemParams;
const q = (v: unknown) => `“${String(v)}”`;
let ioWords: IoWords | undefined;
const words = (): IoWords => (ioWords ??= io().io);

const YAML_EXPLAINED_ZH: Record<string, (p: P) => string> = {
  TOO_DEEP: () => '方括号或花括号嵌套过深（几百层以上），无法读取；任务文件不需要这样的嵌套，请检查是否放错了文件',
  ANCHOR_IN_VALUE: () => '值以 & 开头，YAML 把它当成了锚点；请给整个值加上引号',
  NO_SPACE_AFTER_COLON: (p) => `冒号后面要有一个空格，写成“${p.key}: …”`,
  UNCLOSED_QUOTE: (p) => `这里开始的引号 ${p.char} 没有配对的结束引号；请在值的末尾补上 ${p.char}`,
  UNCLOSED_FLOW: (p) =>
    p.char === '['
      ? '这里开始的 [ 没有配对的 ]；这种写法的列表要在同一行写完并以 ] 结尾，例如 units: [区住建局, 区财政局]'
      : '这里开始的 { 没有配对的 }；请在同一行以 } 结尾，或改成每行一个“字段: 值”的写法',
  COLON_IN_VALUE: (p) => `值中有“: ”（冒号加空格），YAML 会把它当成新的字段；请给整个值加上引号，例如 "${p.value}"`,
  DEEPER_INDENT: () => '这一行比上一行缩进得多，YAML 把它接到了上一行的值里；同一层的字段要从同一列开始写',
  UNKNOWN_TAG: () => '值以 ! 开头，YAML 把它当成了类型标签，! 开头的这部分会被丢掉；请给整个值加上引号',
  UNRESOLVED_ALIAS: (p) => `值 ${p.value} 以 * 开头，YAML 把它当成了对锚点的引用（别名），但没有这个锚点；如果 * 是文字的一部分，请给整个值加上引号`,
};

const YAML_CODES_ZH: Record<string, string> = {
  TAB_AS_INDENT: '不能用 Tab 键缩进，请改用空格',
  BAD_INDENT: '缩进不正确，同一层的字段要对齐',
  MULTILINE_IMPLICIT_KEY: '这一行不是“字段: 值”的形式（可能缺少冒号，或上一行的缩进不对）',
  MISSING_CHAR: '缺少字符（例如引号或括号没有配对，或冒号后缺少空格）',
  BLOCK_AS_IMPLICIT_KEY: '字段名的写法不对',
  UNEXPECTED_TOKEN: '这里有不该出现的字符',
  BAD_SCALAR_START: '值不能以这个字符开头，请给整个值加上引号',
  BAD_DQ_ESCAPE: '双引号中的转义写法不对（反斜杠 \\ 请写成 \\\\）',
  BAD_ALIAS: '别名（*）写法不对',
  BAD_DIRECTIVE: '文件开头的 % 指令写法不对',
  DUPLICATE_KEY: '字段重复',
  RESOURCE_EXHAUSTION: '嵌套层次过深',
  MISSING_ANCHOR: '引用了不存在的锚点',
  TAG_RESOLVE_FAILED: '无法识别的 ! 标签',
  UNEXPECTED_FLOW_END: '多了一个 ] 或 }',
  BLOCK_IN_FLOW: '方括号或花括号中不能换行写列表',
  KEY_OVER_1024_CHARS: '字段名过长',
};

export const problems = () => ({
  problem: {
    read_failed: (p: P) =>
      p.target !== undefined && (p.errno === 'ENOENT' || p.errno === 'ELOOP')
        ? `这是一个符号链接，指向 ${p.target}，但${p.errno === 'ENOENT' ? '那里没有文件' : '链接绕成了圈'}，没有读取；请修正或删除这个链接`
        : `无法读取文件：${words().reason(String(p.errno))}；${p.errno === 'EACCES' || p.errno === 'EPERM' ? '请检查文件的权限（ls -l）' : '请检查文件和磁盘'}`,
    not_regular: (p: P) =>
      `这不是普通文件，而是${words().kind(String(p.kind))}${p.target ? `（符号链接，指向 ${p.target}）` : ''}，没有读取；台账的任务文件和设置文件都应是普通文件，请换成普通文件或把它移走`,
    too_large: (p: P) => `文件过大（${p.size} 字节，上限 ${p.limit} 字节），未解析；任务文件通常只有几 KB，请检查是否放错了文件`,
    not_utf8: () => '文件不是 UTF-8 编码（可能是 GBK/GB2312，旧编辑器常这样保存）；请用编辑器“另存为 UTF-8”后再试',
    utf16: () => '文件是 UTF-16 编码；请用编辑器“另存为 UTF-8”后再试',
    binary: () => '文件含有 NUL 字节，不是文本文件；请检查是否放错了文件',
    lone_cr: () => '这里的换行只有回车符（CR），是旧式 Mac 的写法，无法可靠读取；请在编辑器中把换行方式改为 LF（或 Windows 的 CRLF）后保存',
    empty_file: () => '文件是空的；每个任务文件至少要有 id、title、lead、units、deadline、status',
    conflict_marker: () => '文件中有未解决的 git 合并冲突标记（<<<<<<< ======= >>>>>>>）；请用 tasks resolve 选择本方或对方，或保留正确的内容并删去标记',
    yaml_syntax: (p: P) =>
      `YAML 格式错误：${YAML_EXPLAINED_ZH[String(p.detail)]?.(p) ?? YAML_CODES_ZH[String(p.detail)] ?? `这一行的写法不对（${p.detail}）；请对照其他任务文件检查，值中有特殊符号时给整个值加上引号`}`,
    multiple_documents: () => '一个文件只能写一个任务，这里有多个 YAML 文档（---）；请拆成多个文件',
    alias_limit: () => '文件中的锚点/别名（& 和 *）展开过多，为防止资源耗尽已拒绝；任务文件不需要锚点和别名，请直接写出内容',
    duplicate_key: (p: P) => `字段${q(p.key)}重复出现（第一次在第 ${p.first} 行）；请删去多余的一个`,
    forbidden_key: (p: P) => `不允许使用字段名${q(p.key)}`,
    not_a_mapping: () => '文件内容应是“字段: 值”的形式（YAML 映射）；请参照其他任务文件填写',
    unknown_key: (p: P) => `${p.where ? `${p.where}中` : ''}有不认识的字段${q(p.key)}${p.suggestion ? `，是否想写${q(p.suggestion)}？` : `；可用的字段：${p.allowed}`}`,
    missing_key: (p: P) => `缺少必填字段${p.field}；请添加一行 ${p.key}: …`,
    wrong_type: (p: P) =>
      `${p.field}应为${p.expected}，这里是${p.actual}${
        p.hint === 'quote'
          ? `；请加引号，写成 "${p.value}"`
          : p.hint === 'comment'
            ? `：# 和它后面的内容是注释；值以 # 开头时请加引号，写成 "${p.value}"`
            : p.hint === 'anchor'
              ? `：& 开头的是 YAML 锚点；值以 & 开头时请加引号，写成 "${p.value}"`
              : ''
      }`,
    invalid_date: (p: P) => `${p.field}的值${q(p.value)}不是有效日期；请写成 YYYY-MM-DD，例如 2020-06-30`,
    bad_enum: (p: P) =>
      `${p.field}的值${q(p.value)}不在允许范围内；可选：${p.allowed}${p.suggestion ? `。是否想写${q(p.suggestion)}？` : ''}`,
    empty_value: (p: P) => `${p.field}不能为空`,
    bad_id: (p: P) => `${p.field}的值${q(p.value)}不合规；编号只能用字母、数字、连字符、下划线和点，例如 2020-017`,
    out_of_range: (p: P) => `${p.field}的值 ${p.value} 超出范围（${p.limit}）`,
    duplicate_item: (p: P) => `${p.field}中有重复的项`,
    too_long: (p: P) => `${p.field}过长（${p.length}，上限 ${p.limit}）；请精简，详细内容可写在任务内容（detail）中`,
    done_on_required: () => '状态为 done（已完成）时必须填写完成日期；请添加一行 done_on: YYYY-MM-DD',
    done_on_forbidden: (p: P) => `状态为 ${p.status} 时不能有完成日期 done_on；如果任务已完成，请把 status 改为 done，否则删去 done_on`,
    schema_other: (p: P) => `${p.field}不符合任务文件的规则（${p.detail}）；请对照 schemas/task.schema.json 中这个字段的说明修改`,
    id_mismatch: (p: P) => `编号${q(p.id)}与文件名不一致（应为${q(p.expected)}）；请修改编号或重命名文件`,
    duplicate_id: (p: P) => `编号${q(p.id)}与 ${p.other} 重复；每个任务的编号必须唯一`,
    date_after_done: (p: P) => `${p.field}为 ${p.date}，晚于完成日期 done_on（${p.done_on}）；请核对日期`,
    start_after_deadline: (p: P) => `开始日期 ${p.start} 晚于完成时限 ${p.deadline}；请核对这两个日期`,
    extension_chain: (p: P) => `延期记录与现行完成时限 ${p.deadline} 对不上：最后一条改为 ${p.to}，或有两条记录改的是同一个原时限；请只保留实际批准的那条，或更正完成时限`,
    extension_direction: (p: P) =>
      p.kind === 'advance'
        ? `这条提前记录（kind: advance）的新时限 ${p.to} 晚于原时限 ${p.from}；如果是延期，请删去 kind 这一行，否则请核对日期`
        : `这条延期记录的新时限 ${p.to} 早于原时限 ${p.from}；如果是提前，请加一行 kind: advance，否则请核对日期`,
    unknown_lead: (p: P) =>
      `牵头责任领导${q(p.name)}不在名册（tasks.config.yaml 的 roster.leads）中${p.suggestion ? `，是否是${q(p.suggestion)}？` : '；如是新领导，请加入名册'}`,
    unknown_unit: (p: P) =>
      `责任单位${q(p.name)}不在名册（tasks.config.yaml 的 roster.units）中${p.suggestion ? `，是否是${q(p.suggestion)}？` : '；如是新单位，请加入名册'}`,
    duplicate_target: (p: P) => `第 ${p.index} 个量化指标的名称${q(p.name)}与第 ${p.other} 个相同；同一任务的指标名称不能重复，请改名（tasks target ID rename），例如写明是哪一类项目`,
    near_duplicate_name: (p: P) =>
      `${p.what}${q(p.name)}与${p.where === 'roster' ? '名册中' : '其他任务中'}的${q(p.other)}很接近，是否是同一个？请统一成一个名称${p.where === 'roster' ? '，删去名册中多余的一个' : '（写进名册可防止再出现）'}`,
    progress_order: (p: P) => `进展反馈应按日期从早到晚排列，第 ${p.index} 条（${p.date}）早于前一条（${p.previous}）`,
    bad_timezone: (p: P) => `时区${q(p.value)}无法识别；请写 IANA 时区名，例如 Asia/Shanghai`,
    rule_day_for_xun: (p: P) => `反馈周期为每旬（cycle: xun）时以旬末为报送日，不能设 ${p.key}: ${p.value}；请删去这一行，或把 cycle 改为 month、quarter、half 或 year`,
    rule_co_twice: () => '配合单位的报送日已由 co_units_due_day 规定，不能再设 co_units_days_before；两者请只留一个',
    rule_co_not_earlier: (p: P) => `配合单位的报送日（${p.co}）不早于牵头单位的报送日（${p.lead}）；配合单位须先报牵头单位，请改小这个数`,
    rule_co_before_period: (p: P) => `配合单位的报送日（${p.co}）早于这一周期的开始（${p.start}）；请改小提前的天数`,
    rule_floors_fall: (p: P) => `${p.quarter} 的进度底线 ${p.value} 低于 ${p.previous} 的 ${p.previousValue}；各季度底线应逐季提高`,
    not_a_task: () => '文件不符合任务文件的规则；请运行 tasks validate 查看，或参照其他任务文件修改',
    cannot_edit: () => '这个文件的写法无法只改动相关的几行（例如用了锚点、别名或不常见的排版）；请在编辑器中手工修改，改完运行 tasks validate',
    tasks_not_folder: () => 'tasks 应是存放任务文件的文件夹，但现在是一个文件，没有任务可读；请把它改名或移走，再建一个 tasks 文件夹',
    no_tasks_dir: () => '没有找到 tasks/ 文件夹；请在台账目录中运行，或用 --dir 指定台账目录',
    plan_missing: (p: P) => `汇总的第 ${p.index} 个台账（${p.office}）的目录 ${p.path} 不存在或不是台账；请检查 plans 中的 path`,
    plan_not_fetched: (p: P) => `还没有获取${p.office}的台账（${p.url}）；请运行 tasks sync`,
    merge_failed: (p: P) => `无法按字段合并（${p.detail}），已改为逐行合并；请检查冲突标记之间的内容`,
  },
  config: {
    missing: '未找到 tasks.config.yaml，使用默认设置（可用 tasks init 创建）。',
  },
  validate: {
    summary: (tasks: number, errors: number, warnings: number) => `${tasks} 个任务，${errors} 个错误，${warnings} 个警告`,
    noFiles: (path: string) => `没有找到要检查的文件：${path}`,
  },
});
