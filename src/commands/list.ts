import type { Session } from '../context.js';
export async function run(_session: Session, _args: string[], _opts: Record<string, unknown>): Promise<number> {
  throw new Error('not implemented');
}
