// 修改留痕（git 提交）的问题：改之前先问 git 能不能提交，不能就说清为什么、怎么办.
import type { Blocker } from '../../store/git.js';

const UNCHANGED = '已取消，文件未改动';

const OPERATIONS: Record<Extract<Blocker, { why: 'in_progress' }>['operation'], string> = {
  rebase: `仓库正在进行 rebase（变基），现在提交的修改会在 git rebase --abort 后丢失，${UNCHANGED}。请先完成（git rebase --continue）或放弃（git rebase --abort）再修改`,
  am: `仓库正在用 git am 应用补丁，${UNCHANGED}。请先完成（git am --continue）或放弃（git am --abort）再修改`,
  merge: `仓库正在合并（merge），尚未完成，${UNCHANGED}。请先解决冲突并提交（git commit），或放弃合并（git merge --abort）再修改`,
  cherry_pick: `仓库正在进行 cherry-pick，尚未完成，${UNCHANGED}。请先完成（git cherry-pick --continue）或放弃（git cherry-pick --abort）再修改`,
  revert: `仓库正在进行 git revert，尚未完成，${UNCHANGED}。请先完成（git revert --continue）或放弃（git revert --abort）再修改`,
  bisect: `仓库正在用 git bisect 查找问题，当前检出的是历史版本，${UNCHANGED}。请先结束查找（git bisect reset）再修改`,
};

export const trail = () => ({
  trail: {
    blocked: (b: Blocker): string => {
      switch (b.why) {
        case 'git_missing':
          return `台账在 git 仓库中（${b.gitDir}），但找不到 git 程序，修改无法留痕，${UNCHANGED}。请安装 git（例如 apt-get install git）或把它加入 PATH；确实不需要留痕时可加 --no-commit`;
        case 'unsafe':
          return `git 拒绝使用仓库 ${b.dir}：它属于另一个系统用户（git 称为 dubious ownership），修改无法留痕，${UNCHANGED}。如果这个仓库可信，请运行 git config --global --add safe.directory '${b.dir}'，或用仓库所有者的账号运行 tasks`;
        case 'in_progress':
          return OPERATIONS[b.operation];
        case 'detached':
          return `仓库当前没有检出分支（detached HEAD），现在提交的修改在切换分支后就找不到了，${UNCHANGED}。请先切回分支，例如 git switch main`;
        case 'conflicts':
          return `仓库中有未解决的冲突（${b.files.join('、')}），${UNCHANGED}。请先解决冲突并提交（git add … && git commit）再修改`;
        case 'index_lock':
          return `git 的锁文件 ${b.path} 存在：可能另一个 git 命令正在运行，也可能是上次 git 被中断后留下的。${UNCHANGED}。确认没有 git 命令在运行后，请删除它（rm '${b.path}'）再试`;
        case 'signing':
          return `仓库要求提交签名（commit.gpgsign），但签名失败（git 的提示：${b.detail}），修改无法留痕，${UNCHANGED}。请检查 gpg 和签名密钥（可先试 git commit --allow-empty -m 试签名），或对这个仓库关闭签名：git config commit.gpgsign false`;
        case 'broken':
          return `git 无法使用这个仓库（git 的提示：${b.detail}），${UNCHANGED}。请检查 .git 文件夹，或请管理员修复仓库`;
      }
    },
    commitFailed: (reason: string, status: number | null) =>
      `git 提交失败（${reason}，git 退出码 ${status ?? '无'}）。文件已恢复原样，本次修改没有保存；解决后请重新运行这条命令`,
    gitSaid: (line: string) => `git 的提示：${line}`,
    recovered: (files: readonly string[]) => `（上次被中断的修改没有提交：${files.join('、')} 已恢复为最后一次提交的内容。）`,
  },
});
