/**
 * Shadow IT (issue 4): an approved-software list, written by the organisation as a policy file,
 * and the components on its assets that no rule approves. Software nobody approved is software
 * nobody patches, so each one is reported as a finding of the inventory.
 *
 * A rule approves by package URL pattern (`pkg:deb/debian/*`, `pkg:npm/express`), by name
 * pattern, or both, optionally only on some asset kinds. Patterns use `*` as "any run of
 * characters" and are matched against the purl without version, qualifiers or subpath, so a rule
 * approves a package at every version: the version question belongs to vulnerability findings.
 */
import { z } from 'zod';
import { ASSET_KINDS, type AssetKind } from './inventory.js';
import { validateShape } from './structured-input.js';

const rule = z
  .object({
    purl: z.string().startsWith('pkg:', 'purl patterns start with pkg:').optional(),
    name: z.string().min(1).optional(),
    kinds: z.array(z.enum(ASSET_KINDS)).min(1).optional(),
    reason: z.string().optional(),
  })
  .strict()
  .refine((r) => r.purl !== undefined || r.name !== undefined, 'a rule needs purl or name');

const policyShape = z
  .object({
    version: z.literal(1),
    /** Asset kinds the list governs; components of other kinds are not judged. */
    appliesTo: z.array(z.enum(ASSET_KINDS)).min(1).default(['host', 'medical-device']),
    approved: z.array(rule),
  })
  .strict();

export type ApprovedSoftwarePolicy = z.infer<typeof policyShape>;

/** Validate a parsed policy file; errors name the file and JSON pointer. */
export function parseApprovedSoftware(parsed: unknown, file: string): ApprovedSoftwarePolicy {
  return validateShape(policyShape, parsed, file);
}

export interface JudgedComponent {
  purl: string;
  name: string;
}

/** The package URL without version, qualifiers and subpath, as rules match it. */
export function purlIdentity(purl: string): string {
  const cut = purl.search(/[@?#]/);
  // A scoped npm name (`pkg:npm/%40scope/x`) is percent-encoded, so `@` here is the version.
  return (cut === -1 ? purl : purl.slice(0, cut)).toLowerCase();
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .toLowerCase()
    .split('*')
    .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`);
}

/** A compiled policy: `approves(kind, component)` answers with the rule index, or -1. */
export function compileApprovedSoftware(policy: ApprovedSoftwarePolicy) {
  const rules = policy.approved.map((r) => ({
    purl: r.purl === undefined ? undefined : globToRegExp(purlIdentity(r.purl)),
    name: r.name === undefined ? undefined : globToRegExp(r.name),
    kinds: r.kinds === undefined ? undefined : new Set<AssetKind>(r.kinds),
  }));
  const governed = new Set<AssetKind>(policy.appliesTo);
  return {
    governs: (kind: AssetKind) => governed.has(kind),
    approves(kind: AssetKind, c: JudgedComponent): number {
      const id = purlIdentity(c.purl);
      const name = c.name.toLowerCase();
      return rules.findIndex(
        (r) =>
          (r.kinds === undefined || r.kinds.has(kind)) &&
          (r.purl === undefined || r.purl.test(id)) &&
          (r.name === undefined || r.name.test(name)),
      );
    },
  };
}
