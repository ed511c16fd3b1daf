/**
 * Reading a policy pack from YAML text: syntax errors are INPUT_MALFORMED_YAML with line and
 * column (structured-input.ts); everything else is POLICY_INVALID with the file, the JSON pointer,
 * the line and column of the offending node, and a reason. Pure: callers read the bytes.
 */
import { isMap, isPair, isScalar, parseDocument } from 'yaml';
import { canonicalJson } from '../../core/canonical-json.js';
import { sha256Hex } from '../../core/digest.js';
import { AppError } from '../../core/errors.js';
import { jsonPointer, lineColumnAt, parseYamlText } from '../../core/structured-input.js';
import { PackIssue, parseCondition } from './condition.js';
import { type PackDocument, type PackRule, PackSchema, type PolicyPack } from './pack.js';

/** Parse and validate one pack; `file` names it in errors and in the rendered footer. */
export function parsePack(text: string, file: string): PolicyPack {
  const value = parseYamlText(text, file);
  try {
    return build(value, file);
  } catch (err) {
    if (!(err instanceof PackIssue)) throw err;
    const where = locate(text, err.path);
    throw new AppError('POLICY_INVALID', {
      file,
      pointer: jsonPointer(err.path),
      ...where,
      reason: err.reason,
    });
  }
}

function build(value: unknown, file: string): PolicyPack {
  const doc = shell(value);
  const tierIds = doc.tiers.map((t) => t.id);
  const seen = new Map<string, string>();
  const once = (kind: string, key: string, path: (string | number)[]) => {
    const prior = seen.get(`${kind}:${key}`);
    if (prior) throw new PackIssue(path, `duplicate ${kind} id '${key}' (first at ${prior})`);
    seen.set(`${kind}:${key}`, jsonPointer(path));
  };
  doc.tiers.forEach((t, n) => {
    once('tier', t.id, ['tiers', n, 'id']);
  });
  const rule = (r: PackDocument['default'], when: PackRule['when'], path: (string | number)[]): PackRule => {
    once('rule', r.id, [...path, 'id']);
    const tier = doc.tiers.find((t) => t.id === r.tier);
    if (!tier) {
      throw new PackIssue(
        [...path, 'tier'],
        `unknown tier '${r.tier}'; this pack defines ${tierIds.join(', ')}`,
      );
    }
    return { id: r.id, tier: r.tier, days: r.days ?? tier.days, when, explain: r.explain };
  };
  const rules = doc.rules.map((r, n) => rule(r, parseCondition(r.when, ['rules', n, 'when']), ['rules', n]));
  rules.push(rule(doc.default, null, ['default']));
  return {
    id: doc.id,
    version: doc.version,
    title: doc.title,
    summary: doc.summary ?? null,
    basis: doc.basis.map((b) => ({ cite: b.cite, url: b.url ?? null })),
    clock: doc.clock,
    review: doc.review ?? { everyMonths: 12 },
    tiers: doc.tiers,
    rules,
    digest: sha256Hex(canonicalJson(value)),
    file,
  };
}

function shell(value: unknown): PackDocument {
  const result = PackSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = (issue?.path ?? []).filter((p): p is string | number => typeof p !== 'symbol');
  // zod reports an unknown key at its parent; point at the key itself (a typo such as `tier:` → `teir:`).
  if (issue?.code === 'unrecognized_keys' && issue.keys[0] !== undefined) {
    throw new PackIssue([...path, issue.keys[0]], `unknown key '${issue.keys[0]}'`);
  }
  if (issue?.code === 'invalid_type' && issue.input === undefined) {
    const key = String(path.at(-1) ?? 'value');
    throw new PackIssue(
      path,
      `missing ${key}${key === 'when' ? '; the unconditional rule is `default`' : ''}`,
    );
  }
  throw new PackIssue(path, issue?.message ?? 'invalid value');
}

/** Line and column of the YAML node at `path` (the key, for a map entry), if it exists. */
function locate(text: string, path: readonly (string | number)[]): { line?: number; column?: number } {
  const doc = parseDocument(text);
  let node: unknown = doc.contents;
  let at: number | undefined = (node as { range?: [number] } | null)?.range?.[0];
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg),
      );
      if (!pair) break;
      at = (pair.key as { range?: [number] }).range?.[0] ?? at;
      node = pair.value;
    } else if (node && typeof node === 'object' && 'items' in node && typeof seg === 'number') {
      node = (node as { items: unknown[] }).items[seg];
      at = (node as { range?: [number] } | undefined)?.range?.[0] ?? at;
    } else break;
  }
  return at === undefined ? {} : lineColumnAt(text, at);
}
