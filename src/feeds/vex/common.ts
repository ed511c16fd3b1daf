/**
 * Helpers the three VEX parsers share: purl checks, optional-field assembly under
 * `exactOptionalPropertyTypes`, text joining and the rejected-record list.
 */
import { isAppError } from '../../core/errors.js';
import { jsonPointer } from '../../core/structured-input.js';
import { parsePurl } from '../../sources/purl.js';
import type { VexProduct, VexRejected, VexStatus } from './types.js';
import { VEX_STATUSES } from './types.js';

export type Path = ReadonlyArray<string | number>;

/** Drop the keys whose value is undefined, so optional fields are absent rather than `undefined`. */
export function compact<T extends object>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

/** Why a purl cannot be used (packageurl-js rejects it), or undefined when it parses. */
export function purlProblem(purl: string): string | undefined {
  try {
    parsePurl(purl);
    return undefined;
  } catch (err) {
    return isAppError(err) && typeof err.details.reason === 'string' ? err.details.reason : 'invalid purl';
  }
}

/** Whether a string is meant as a Package URL (purl-spec: the scheme is always `pkg:`). */
export function looksLikePurl(s: string): boolean {
  return /^pkg:/i.test(s);
}

/** Why a product cannot identify anything (or one of its subcomponents cannot), or undefined. */
export function productProblem(p: VexProduct): string | undefined {
  if (p.purl !== undefined) {
    const problem = purlProblem(p.purl);
    if (problem) return problem;
  }
  const identified = [p.purl, p.cpe, p.bomRef, p.id, p.name].some((v) => v !== undefined && v !== '');
  if (!identified) return 'the product names no purl, cpe, bom-ref, id or name';
  // A statement narrowed to subcomponents must not silently widen to the whole product when
  // one subcomponent is unusable, so a bad subcomponent makes the whole product unusable.
  for (const [i, sub] of (p.subcomponents ?? []).entries()) {
    const problem = productProblem(sub);
    if (problem) return `subcomponent ${i}: ${problem}`;
  }
  return undefined;
}

/** Non-empty distinct texts joined by a blank line, or undefined when there are none. */
export function joinText(parts: ReadonlyArray<string | undefined>): string | undefined {
  const kept = [...new Set(parts.map((p) => p?.trim()).filter((p): p is string => !!p))];
  return kept.length > 0 ? kept.join('\n\n') : undefined;
}

/** Distinct non-empty values in first-seen order, or undefined when there are none. */
export function distinct(values: ReadonlyArray<string | undefined>): string[] | undefined {
  const kept = [...new Set(values.filter((v): v is string => !!v))];
  return kept.length > 0 ? kept : undefined;
}

/** Whether a label is one of the four VEX statuses. */
export function isVexStatus(s: string): s is VexStatus {
  return (VEX_STATUSES as readonly string[]).includes(s);
}

/** An own entry of a lookup table (never an inherited member such as `toString`). */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Quote a value from the document for a reason, shortened: labels only, never free text. */
export function quote(value: string, max = 40): string {
  return JSON.stringify(value.length > max ? `${value.slice(0, max - 1)}…` : value);
}

/** Collects rejected records for one document; refs are JSON pointers into the file. */
export class Rejections {
  readonly list: VexRejected[] = [];

  /** Record that the value at `path` was not used, and why. */
  add(path: Path, reason: string): void {
    this.list.push({ ref: jsonPointer(path), reason });
  }
}
