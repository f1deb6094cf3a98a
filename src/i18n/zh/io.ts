// 文件系统和 git 的问题：每个系统错误码都说成一句能照着做的话.

const REASONS: Record<string, string> = {
  ENOSPC: '磁盘已满',
  EDQUOT: '磁盘配额已用完',
  EROFS: '所在的文件系统是只读的',
  EACCES: '没有权限',
  EPERM: '没有权限',
  ENOENT: '文件或文件夹不存在',
  ENOTDIR: '路径中有一段不是文件夹',
  EISDIR: '这是文件夹，不是文件',
  EEXIST: '同名的文件已存在',
  ELOOP: '符号链接绕成了圈',
  ENAMETOOLONG: '文件名或路径过长',
  EMFILE: '同时打开的文件过多',
  ENFILE: '同时打开的文件过多',
  EBUSY: '文件正被其他程序占用',
  ETXTBSY: '文件正被其他程序占用',
  EIO: '读写磁盘时出错（磁盘或网络存储可能有故障）',
  EXDEV: '不能跨磁盘移动',
};

const FIXES: Record<string, string> = {
  ENOSPC: '请清理磁盘空间后再试',
  EDQUOT: '请清理空间或请管理员增加配额后再试',
  EROFS: '请检查磁盘的挂载方式（是否以只读方式挂载），或换一个可写的目录',
  EACCES: '请检查文件和文件夹的所有者和权限（ls -l），或换有权限的用户运行',
  EPERM: '请检查文件和文件夹的所有者和权限（ls -l），或换有权限的用户运行',
  ENOENT: '请检查路径是否写对',
  ENAMETOOLONG: '请换一个短一些的路径',
  EMFILE: '请关闭一些程序后再试',
  ENFILE: '请关闭一些程序后再试',
  EBUSY: '请关闭占用它的程序（例如 Excel）后再试',
  ETXTBSY: '请关闭占用它的程序后再试',
  EIO: '请检查磁盘后再试',
};

const KINDS: Record<string, string> = { directory: '文件夹', device: '设备文件', fifo: '管道（FIFO）', socket: '套接字', other: '特殊文件' };

export interface IoWords {
  /** why, in a few words, from the system's error code */
  reason: (code: string) => string;
  /** what kind of special file (folder, device, FIFO …) */
  kind: (kind: string) => string;
  /** one sentence for a failed file operation: what, where, why, and what to do */
  failed: (f: { code: string; path: string | undefined; writing: boolean; culprit?: string }) => string;
}

export const io = (): { io: IoWords } => ({
  io: {
    reason: (code) => REASONS[code] ?? `系统错误 ${code}`,
    kind: (kind) => KINDS[kind] ?? KINDS.other!,
    failed: ({ code, path, writing, culprit }) => {
      if (culprit !== undefined) return `${culprit} 应是文件夹，但现在是一个文件${culprit === path ? '' : `，无法${writing ? '写入' : '读取'} ${path}`}；请把 ${culprit} 删除或改名后再试`;
      const what = `无法${writing ? '写入' : '读取'}${path === undefined ? '' : ` ${path}`}`;
      const fix = FIXES[code];
      return `${what}：${REASONS[code] ?? `系统错误 ${code}`}${writing ? '，原有文件未改动' : ''}${fix ? `；${fix}` : ''}`;
    },
  },
});
