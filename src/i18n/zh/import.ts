// 导入通知和 Excel 台账.
import { importXlsxZh } from './import-xlsx.js';

export const imports = () => ({
  importNotice: {
    needYear: '请用 --year 指定年度（例如 --year 2020），用于解析“年底前”“6月底前”等时限',
    noStructure: (file: string) =>
      `在 ${file} 中没有找到可识别的结构：应有“一、”“（一）”标题下的“年度目标：”“主要任务：”段落，或“1.”编号的任务（后面跟“牵头单位：”“责任单位：”或“分管领导：”“部门分工：”）`,
    cannotWrite: (path: string, detail: string) => `无法写入 ${path}：${detail}`,
    draftComment: (file: string, line: number, checksum: string) =>
      `# 草稿：由 tasks import notice 从 ${file} 第 ${line} 行生成（校验码 ${checksum}；修改后重新导入不会覆盖）`,
    wrote: (state: 'created' | 'updated', path: string, title: string) => `${state === 'created' ? '写入' : '更新'} ${path}  ${title}`,
    skipped: (path: string) => `跳过 ${path}：该文件已被修改（加 --force 可把通知中的内容并入其中；通知中没有的节点、进展、领导和单位等照旧保留）`,
    deadlineReason: (file: string) => `据 ${file} 导入`,
    summary: (c: { total: number; created: number; updated: number; unchanged: number; skipped: number; dryRun: boolean }) =>
      `${c.dryRun ? '（试运行，未写文件）' : ''}共 ${c.total} 项：新写入 ${c.created}，更新 ${c.updated}，未变 ${c.unchanged}，跳过 ${c.skipped}`,
    structure: (sections: number, points: number, tasks: number, declared: number | undefined) =>
      `识别出 ${sections} 个部分、${points} 个要点、${tasks} 项任务` +
      (declared === undefined ? '' : declared === tasks ? `，与通知所称 ${declared} 项一致` : `；通知称 ${declared} 项，相差 ${Math.abs(declared - tasks)} 项，请核对拆分（可试 --split sentence 或 --split auto）`),
    unassigned: (n: number) => `其中 ${n} 项的牵头责任领导和责任单位通知中未写明，暂记为“待定”，请按责任分解表补充`,
    readAsGb18030: (file: string) => `${file} 不是 UTF-8 编码，已按 GB18030（GBK）读取`,
    notText: (path: string) => `${path} 不是可识别的文本文件（既不是 UTF-8 也不是 GB18030）；请另存为 UTF-8 文本后再导入`,
  },
  importXlsx: importXlsxZh(),
});
