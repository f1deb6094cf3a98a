// 中文消息目录：所有面向用户的文字都在这里（英文见 en.ts，两者结构相同）。
import type { ProblemParams } from '../core/problems.js';

type P = ProblemParams;
const q = (v: unknown) => `“${String(v)}”`;
const orList = (items: readonly string[]) => items.map((s) => `“${s}”`).join('、');

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

export const zh = {
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
  fields: {
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
    year: '年度',
    lang: '界面语言',
    timezone: '时区',
    warning_days: '临期预警天数',
    behind_tolerance: '序时进度容差',
    commit: '自动提交',
    table_border: '表格边框',
    roster: '名册',
    leads: '牵头责任领导',
  } as Record<string, string>,
  /** 字段的称呼：完成时限（deadline）、节点目标第 2 项的应完成日期（milestones[1].due） */
  fieldPath(path: ReadonlyArray<string | number>): string {
    if (path.length === 0) return '文件';
    const label = (k: string) => zh.fields[k] ?? k;
    const code = path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
    const words: string[] = [];
    for (let i = 0; i < path.length; i++) {
      const s = path[i]!;
      if (typeof s === 'number') words.push(`第 ${s + 1} 项`);
      else words.push(i > 0 && typeof path[i - 1] === 'number' ? `的${label(s)}` : label(s));
    }
    return `${words.join('')}（${code}）`;
  },
  problem: {
    read_failed: (p: P) => `无法读取文件：${p.detail}`,
    too_large: (p: P) => `文件过大（${p.size} 字节，上限 ${p.limit} 字节），未解析；任务文件通常只有几 KB，请检查是否放错了文件`,
    not_utf8: () => '文件不是 UTF-8 编码（可能是 GBK/GB2312，旧编辑器常这样保存）；请用编辑器“另存为 UTF-8”后再试',
    utf16: () => '文件是 UTF-16 编码；请用编辑器“另存为 UTF-8”后再试',
    binary: () => '文件含有 NUL 字节，不是文本文件；请检查是否放错了文件',
    empty_file: () => '文件是空的；每个任务文件至少要有 id、title、lead、units、deadline、status',
    conflict_marker: () => '文件中有未解决的 git 合并冲突标记（<<<<<<< ======= >>>>>>>）；请保留正确的内容并删去标记',
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
  },
  types: {
    string: '文字', number: '数字', integer: '整数', boolean: '是/否（true/false）', array: '列表', object: '映射（字段: 值）',
    null: '空值', 'string|array': '文字或列表',
  } as Record<string, string>,
  describeAllowed: (values: readonly string[]) => orList(values),
  location: (file: string, line: number, column: number) => `${file}:${line}:${column}`,
  problemLine: (where: string, severity: string, message: string) => `${where}: ${severity}: ${message}`,
  help: {
    program: '督查室重点工作台账：一个任务一个 YAML 文件，逾期红黄绿灯预警，分领导汇总。',
    usage: '[选项] [命令]',
    version: '0.1.0',
    helpCommand: 'help [命令]',
    examples: [
      '常用：',
      '  tasks                                  今天的概况',
      '  tasks overdue --as-of 2020-09-30       截至某日的逾期任务',
      '  tasks overdue --group lead             按牵头领导分组',
      '  tasks list --lead 常务 --light 黄      筛选任务',
      '  tasks show 2020-017                    一个任务的全部信息',
      '  tasks summary --by unit                按责任单位汇总',
      '  tasks validate                         检查全部任务文件',
    ].join('\n'),
    cmd: {
      validate: '检查任务文件（格式、字段、日期、编号、名册），列出问题',
      import: '导入通知或台账',
      importNotice: '从重点工作通知的文本生成任务草稿',
      hook: 'git 钩子',
      hookInstall: '安装 pre-commit 钩子：提交前检查暂存的任务文件',
      overdue: '逾期（红灯）任务，逾期最久的在前',
      due: '即将到期的任务和节点',
      list: '列出任务，可按领导、单位、状态、灯色等筛选',
      show: '显示一个任务的全部信息',
      summary: '按牵头领导、责任单位或部分汇总',
    },
    arg: {
      paths: '只检查这些文件',
      noticeFile: '通知文本文件（UTF-8）',
      id: '任务编号',
    },
    opt: {
      version: '显示版本号',
      help: '显示帮助',
      dir: '台账目录（默认：当前目录或其上级中含 tasks.config.yaml 或 tasks/ 的目录）',
      asOf: '以该日期为“今天”：2020-09-30、2020年9月30日、today、旬末、月底、季末、年底、+10d、-1m',
      lang: '界面语言：zh（默认）或 en',
      color: '强制使用颜色',
      noColor: '不使用颜色（也可设置环境变量 NO_COLOR）',
      ascii: '用 + - | 画表格线（终端把制表符显示成双宽时使用）',
      quiet: '成功时不输出提示',
      debug: '出错时显示详细信息',
      staged: '检查 git 暂存区中的任务文件（pre-commit 钩子用）',
      year: '年度，用于解析“年底前”“6月底前”等时限',
      out: '输出目录',
      split: '拆分方式：auto（长句按分句拆分，默认）或 sentence（按句拆分）',
      force: '覆盖已有的任务文件',
      forceHook: '覆盖已有的 pre-commit 钩子',
      dryRun: '只显示将要写入的内容，不写文件',
      lead: '按牵头责任领导筛选（可写开头几个字）',
      unit: '按责任单位筛选（牵头或配合）',
      leadUnit: '按牵头单位筛选',
      status: '按状态筛选：not_started/未启动、in_progress/推进中、done/已完成、suspended/暂缓、cancelled/已取消',
      light: '按灯色筛选：red/红、yellow/黄、green/绿',
      section: '按所属部分筛选（包含该文字）',
      point: '按所属要点筛选（包含该文字）',
      tag: '按标签筛选',
      deadlineBefore: '完成时限早于该日期',
      deadlineAfter: '完成时限晚于该日期',
      search: '在任务名称、内容和进展中查找文字',
      format: '输出格式：table（表格，默认）、json、csv、ids（只列编号）',
      group: '分组：lead（按牵头领导）或 unit（按牵头单位）',
      sort: '排序：deadline（完成时限）、id、lead（牵头领导）、light（灯色）',
      check: '有逾期任务时以退出码 3 结束（用于定时任务和 CI）',
      within: '天数，默认为临期预警天数',
      by: '汇总方式：lead（牵头领导，默认）、unit（责任单位）、section（部分）',
    },
  },
  hook: {
    notRepo: (dir: string) => `${dir} 不在 git 仓库中；请先运行 git init（或 tasks init）`,
    exists: (path: string) => `已有别的 pre-commit 钩子：${path}；如要替换，请加 --force`,
    installed: (path: string) => `已安装 pre-commit 钩子：${path}（提交前会检查暂存的任务文件）`,
  },
  views: {
    warningsHidden: (n: number) => `另有 ${n} 个警告，运行 tasks validate 查看。`,
    unreadable: (n: number) => `有 ${n} 个任务文件无法读取，未列入上表；请按上面的提示修改后再运行。`,
  },
  importNotice: {
    needYear: '请用 --year 指定年度（例如 --year 2020），用于解析“年底前”“6月底前”等时限',
    noStructure: (file: string) =>
      `在 ${file} 中没有找到可识别的结构：应有“一、”“（一）”标题下的“年度目标：”“主要任务：”段落，或“1.”编号的任务（后面跟“牵头单位：”“责任单位：”或“分管领导：”“部门分工：”）`,
    cannotWrite: (path: string, detail: string) => `无法写入 ${path}：${detail}`,
    draftComment: (file: string, line: number, checksum: string) =>
      `# 草稿：由 tasks import notice 从 ${file} 第 ${line} 行生成（校验码 ${checksum}；修改后重新导入不会覆盖）`,
    wrote: (state: 'created' | 'updated', path: string, title: string) => `${state === 'created' ? '写入' : '更新'} ${path}  ${title}`,
    skipped: (path: string) => `跳过 ${path}：该文件已被修改（如要用通知内容覆盖，请加 --force）`,
    summary: (c: { total: number; created: number; updated: number; unchanged: number; skipped: number; dryRun: boolean }) =>
      `${c.dryRun ? '（试运行，未写文件）' : ''}共 ${c.total} 项：新写入 ${c.created}，更新 ${c.updated}，未变 ${c.unchanged}，跳过 ${c.skipped}`,
    structure: (sections: number, points: number, tasks: number, declared: number | undefined) =>
      `识别出 ${sections} 个部分、${points} 个要点、${tasks} 项任务` +
      (declared === undefined ? '' : declared === tasks ? `，与通知所称 ${declared} 项一致` : `；通知称 ${declared} 项，相差 ${Math.abs(declared - tasks)} 项，请核对拆分（可试 --split sentence 或 --split auto）`),
    unassigned: (n: number) => `其中 ${n} 项的牵头责任领导和责任单位通知中未写明，暂记为“待定”，请按责任分解表补充`,
    readAsGb18030: (file: string) => `${file} 不是 UTF-8 编码，已按 GB18030（GBK）读取`,
    notText: (path: string) => `${path} 不是可识别的文本文件（既不是 UTF-8 也不是 GB18030）；请另存为 UTF-8 文本后再导入`,
  },
  config: {
    missing: '未找到 tasks.config.yaml，使用默认设置（可用 tasks init 创建）。',
  },
  validate: {
    summary: (tasks: number, errors: number, warnings: number) => `${tasks} 个任务，${errors} 个错误，${warnings} 个警告`,
    noFiles: (path: string) => `没有找到要检查的文件：${path}`,
  },
  errors: {
    internal: '程序内部错误。请把上面的信息和所用命令报告给维护人员（加 --debug 可看到详细信息）。',
    noPlan: (dir: string) => `在 ${dir} 及其上级目录中没有找到台账（tasks.config.yaml 或 tasks/ 文件夹）；请进入台账目录，或用 --dir 指定`,
    badAsOf: (value: string) =>
      `无法识别的日期 ${q(value)}。可用写法：2020-09-30、2020/9/30、2020年9月30日、today/今天、旬末/eox、月底/eom、季末/eoq、年底/eoy、+10d、-1m`,
    unknownCommand: (cmd: string, suggestion?: string) =>
      `没有 ${q(cmd)} 这个命令${suggestion ? `，是否想用 ${q(suggestion)}？` : ''}；运行 tasks --help 查看全部命令`,
    unknownOption: (opt: string, suggestion?: string) =>
      `不认识的选项 ${q(opt)}${suggestion ? `，是否想用 ${q(suggestion)}？` : ''}；加 --help 查看可用选项`,
    missingArgument: (name: string) => `缺少参数 ${name}；加 --help 查看用法`,
    optionMissingValue: (opt: string) => `选项 ${opt} 需要一个值；加 --help 查看用法`,
    tooManyArguments: (command: string) => `${command} 命令的参数过多；加 --help 查看用法`,
    invalidChoice: (opt: string, value: string, allowed: readonly string[]) =>
      `选项 ${opt} 的值 ${q(value)} 无效；可选：${orList(allowed)}`,
    invalidNumber: (opt: string, value: string) => `选项 ${opt} 需要一个数字，这里是 ${q(value)}`,
    usage: (detail: string) => `用法错误：${detail}`,
    readFailed: (path: string, detail: string) => `无法读取 ${path}：${detail}`,
  },
  exitCodes: [
    '退出码：',
    '  0  成功',
    '  1  数据有问题（有任务文件无法读取或校验出错；其余任务照常显示，问题列在标准错误输出）',
    '  2  用法错误（命令、选项或参数写错）',
    '  3  --check 发现逾期（红灯）任务',
    '  4  无法写入输出文件或目录（不会留下写了一半的文件）',
    '  70 程序内部错误',
  ].join('\n'),
};

export type Messages = typeof zh;
