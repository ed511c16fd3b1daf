/** A parsed version's total order, identical to the ecosystem's native tool. */
export type Ordering = -1 | 0 | 1;

/**
 * A version scheme (STYLE.md "Version scheme"): `parse` returns null where the ecosystem's own
 * tool rejects the string; `compare` is a total order over parsed values.
 */
export interface VersionScheme<V = unknown> {
  /** Equals the scheme's folder name under src/versioning. */
  readonly id: string;
  /** The native tool whose order this scheme reproduces, for the readme and error messages. */
  readonly reference: string;
  parse(version: string): V | null;
  compare(a: V, b: V): Ordering;
}
