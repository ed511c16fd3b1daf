/**
 * The audit chain's arithmetic: each event's hash is SHA-256 over the canonical JSON (RFC 8785,
 * JCS) of its content and the previous event's hash. Pure functions: the store reads and writes
 * rows, this module decides what a row's hash is and where a chain breaks.
 */
import { canonicalJson } from '../core/canonical-json.js';
import { sha256Hex } from '../core/digest.js';

/** Hash that the first event chains to: 64 zeros, so "no predecessor" is explicit. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  seq: number;
  /** ISO-8601 UTC with milliseconds, exactly as stored. */
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  data: Record<string, unknown>;
}

export interface AuditEvent extends AuditContent {
  prevHash: string;
  hash: string;
}

/** The hash of an event given its content and its predecessor's hash. */
export function hashEvent(content: AuditContent, prevHash: string): string {
  const body = canonicalJson({
    seq: content.seq,
    at: content.at,
    actor: content.actor,
    action: content.action,
    entityType: content.entityType,
    entityId: content.entityId,
    data: content.data,
    prevHash,
  });
  return sha256Hex(body);
}

export type ChainBreak =
  | { position: number; seq: number; problem: 'sequence-gap'; expectedSeq: number }
  | { position: number; seq: number; problem: 'prev-hash-mismatch'; expected: string; found: string }
  | { position: number; seq: number; problem: 'hash-mismatch'; expected: string; found: string };

export interface VerifyState {
  position: number;
  prevHash: string;
}

/** Start state for verifying a chain from its first event. */
export function verifyStart(): VerifyState {
  return { position: 0, prevHash: GENESIS_HASH };
}

/**
 * Check the next event against the running state. Positions are 1-based and count rows in seq
 * order, so a deleted row shows as a gap at the position where it was, and an edited or swapped
 * row as a hash or link mismatch at its own position.
 */
export function verifyNext(state: VerifyState, ev: AuditEvent): ChainBreak | null {
  const position = state.position + 1;
  if (ev.seq !== position) {
    return { position, seq: ev.seq, problem: 'sequence-gap', expectedSeq: position };
  }
  if (ev.prevHash !== state.prevHash) {
    return {
      position,
      seq: ev.seq,
      problem: 'prev-hash-mismatch',
      expected: state.prevHash,
      found: ev.prevHash,
    };
  }
  const expected = hashEvent(ev, ev.prevHash);
  if (expected !== ev.hash) {
    return { position, seq: ev.seq, problem: 'hash-mismatch', expected, found: ev.hash };
  }
  state.position = position;
  state.prevHash = ev.hash;
  return null;
}
