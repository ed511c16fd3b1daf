/**
 * From what is known about a finding to its tier and deadline under the active policy packs
 * (issue 5). The facts — the advisory's severity, KEV, the CVE's intelligence (NVD / CVE 5 CVSS,
 * CISA Vulnrichment SSVC, EPSS) and the asset — become the packs' `PolicyInputs`; the BOD 26-04
 * outcome is computed here from its four facts with the CERT/CC table; every pack is evaluated and
 * the packs then decide (src/triage/policy/evaluate.ts `evaluatePacks`: strictest deadline wins).
 */
import type { CvssMetric, SsvcPoints } from '../feeds/cve/types.js';
import { type Pause, pausedMs } from './clock-pause.js';
import { evaluatePacks, type PacksDecision } from './policy/evaluate.js';
import type { EpssInput, PolicyInputs, SsvcExploitation } from './policy/inputs.js';
import type { PolicyPack } from './policy/pack.js';
import { ratingOf, type SeverityAssessment } from './severity.js';
import { bod2604Inputs } from './ssvc/bod.js';
import { possibleOutcomes } from './ssvc/evaluate.js';
import { BOD_26_04 } from './ssvc/tables.js';

/** The decision-table id under which packs read the BOD 26-04 outcome (`ssvc.outcome.cisa-bod-26-04`). */
export const BOD_TABLE_ID = 'cisa-bod-26-04';

/** What is known about the CVE (any source may be missing). */
export interface CveKnowledge {
  cvss: readonly CvssMetric[];
  ssvc: SsvcPoints | null;
  epss: EpssInput | null;
}

export interface FindingFacts {
  severity: SeverityAssessment;
  kev: { listed: boolean; dateAdded: string | null };
  cve: CveKnowledge | null;
  asset: PolicyInputs['asset'];
}

/** The severity to decide on: the advisory's own, else the CVE's best stated CVSS (NVD Primary first). */
export function severityFrom(own: SeverityAssessment, cvss: readonly CvssMetric[]): PolicyInputs['severity'] {
  if (own.basis === 'cvss' || own.rating !== 'unknown') return { rating: own.rating, cvss: own.cvss };
  const usable = cvss
    .filter((m) => m.scoreCheck === 'ok')
    .sort(
      (a, b) =>
        Number(b.type === 'Primary') - Number(a.type === 'Primary') || b.version.localeCompare(a.version),
    );
  const best = usable[0];
  if (!best) return { rating: own.rating, cvss: null };
  return {
    rating: ratingOf(best.baseScore),
    cvss: { version: best.version, vector: best.vector, score: best.baseScore },
  };
}

// Vulnrichment says `poc`; SSVC Exploitation v1.1.0 names the value "public PoC".
const EXPLOITATION: Record<SsvcPoints['exploitation'], SsvcExploitation> = {
  none: 'none',
  poc: 'public-poc',
  active: 'active',
};

/** The packs' inputs for one finding. KEV listing means exploitation is active, whatever SSVC says. */
export function policyInputs(f: FindingFacts): PolicyInputs {
  const ssvc = f.cve?.ssvc ?? null;
  const exploitation: SsvcExploitation | null = f.kev.listed
    ? 'active'
    : ssvc
      ? EXPLOITATION[ssvc.exploitation]
      : null;
  const automatable = ssvc?.automatable ?? null;
  const technicalImpact = ssvc?.technicalImpact ?? null;
  // BOD 26-04 Table 1: in KEV, publicly exposed, automatable, total technical impact. With a fact
  // unknown the outcome is decided only when every completion agrees; otherwise it stays unknown
  // and the pack's default rule (not a guess) applies.
  const bod = possibleOutcomes(
    BOD_26_04,
    bod2604Inputs({
      inKev: f.kev.listed,
      publiclyExposed: f.asset.internetExposed ?? null,
      automatable: automatable === null ? null : automatable === 'yes',
      totalTechnicalImpact: technicalImpact === null ? null : technicalImpact === 'total',
    }),
  );
  const outcomes: Record<string, string> = {};
  if (bod.outcomes.length === 1) outcomes[BOD_TABLE_ID] = bod.outcomes[0]!.key;
  return {
    severity: severityFrom(f.severity, f.cve?.cvss ?? []),
    kev: { listed: f.kev.listed, dateAdded: f.kev.dateAdded },
    epss: f.cve?.epss ?? null,
    ssvc: { exploitation, automatable, technicalImpact, outcomes },
    asset: f.asset,
  };
}

/** A finding's decision in the findings table's terms, with every pack's outcome. */
export interface Decision {
  tier: string;
  rule: string;
  policy: { id: string; version: string };
  clockStart: string;
  deadline: string | null;
  reason: string;
  packs: Record<string, unknown>[];
}

/** Evaluate the packs; approved exceptions' pauses move the winning deadline (clock-pause.ts). */
export function decideFinding(
  packs: readonly PolicyPack[],
  inputs: PolicyInputs,
  identified: Date,
  patchAvailable: Date | null,
  paused: readonly Pause[],
): Decision {
  const d: PacksDecision = evaluatePacks(packs, inputs, { identified, patchAvailable });
  // Approved exceptions stop the clock: the deadline moves by the paused time (clock-pause.ts).
  const shift = pausedMs(paused);
  const deadline = d.deadline.date && new Date(Date.parse(d.deadline.date) + shift).toISOString();
  const pauseText = paused
    .map((p) => ` + ${p.days} days paused by exception ${p.exceptions.map((e) => `#${e}`).join(', ')}`)
    .join('');
  return {
    tier: d.winner.tier,
    rule: d.winner.ruleId,
    policy: { id: d.winner.packId, version: d.winner.version },
    // A clock waiting for a patch has no start yet; the column keeps the identification time.
    clockStart: d.deadline.clockStart ?? identified.toISOString(),
    deadline,
    reason: shift > 0 && deadline ? `${d.reason}. Paused:${pauseText} → ${deadline}` : d.reason,
    packs: d.all.map((o) => ({
      pack: o.packId,
      version: o.version,
      digest: o.digest,
      tier: o.tier,
      days: o.days,
      rule: o.ruleId,
      deadline: o.deadline.date,
      arithmetic: o.deadline.arithmetic,
    })),
  };
}
