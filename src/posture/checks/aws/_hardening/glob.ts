/**
 * IAM's wildcard matching (IAM User Guide, "IAM JSON policy elements: Action" and "Resource"):
 * `*` matches any run of characters (none included), `?` exactly one, everything else itself.
 * Action names match case-insensitively ("kms:decrypt" is kms:Decrypt); resource ARNs are
 * case-sensitive. Implemented as the linear greedy matcher with one backtrack point, so a
 * hostile pattern cannot make it exponential and no regular expression is built from policy text.
 */

/** Whether `value` matches the IAM wildcard `pattern`. */
export function globMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const v = ignoreCase ? value.toLowerCase() : value;
  let pi = 0;
  let vi = 0;
  let star = -1;
  let resume = 0;
  while (vi < v.length) {
    const c = p[pi];
    if (c === '*') {
      star = pi++;
      resume = vi;
    } else if (c !== undefined && (c === '?' || c === v[vi])) {
      pi++;
      vi++;
    } else if (star >= 0) {
      // Let the last `*` swallow one more character and retry after it.
      pi = star + 1;
      vi = ++resume;
    } else {
      return false;
    }
  }
  while (p[pi] === '*') pi++;
  return pi === p.length;
}

/** Whether an IAM action pattern (`kms:*`, `kms:Re*`, `*`) matches an action (`kms:ReEncryptFrom`). */
export function actionMatches(pattern: string, action: string): boolean {
  return globMatch(pattern, action, true);
}

// Private-use characters: no policy names them, so only wildcards can match them. Two lengths,
// because `?` matches exactly one character and a run of them a fixed number.
const NOVEL = ['\uE000', '\uE001\uE002\uE003'] as const;

/**
 * Stand-ins for "any value" in the positions of `template` marked `{}`: every combination of a
 * one-character and a three-character run nobody writes. A pattern matching all of them matches
 * whatever those positions hold, since literal characters cannot match the stand-ins.
 */
export function anyValueProbes(template: string): string[] {
  const parts = template.split('{}');
  let out = [parts[0] ?? ''];
  for (const part of parts.slice(1)) out = out.flatMap((prefix) => NOVEL.map((n) => `${prefix}${n}${part}`));
  return out;
}
