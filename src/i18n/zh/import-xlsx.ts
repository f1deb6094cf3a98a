// tasks import xlsx 的中文消息（英文见 ../en/import-xlsx.ts，两者结构相同）。
const q = (v: unknown) => `“${String(v)}”`;
const list = (items: readonly string[]) => items.map(q).join('、');
const clip = (text: string) => {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  return [...flat].length > 20 ? `${[...flat].slice(0, 19).join('')}…` : flat;
};
/** soffice 命令中的文件名：含空格或特殊字符时加引号 */
const shellName = (file: string) => (/^[\w\u4e00-\u9fff.@%+=:,/-]+$/.test(file) ? file : `"${file.replace(/(["\\$`])/g, '\\$1')}"`);

export const importXlsxZh = () => ({
  needFile: '请指定要导入的 Excel 文件，例如：tasks import xlsx 责任清单.xlsx',
  needYear:
    '请用 --year 指定年度（例如 --year 2020）：台账设置（tasks.config.yaml）和表格标题中都没有年份，而“年底前”“6月底前”等时限要按年度解析',
  legacyXls: (file: string) =>
    `${file} 是旧版 Excel 文件（.xls），不能直接导入。请用 Excel 或 WPS 打开后“另存为”Excel 工作簿（.xlsx）再导入，或由信息员运行 \`soffice --headless --convert-to xlsx ${shellName(file)}\``,
  encrypted: (file: string) =>
    `${file} 设有打开密码（文件已加密），无法读取。请用 Excel 或 WPS 打开，去掉密码后另存为 .xlsx 再导入（Excel：文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码；WPS：文件 → 文档加密 → 密码加密，清空密码）`,
  corrupt: (file: string, detail: string) =>
    `${file} 不是有效的 Excel 工作簿（.xlsx），或文件已损坏（${detail}）。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入`,
  emptyWorkbook: (file: string) => `${file} 中的工作表都是空的，没有可导入的内容`,
  emptySheet: (file: string, sheet: string) => `${file} 的工作表${q(sheet)}是空的，没有可导入的内容`,
  noSuchSheet: (file: string, sheet: string, sheets: readonly string[]) => `${file} 中没有名为${q(sheet)}的工作表；现有工作表：${list(sheets)}`,
  noHeader: (file: string, sheets: readonly string[], rows: number, looked: readonly string[]) =>
    `在 ${file} 的工作表${list(sheets)}的前 ${rows} 行中没有找到可识别的表头。表头应有任务列（${list(looked.slice(0, 5))}之一），` +
    `以及${list(looked.slice(5))}等列中的至少一列；列名不同时，请用 --map 列名=字段 指定，例如 --map 工作措施=task`,
  noTasks: (file: string, sheet: string, headerRow: number) => `${file} 的工作表${q(sheet)}在表头（第 ${headerRow} 行）以下没有可导入的任务`,
  badMap: (value: string, fields: readonly string[]) => `--map 的值${q(value)}无效：应写成 列名=字段，字段可选：${fields.join('、')}`,
  mapUnused: (name: string) => `--map 指定的列${q(name)}不在表头中，未使用`,
  draftComment: (file: string, sheet: string, row: number, checksum: string) =>
    `# 草稿：由 tasks import xlsx 从 ${file} 工作表${q(sheet)}第 ${row} 行生成（校验码 ${checksum}；修改后重新导入不会覆盖）`,
  cannotWrite: (path: string, detail: string) => `无法写入 ${path}：${detail}`,
  wrote: (state: 'created' | 'updated', path: string, title: string) => `${state === 'created' ? '写入' : '更新'} ${path}  ${title}`,
  skipped: (path: string) => `跳过 ${path}：该文件已被修改（加 --force 可把表格中的内容并入其中；表格中没有的节点、进展、标签等照旧保留）`,
  deadlineReason: (file: string) => `据 ${file} 导入`,
  summary: (c: { total: number; created: number; updated: number; unchanged: number; skipped: number; dryRun: boolean }) =>
    `${c.dryRun ? '（试运行，未写文件）' : ''}共 ${c.total} 项：新写入 ${c.created}，更新 ${c.updated}，未变 ${c.unchanged}，跳过 ${c.skipped}`,
  layout: (sheet: string, headerRow: number, columns: readonly string[], unused: readonly string[]) =>
    `工作表${q(sheet)}第 ${headerRow} 行为表头：${columns.join('、')}` + (unused.length > 0 ? `；未导入的列：${unused.join('、')}` : ''),
  column: (name: string, field: string) => `${name}→${field}`,
  structure: (sections: number, points: number, tasks: number, failed: number) =>
    `识别出 ${sections} 个部分、${points} 个要点、${tasks} 项任务` + (failed > 0 ? `；${failed} 行未能导入，见上面的说明` : ''),
  unassigned: (n: number) => `其中 ${n} 项表中没有写明牵头责任领导或责任单位，暂记为“待定”，请补充`,
  noDeadlineColumn: (date: string) => `表中没有完成时限列，各项任务的完成时限暂定为 ${date}（年底），请核对`,
  progressDateFromTitle: (date: string) => `表中没有进展日期，最新进展按表头所写的 ${date} 记录`,
  rowProblem: (sheet: string, row: number, text: string, skipped: boolean) => `工作表${q(sheet)}第 ${row} 行：${text}${skipped ? '；此行未导入' : ''}`,
  problem: {
    no_task_text: () => '没有任务内容（任务列为空）',
    bad_deadline: (text: string) => `完成时限${q(clip(text))}无法识别（可写 2020-06-30、6月底前、年底前、三季度末、上半年、长期坚持 等）`,
    no_deadline: (date: string) => `没有完成时限，暂定为 ${date}（年底）`,
    bad_status: (text: string, status: string) => `状态${q(clip(text))}无法识别，暂记为“${status}”（可写 未启动、推进中、已完成、暂缓、已取消）`,
    done_without_date: (date: string) => `状态为已完成，但表中没有完成日期，暂以 ${date} 为完成日期（done_on），请核对`,
    progress_without_date: (text: string) => `进展${q(clip(text))}没有进展日期，未导入这条进展`,
    bad_progress_date: (text: string) => `进展日期${q(clip(text))}无法识别，未导入这条进展`,
    bad_percent: (text: string) => `完成百分比${q(clip(text))}无法识别（应为 0 到 100），未导入`,
    bad_target: (text: string) => `指标${q(clip(text))}无法识别（应写成“名称：目标18个，实际12个”），未导入`,
    bad_id: (text: string) => `编号${q(clip(text))}不能用作文件名（只能用字母、数字和 - _ .），改用自动编号`,
    duplicate_id: (text: string) => `编号${q(text)}与上面的行重复，改用自动编号`,
    bad_done_on: (text: string) => `完成日期${q(clip(text))}无法识别，未导入`,
  },
  roster: (leads: readonly string[], units: readonly string[], file: string, dryRun: boolean) =>
    `${dryRun ? '（试运行）将在' : '已在'}名册（${file}）中新增` +
    [leads.length > 0 ? `牵头责任领导 ${leads.length} 位：${leads.join('、')}` : '', units.length > 0 ? `责任单位 ${units.length} 个：${units.join('、')}` : '']
      .filter(Boolean)
      .join('；'),
  rosterNotUpdated: (file: string, detail: string) => `未更新名册：${file} ${detail}；请手工把新的领导和单位加入名册`,
  rosterNoPlan: '未更新名册：没有找到台账目录（tasks.config.yaml 所在目录）；可用 --dir 指定',
  rosterInvalid: '有格式错误',
  rosterNotList: 'roster 中的 leads 或 units 不是列表',
  fields: {
    task: '任务（名称和内容）',
    title: '任务名称',
    detail: '任务内容',
    no: '序号',
    id: '编号',
    section: '所属部分',
    point: '所属要点',
    lead: '牵头责任领导',
    lead_unit: '牵头单位',
    units: '责任单位',
    deadline: '完成时限',
    status: '状态',
    progress: '最新进展',
    progress_date: '进展日期',
    percent: '完成百分比',
    targets: '指标',
    done_on: '完成日期',
    tags: '标签',
    ignore: '不导入',
  },
  computed: '自动计算，不导入',
});
