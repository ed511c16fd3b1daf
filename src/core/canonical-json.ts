import canonicalizeCjs from 'canonicalize';

// The package is CommonJS whose module.exports is the function; its .d.ts declares an ES default.
const canonicalize = canonicalizeCjs as unknown as (input: unknown) => string | undefined;

/**
 * RFC 8785 (JSON Canonicalization Scheme): sorted keys, no whitespace, ECMAScript number form.
 * The same value always encodes to the same bytes — for hashes, digests and equality of JSON.
 */
export function canonicalJson(value: unknown): string {
  return canonicalize(value) ?? 'null';
}
