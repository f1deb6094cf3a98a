// git, always spawned with an argument array and never through a shell.
import { spawnSync } from 'node:child_process';

export interface GitResult {
  ok: boolean;
  status: number | null;
  stdout: Buffer;
  stderr: string;
  /** git is not installed */
  missing: boolean;
}

export function git(args: readonly string[], cwd: string, input?: string | Buffer): GitResult {
  const r = spawnSync('git', args as string[], { cwd, input, maxBuffer: 512 * 1024 * 1024 });
  const missing = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  return {
    ok: r.status === 0,
    status: r.status,
    stdout: r.stdout ?? Buffer.alloc(0),
    stderr: r.stderr?.toString('utf8') ?? String(r.error ?? ''),
    missing,
  };
}

export function gitText(args: readonly string[], cwd: string): string | undefined {
  const r = git(args, cwd);
  return r.ok ? r.stdout.toString('utf8').trim() : undefined;
}

/** The repository's top folder, or undefined outside a repository or without git. */
export function repoRoot(cwd: string): string | undefined {
  return gitText(['rev-parse', '--show-toplevel'], cwd);
}

/** Staged (added, copied, modified, renamed) files under `cwd`, relative to it, and their staged contents. */
export function stagedFiles(cwd: string): Map<string, Buffer> {
  const names = git(['diff', '--cached', '--name-only', '--relative', '-z', '--diff-filter=ACMR'], cwd);
  const out = new Map<string, Buffer>();
  if (!names.ok) return out;
  for (const name of names.stdout.toString('utf8').split('\0').filter(Boolean)) {
    const blob = git(['show', `:./${name}`], cwd);
    if (blob.ok) out.set(name, blob.stdout);
  }
  return out;
}
