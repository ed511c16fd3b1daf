/** Gzip is told by its magic bytes (RFC 1952 §2.3.1: ID1 = 0x1f, ID2 = 0x8b), never by the file name. */
export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}
