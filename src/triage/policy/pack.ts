/**
 * The policy pack model and the zod boundary schema of its YAML. The schema checks the shell
 * (ids, semver, clocks, citations); `when` trees are parsed by condition.ts and the cross-field
 * rules (known tiers, unique ids) by load.ts, each with a JSON pointer.
 */
import { z } from 'zod';
import type { Condition } from './condition.js';

/** A clock length: whole calendar days, or BOD 26-04's "fix on system upgrade" (no date). */
export type Days = number | 'fix-on-upgrade';
export const FIX_ON_UPGRADE = 'fix-on-upgrade' as const;

/** When a finding's clock starts (TRIAGE-NOTES §7: two start events). */
export const CLOCK_STARTS = ['identified', 'patch-available'] as const;
export type ClockStart = (typeof CLOCK_STARTS)[number];

/** One remediation tier of a pack. */
export interface PackTier {
  id: string;
  days: Days;
  description: string;
}

/** One rule: the first whose `when` is true decides; the default rule has `when: null`. */
export interface PackRule {
  id: string;
  tier: string;
  /** The rule's own days when given, else its tier's. */
  days: Days;
  when: Condition | null;
  explain: string;
}

/** A validated policy pack. */
export interface PolicyPack {
  id: string;
  version: string;
  title: string;
  summary: string | null;
  /** Where the clocks come from: regulation, directive, or the organisation's own decision. */
  basis: readonly { cite: string; url: string | null }[];
  clock: { start: ClockStart };
  review: { everyMonths: number };
  tiers: readonly PackTier[];
  /** Conditional rules in order, then the default rule (always last, `when: null`). */
  rules: readonly PackRule[];
  /** sha256 of the RFC 8785 canonical JSON of the document as parsed: comments do not change it. */
  digest: string;
  /** Where the pack was read from, for error messages and the rendered footer. */
  file: string;
}

const ID = /^[a-z0-9][a-z0-9-]*$/;
// semver.org §2.0.0, the recommended regular expression (numeric identifiers without leading zeros).
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

const id = (what: string) => z.string().regex(ID, `${what} must be lower-case letters, digits and hyphens`);
const text = z.string().trim().min(1, 'must not be empty');

/** Days: a whole number ≥ 1 or `fix-on-upgrade`; 0 or negative days would make every finding overdue. */
export const DaysSchema = z.custom<Days>(
  (v) => v === FIX_ON_UPGRADE || (typeof v === 'number' && Number.isInteger(v) && v >= 1),
  { message: 'days must be a whole number of at least 1, or fix-on-upgrade' },
);

const RuleShape = {
  id: id('rule id'),
  tier: id('tier id'),
  days: DaysSchema.optional(),
  explain: text,
};

/** The YAML document as written (before `when` parsing and cross-checks). */
export const PackSchema = z.strictObject({
  id: id('pack id'),
  version: z.string().regex(SEMVER, 'version must be a semantic version such as 1.0.0'),
  title: text,
  summary: text.optional(),
  basis: z
    .array(z.strictObject({ cite: text, url: z.url({ protocol: /^https$/ }).optional() }))
    .min(1, 'a pack names at least one source for its clocks'),
  clock: z.strictObject({ start: z.enum(CLOCK_STARTS) }),
  review: z.strictObject({ everyMonths: z.number().int().min(1).max(36) }).optional(),
  tiers: z
    .array(z.strictObject({ id: id('tier id'), days: DaysSchema, description: text }))
    .min(1, 'a pack defines at least one tier'),
  rules: z.array(z.strictObject({ ...RuleShape, when: z.unknown() })),
  default: z.strictObject(RuleShape),
});
export type PackDocument = z.infer<typeof PackSchema>;
