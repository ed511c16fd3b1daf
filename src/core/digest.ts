import { createHash } from 'node:crypto';

/** SHA-256 of bytes or a UTF-8 string, as lower-case hex: every digest PatchWarden records. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
