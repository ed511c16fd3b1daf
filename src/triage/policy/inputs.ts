/**
 * What a policy pack reads about one finding: the flaw (CVSS, KEV, EPSS, SSVC), the asset it sits
 * on (PHI, exposure, environment, clinical criticality, safety impact) and the controls around it.
 *
 * Unknown is a value, not a default: a field that is null, absent, or spelled `unknown` (a
 * severity rating without a usable vector, an environment nobody recorded) never satisfies a
 * predicate — only `is: unknown` / `is: known` test for it — and `not` does not turn an unknown
 * into a match (three-valued logic, see evaluate-condition.ts). A missing PHI flag therefore never
 * quietly lowers or raises a clock; the pack's later rules or its default decide.
 *
 * src/triage/decide.ts builds it from what the store knows about a finding
 * (advisory severity, KEV, NVD / CVE 5 intelligence, EPSS, the asset).
 */
import type { SeverityRating } from '../severity.js';

/** SSVC Exploitation v1.1.0 values (CERT/CC SSVC `exploitation_1_1_0.json`), as kebab-case. */
export const SSVC_EXPLOITATION = ['none', 'public-poc', 'active'] as const;
/** SSVC Automatable v2.0.0 values. */
export const SSVC_AUTOMATABLE = ['no', 'yes'] as const;
/** SSVC Technical Impact v1.0.0 values. */
export const SSVC_TECHNICAL_IMPACT = ['partial', 'total'] as const;
/** SSVC Safety Impact v2.0.1 values (the deployer tree's Human Impact reads these). */
export const SAFETY_IMPACT = ['negligible', 'marginal', 'critical', 'catastrophic'] as const;
/**
 * The entity's own risk-analysis rating of this finding on this asset (45 CFR 164.308(a)(1)(ii)(A)).
 * The HIPAA NPRM's "critical risk" / "high risk" are read from it first (TRIAGE-NOTES §4.1).
 */
export const RISK_RATINGS = ['low', 'medium', 'high', 'critical'] as const;

export type SsvcExploitation = (typeof SSVC_EXPLOITATION)[number];
export type SsvcAutomatable = (typeof SSVC_AUTOMATABLE)[number];
export type SsvcTechnicalImpact = (typeof SSVC_TECHNICAL_IMPACT)[number];
export type SafetyImpact = (typeof SAFETY_IMPACT)[number];
export type RiskRating = (typeof RISK_RATINGS)[number];

/** FIRST EPSS for one CVE: keep the model version and date — v4 (2025-03-17) shifted the scale. */
export interface EpssInput {
  score: number;
  percentile: number;
  modelVersion: string | null;
  /** YYYY-MM-DD of the EPSS publication the score came from. */
  date: string | null;
}

/** SSVC decision points for the CVE, and outcomes of named decision tables computed by the SSVC module. */
export interface SsvcInput {
  exploitation: SsvcExploitation | null;
  automatable: SsvcAutomatable | null;
  technicalImpact: SsvcTechnicalImpact | null;
  /** Outcome per decision-table id, e.g. `{ 'cisa-bod-26-04': '3DF' }` (value key or name). */
  outcomes: Readonly<Record<string, string>>;
}

/** Everything a pack may read about one finding; see the module comment for unknown values. */
export interface PolicyInputs {
  severity: {
    /** CVSS qualitative rating; `unknown` when no vector or label was usable. */
    rating: SeverityRating;
    cvss: { version: string; vector: string; score: number } | null;
  };
  kev: {
    listed: boolean | null;
    dateAdded?: string | null;
    /** KEV `knownRansomwareCampaignUse` is "Known". */
    knownRansomware?: boolean | null;
  };
  epss?: EpssInput | null;
  ssvc?: SsvcInput | null;
  risk?: { rating: RiskRating | null; source?: string } | null;
  asset: {
    phi: boolean | null;
    phiSource?: string;
    /** `prod`, `staging`, `test`, `dev`; `unknown` counts as unknown. */
    environment?: string | null;
    internetExposed?: boolean | null;
    /** Asset kind (src/core/inventory.ts ASSET_KINDS), e.g. `medical-device`. */
    kind?: string | null;
    /** src/core/inventory.ts CLINICAL_CRITICALITY: none, low, medium, high, life-critical. */
    clinicalCriticality?: string | null;
    safetyImpact?: SafetyImpact | null;
    /** `supported` or `end-of-support`; `unknown` counts as unknown. */
    supportStatus?: string | null;
  };
  controls?: {
    /** An approved compensating control (segmentation, virtual patching, monitoring) is in place. */
    compensating: boolean;
    list: readonly string[];
  } | null;
}
