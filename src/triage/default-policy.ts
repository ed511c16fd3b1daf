/**
 * The default patch policy (`seed-default`), as data: the first rule whose condition holds sets
 * the tier and the clock. Later issues load versioned YAML packs; this table is the same shape.
 *
 * Reading of the founding documents: "emergency < 7 days for critical CVEs", "critical, KEV, or
 * exploited on a PHI asset" — a critical or known-exploited flaw is an emergency on any asset
 * (the stricter reading); "high < 30 days (PHI-related)": anything else on a PHI asset;
 * "standard < 90 days" for the rest.
 */
import { AppError } from '../core/errors.js';
import { DAY_MS } from '../core/time.js';
import type { SeverityAssessment } from './severity.js';

export const TIERS = ['emergency', 'high', 'standard'] as const;
export type Tier = (typeof TIERS)[number];

export interface TriageInputs {
  severity: SeverityAssessment;
  kev: { listed: boolean; dateAdded: string | null };
  asset: { phi: boolean; phiSource: string; environment: string; internetExposed: boolean | null };
}

export interface PolicyRule {
  id: string;
  tier: Tier;
  days: number;
  /** Human text for `findings explain` and the rendered policy. */
  when: string;
  test(inputs: TriageInputs): boolean;
}

export interface Policy {
  id: string;
  version: string;
  rules: readonly PolicyRule[];
}

export const SEED_DEFAULT_POLICY: Policy = {
  id: 'seed-default',
  version: '1.0.0',
  rules: [
    {
      id: 'emergency-critical',
      tier: 'emergency',
      days: 7,
      when: 'CVSS severity is critical (base score ≥ 9.0)',
      test: (i) => i.severity.rating === 'critical',
    },
    {
      id: 'emergency-kev',
      tier: 'emergency',
      days: 7,
      when: 'listed in the CISA Known Exploited Vulnerabilities catalog',
      test: (i) => i.kev.listed,
    },
    {
      id: 'high-phi',
      tier: 'high',
      days: 30,
      when: 'the asset stores, processes or transmits PHI',
      test: (i) => i.asset.phi,
    },
    { id: 'standard', tier: 'standard', days: 90, when: 'any other finding', test: () => true },
  ],
};

export interface TierDecision {
  tier: Tier;
  days: number;
  rule: string;
  policy: { id: string; version: string };
  clockStart: string;
  deadline: string;
}

/** Apply a policy: the first matching rule decides; the deadline is clock start + the rule's days. */
export function decideTier(policy: Policy, inputs: TriageInputs, clockStart: Date): TierDecision {
  const rule = policy.rules.find((r) => r.test(inputs));
  // Every shipped policy ends with an unconditional rule; a custom one without it is a bug.
  if (!rule) {
    throw new AppError('POLICY_INVALID', {
      policy: `${policy.id}@${policy.version}`,
      reason: 'no rule matches these inputs; a policy must end with an unconditional rule',
    });
  }
  return {
    tier: rule.tier,
    days: rule.days,
    rule: rule.id,
    policy: { id: policy.id, version: policy.version },
    clockStart: clockStart.toISOString(),
    deadline: new Date(clockStart.getTime() + rule.days * DAY_MS).toISOString(),
  };
}
