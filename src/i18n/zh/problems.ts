// 任务文件和设置中的问题.
import type { ProblemParams } from '../../core/problems.js';

type P = ProblemParams;
const q = (v: unknown) => `“${String(v)}”`;

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

export const problems = {
  problem: {
    read_failed: (p: P) => `无法读取文件：${p.detail}`,
    too_large: (p: P) => `文件过大（${p.size} 字节，上限 ${p.limit} 字节），未解析；任务文件通常只有几 KB，请检查是否放错了文件`,
    not_utf8: () => '文件不是 UTF-8 编码（可能是 GBK/GB2312，旧编辑器常这样保存）；请用编辑器“另存为 UTF-8”后再试',
    utf16: () => '文件是 UTF-16 编码；请用编辑器“另存为 UTF-8”后再试',
    binary: () => '文件含有 NUL 字节，不是文本文件；请检查是否放错了文件',
    empty_file: () => '文件是空的；每个任务文件至少要有 id、title、lead、units、deadline、status',
    conflict_marker: () => '文件中有未解决的 git 合并冲突标记（<<<<<<< ======= >>>>>>>）；请用 tasks resolve 选择本方或对方，或保留正确的内容并删去标记',
    yaml_syntax: (p: P) => `YAML 格式错误：${YAML_CODES_ZH[String(p.detail)] ?? p.message}`,
    multiple_documents: () => '一个文件只能写一个任务，这里有多个 YAML 文档（---）；请拆成多个文件',
    alias_limit: () => '文件中的锚点/别名（& 和 *）展开过多，为防止资源耗尽已拒绝；任务文件不需要锚点和别名，请直接写出内容',
    duplicate_key: (p: P) => `字段${q(p.key)}重复出现（第一次在第 ${p.first} 行）；请删去多余的一个`,
    forbidden_key: (p: P) => `不允许使用字段名${q(p.key)}`,
    not_a_mapping: () => '文件内容应是“字段: 值”的形式（YAML 映射）；请参照其他任务文件填写',
    unknown_key: (p: P) => `${p.where ? `${p.where}中` : ''}有不认识的字段${q(p.key)}${p.suggestion ? `，是否想写${q(p.suggestion)}？` : `；可用的字段：${p.allowed}`}`,
    missing_key: (p: P) => `缺少必填字段${p.field}；请添加一行 ${p.key}: …`,
    wrong_type: (p: P) =>
      `${p.field}应为${p.expected}，这里是${p.actual}${p.hint === 'quote' ? `；请加引号，写成 "${p.value}"` : ''}`,
    invalid_date: (p: P) => `${p.field}的值${q(p.value)}不是有效日期；请写成 YYYY-MM-DD，例如 2020-06-30`,
    bad_enum: (p: P) =>
      `${p.field}的值${q(p.value)}不在允许范围内；可选：${p.allowed}${p.suggestion ? `。是否想写${q(p.suggestion)}？` : ''}`,
    empty_value: (p: P) => `${p.field}不能为空`,
    bad_id: (p: P) => `${p.field}的值${q(p.value)}不合规；编号只能用字母、数字、连字符、下划线和点，例如 2020-017`,
    out_of_range: (p: P) => `${p.field}的值 ${p.value} 超出范围（${p.limit}）`,
    duplicate_item: (p: P) => `${p.field}中有重复的项`,
    done_on_required: () => '状态为 done（已完成）时必须填写完成日期；请添加一行 done_on: YYYY-MM-DD',
    done_on_forbidden: (p: P) => `状态为 ${p.status} 时不能有完成日期 done_on；如果任务已完成，请把 status 改为 done，否则删去 done_on`,
    schema_other: (p: P) => `${p.field}：${p.detail}`,
    id_mismatch: (p: P) => `编号${q(p.id)}与文件名不一致（应为${q(p.expected)}）；请修改编号或重命名文件`,
    duplicate_id: (p: P) => `编号${q(p.id)}与 ${p.other} 重复；每个任务的编号必须唯一`,
    date_after_done: (p: P) => `${p.field}为 ${p.date}，晚于完成日期 done_on（${p.done_on}）；请核对日期`,
    unknown_lead: (p: P) =>
      `牵头责任领导${q(p.name)}不在名册（tasks.config.yaml 的 roster.leads）中${p.suggestion ? `，是否是${q(p.suggestion)}？` : '；如是新领导，请加入名册'}`,
    unknown_unit: (p: P) =>
      `责任单位${q(p.name)}不在名册（tasks.config.yaml 的 roster.units）中${p.suggestion ? `，是否是${q(p.suggestion)}？` : '；如是新单位，请加入名册'}`,
    progress_order: (p: P) => `进展反馈应按日期从早到晚排列，第 ${p.index} 条（${p.date}）早于前一条（${p.previous}）`,
    bad_timezone: (p: P) => `时区${q(p.value)}无法识别；请写 IANA 时区名，例如 Asia/Shanghai`,
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
};
