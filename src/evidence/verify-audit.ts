import type { Queryable } from '../store/db.js';
import { readAuditLog } from '../store/repositories/audit.js';
import { type ChainBreak, verifyNext, verifyStart } from './audit-chain.js';

export interface VerifyReport {
  ok: boolean;
  events: number;
  /** Hash of the last verified event: what a signed checkpoint will later pin. */
  head: string | null;
  firstBreak: ChainBreak | null;
}

/** Recompute the whole chain from the store and report the first broken position, if any. */
export async function verifyAuditLog(db: Queryable, onProgress?: (n: number) => void): Promise<VerifyReport> {
  const state = verifyStart();
  for await (const ev of readAuditLog(db)) {
    const broken = verifyNext(state, ev);
    if (broken) return { ok: false, events: state.position, head: null, firstBreak: broken };
    if (onProgress && state.position % 1000 === 0) onProgress(state.position);
  }
  return {
    ok: true,
    events: state.position,
    head: state.position ? state.prevHash : null,
    firstBreak: null,
  };
}
