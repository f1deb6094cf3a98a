// 多处共用一个台账：同步、按字段合并、冲突处理、交换文件、汇总下级台账、编号前缀.

type Count = { total: number; byUnit: ReadonlyArray<{ unit: string; count: number }> };

const parts = (c: Count) => c.byUnit.map((p) => `${p.unit || '其他'} ${p.count}`).join('、');
const received = (c: Count) => (c.total === 0 ? '没有收到修改' : `收到 ${c.total} 项修改${c.byUnit.length > 0 ? `（${parts(c)}）` : ''}`);

export const sync = () => ({
  merge: {
    ours: '本方',
    theirs: '对方',
    none: '（无）',
    /** the settings' fields, where they are called otherwise than a task's */
    settings: { title: '台账名称', roster: '名册', leads: '牵头责任领导', units: '责任单位', office: '本级名称', plans: '汇总的台账', path: '台账目录', url: '远程仓库地址', branch: '分支' } as Record<string, string>,
    item: (list: string, name: string | undefined, n: number) => (name ? `${list}“${name}”` : `${list}第 ${n} 项`),
    join: (parts: readonly string[]) => parts.join('的'),
    conflict: (file: string, line: number, field: string, ours: string, theirs: string) => `${file}:${line}: ${field}：本方 ${ours}，对方 ${theirs}`,
    lines: (file: string, line: number, fields: readonly string[]) => `${file}:${line}: ${fields.join('、')}：两边都有修改，请在文件中选择`,
    resolveHint: (id: string, field: string) => `  tasks resolve ${id} ${field} ours|theirs|新值`,
    byLines: (file: string) => `${file}：无法按字段合并，已改为逐行合并；请打开文件，保留正确的内容并删去 <<<<<<< ======= >>>>>>> 标记`,
    invalid: (file: string) => `${file}：合并后不符合规则（所有条目都已保留），请修改：`,
  },
  sync: {
    // sent: undefined when the changes could not be sent (the notes below the line say why)
    summary: (r: Count, sent: number | undefined) =>
      r.total === 0 && sent === 0 ? '已是最新：没有收到也没有发出修改' : `${received(r)}${sent ? `，发出 ${sent} 项` : ''}`,
    received: (r: Count) => received(r),
    kept: (file: string) => `注意：${file} 在一方已被删除，另一方有新的修改，已保留修改后的文件；确需删除，请再运行 git rm ${file} 并提交`,
    noRepo: '台账不在 git 仓库中，无法同步；请先运行 git init，或用 tasks init 新建台账',
    noRemote: '还没有设置远程仓库。第一次同步请写上地址，例如：tasks sync https://git.example.gov.cn/duchashi/2020.git（也可以是共享文件夹中的仓库，如 /mnt/share/台账.git）',
    detached: 'git 当前不在任何分支上（detached HEAD），无法同步；请先运行 git switch main（或台账所用的分支）',
    noIdentity: '还没有设置 git 提交人，无法记录合并；请先运行：git config --global user.name "你的姓名" 和 git config --global user.email "邮箱"',
    dirty: (files: readonly string[]) =>
      `有尚未提交的修改：${files.join('、')}。同步前请先提交（git commit）或撤销（git checkout -- 文件）这些修改；本次未做任何改动`,
    unreachable: (remote: string, url: string) => `无法连接远程仓库 ${remote}（${url}）；请检查网络和地址。本地未做任何改动，可稍后再运行 tasks sync`,
    unrelated: (remote: string) =>
      `远程仓库 ${remote} 上的台账与本台账没有共同的历史（可能是另一个台账，或被整个重新上传过）；本次未做任何改动。请核对地址（git remote -v），或请管理员检查远程仓库`,
    refused: (remote: string) => `远程仓库 ${remote} 拒绝接收本台账的修改：`,
    outgoingInvalid: '要发出的修改不符合规则，没有发出：',
    notSent: '本地的修改（和合并）都已保存，没有丢失；问题解决后再运行 tasks sync 发送',
    failed: (remote: string) => `未能发送到远程仓库 ${remote}。本地的修改（和合并）都已保存，没有丢失；稍后再运行 tasks sync`,
    moved: '同步期间台账文件被其他操作改动，已停止，本次未做任何改动；请再运行一次 tasks sync',
    stopped: (r: Count) => `${received(r)}，其中有些需要您决定：`,
    howTo: [
      '逐项选择后，再运行 tasks sync 完成同步：',
      '  tasks resolve <编号> <字段> ours      保留本方的值',
      '  tasks resolve <编号> <字段> theirs    采用对方的值',
      '  tasks resolve <编号> <字段> <新值>    改为新的值',
      '放弃这次合并、回到同步之前：tasks sync --abort',
    ].join('\n'),
    waiting: '上次同步的合并还没有完成，以下各项需要您决定：',
    lines: (file: string, line: number) => `${file}:${line}: 两边修改了同一处，无法按字段合并；请打开文件，保留正确的内容并删去 <<<<<<< ======= >>>>>>> 标记`,
    other: (file: string) => `${file}: 两边的修改有冲突（不是任务文件）；请用 git status 查看并解决后 git add ${file}`,
    invalid: (file: string) => `${file}：合并后不符合规则（两边的内容都已保留），请修改：`,
    problems: '合并后的台账有以下问题，请修改后再运行 tasks sync：',
    aborted: '已放弃这次合并，台账回到同步之前的状态',
    nothingToAbort: '没有进行中的合并',
    mergeMessage: (from: string, n: number) => `同步：合并 ${from} 的 ${n} 项修改`,
    addedRemote: (url: string) => `已把 ${url} 设为远程仓库 origin`,
    remoteExists: (url: string) => `已有远程仓库 origin（${url}）；如需改用新地址，请运行 git remote set-url origin <新地址>`,
    plans: (office: string, r: Count) => `${office}：${received(r)}`,
    planFailed: (office: string, url: string) => `无法获取${office}的台账（${url}），汇总时使用上次获取的内容`,
  },
  resolve: {
    extensionReason: (moves: string) => `合并时确定的完成时限（两方分别延至 ${moves}）`,
    noMerge: '没有进行中的合并，也没有待解决的冲突',
    notConflicted: (file: string) => `${file} 没有待解决的冲突`,
    unknownField: (file: string, field: string, fields: readonly string[]) =>
      `${file} 中没有“${field}”的冲突${fields.length ? `；待解决的有：${fields.join('、')}` : ''}`,
    ambiguous: (field: string, fields: readonly string[]) => `“${field}”对应多处冲突：${fields.join('、')}；请写完整的字段，例如 ${fields[0]}`,
    byHand: (file: string, line: number) => `${file}:${line}: 这处冲突是逐行标记的，请打开文件手工选择，或写 tasks resolve <编号> all ours|theirs 整体选择一方`,
    group: (fields: readonly string[]) => `这处冲突同时涉及 ${fields.join('、')}，只能整体选择 ours 或 theirs`,
    done: (id: string, field: string, value: string) => `已解决 ${id} 的${field}：${value}`,
    doneAll: (id: string, side: string) => `已解决 ${id} 的全部冲突：采用${side}`,
    remaining: (file: string, n: number) => `${file} 还有 ${n} 处冲突`,
    invalid: (file: string) => `这样选择后 ${file} 将不符合规则，未做修改：`,
    pending: (n: number) => `还有 ${n} 个文件待解决；全部解决后运行 tasks sync`,
    finished: '全部冲突已解决，合并已完成。运行 tasks sync 发送给其他人',
    problems: '冲突已解决，但台账还有以下问题，请修改后运行 tasks sync：',
  },
  bundle: {
    exported: (n: number, file: string, since: string | undefined) =>
      `已导出 ${n} 项修改到 ${file}${since ? `（${since} 之后的修改；对方须已导入之前的交换文件）` : '（完整台账）'}`,
    nothingNew: '自上次交换以来没有新的修改，未生成文件（需要完整导出时加 --since all）',
    badSince: (value: string) => `--since 的值“${value}”无法识别；可写日期（2020-09-30）、all（完整导出）或某次提交的编号`,
    lastExchange: '上次交换',
    notBundle: (file: string) => `${file} 不是台账交换文件，或已损坏、不完整；请重新拷贝，或请对方重新导出。本地未做任何改动`,
    baseMissing: (file: string, n: number) =>
      `${file} 是接着对方之前的交换文件导出的，而本台账还没有导入那些修改（缺少 ${n} 个提交）；请先按顺序导入之前的文件，或请对方用 tasks bundle export --since all 导出完整文件。本地未做任何改动`,
    otherPlan: (file: string) => `${file} 来自另一个台账（与本台账没有共同的历史）；本地未做任何改动`,
    noBranch: (file: string) => `${file} 中没有台账的分支；请对方用 tasks bundle export 重新导出`,
    nothingToImport: (file: string) => `${file} 中的修改本台账都已有，无需导入`,
    cannotWrite: (file: string) => `无法写入 ${file}：请检查目录是否存在、是否有写权限（U 盘是否已插好）`,
    missing: (file: string) => `找不到文件 ${file}`,
  },
  rollup: {
    ownOffice: '本级',
    office: '所属台账',
    notFetched: (office: string, url: string) => `还没有获取${office}的台账（${url}）；请运行 tasks sync`,
    missingFolder: (office: string, path: string) => `找不到${office}的台账目录 ${path}；请检查 tasks.config.yaml 中 plans 的 path`,
    foreign: (id: string, office: string) => `${id} 是${office}台账中的任务，只能在${office}的台账中修改`,
    unknownOffice: (name: string, offices: readonly string[]) => `没有名为“${name}”的台账${offices.length ? `；可选：${offices.join('、')}` : ''}`,
    notRollup: '--office 只能用于汇总多个台账（tasks.config.yaml 中有 plans）的情况',
  },
  clerk: {
    needed: (year: number) =>
      `这个台账与他人共用，为免与别人新建的任务重号，新建前请为本机设一个编号字母，例如：tasks sync --clerk B（本机新建的任务编号将是 ${year}-B001、${year}-B002……）；也可用 --id 自己指定编号`,
    bad: (code: string) => `编号字母应为 1 到 3 个英文大写字母，例如 B，这里是“${code}”`,
    set: (code: string, example: string) => `本机的编号字母已设为 ${code}：本机新建的任务编号为 ${example} 起`,
    taken: (code: string, who: string) => `编号字母 ${code} 已被 ${who} 使用；请换一个字母`,
    hint: '提示：这个台账与他人共用。为免新建任务时编号重复，请为本机设一个编号字母：tasks sync --clerk B',
  },
  share: {
    driver: '已设置按字段合并任务文件（.gitattributes 和本机 git 的 merge.tasks 设置）',
    attributesCommit: '合并规则：任务文件和设置按字段合并',
    serverInstalled: (path: string) => `已安装服务器端检查 ${path}：每次推送都先运行 tasks validate，不合规则的台账进不了这个仓库`,
    serverNotRepo: (dir: string) => `${dir} 不是 git 仓库（服务器上的仓库一般是 xxx.git 文件夹）`,
    serverExists: (path: string) => `${path} 已有别的程序的 pre-receive 钩子，未覆盖；确需替换请加 --force`,
    driverUsage: '用法：tasks merge-driver 共同版本 本方 对方 路径（由 git 调用，一般不用手工运行）',
  },
  syncHelp: {
    cmd: {
      sync: '与远程仓库同步：获取他人的修改，按字段合并、检查，再发送本方的修改',
      resolve: '解决合并冲突：某个字段保留本方（ours）、采用对方（theirs）或改为新值',
      bundle: '离线交换（U 盘）：导出、导入台账的修改',
      bundleExport: '把上次交换以来的修改导出为一个文件',
      bundleImport: '导入对方的交换文件：先检查文件，再按字段合并',
      hookServer: '在服务器上的仓库（xxx.git）安装 pre-receive 检查：不合规则的台账推送不进来',
      mergeDriver: '按字段合并一个任务文件（由 git 调用）',
    },
    arg: {
      remote: '远程仓库的地址或名称（第一次同步时写地址，以后省略）',
      field: '字段：deadline、完成时限，或冲突行中的写法如 milestones[1].due；all 表示这个文件的全部冲突',
      choice: 'ours（本方）、theirs（对方），或直接写新的值',
      bundleFile: '交换文件（例如 U 盘上的 屯溪区-1030.bundle）',
      hub: '服务器上的 git 仓库目录（xxx.git）',
    },
    opt: {
      abort: '放弃进行中的合并，回到同步之前',
      clerk: '设置本机新建任务的编号字母（如 B：编号为 2020-B001 起）',
      since: '从何时起的修改：日期、提交编号，或 all（完整台账）；默认从上次交换起',
    },
  },
});
