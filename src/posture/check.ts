/**
 * A posture check (issue 6; STYLE.md "Posture check"): a small unit with its metadata and a pure
 * `evaluate(snapshot, params) → results` — no SDK calls, no I/O — over the cloud snapshot that
 * inventory stores (src/core/cloud.ts). Its id equals its folder under checks/<provider>/.
 *
 * Results are per resource: pass, fail, manual (a person must look: the data cannot decide) or
 * error (the data needed could not be read — a gap). A check never passes or fails what it could
 * not see (the years-long complaint against Prowler, POSTURE-ANCHORS.md).
 */
import type { CloudProvider, CloudResource, CloudSnapshot } from '../core/cloud.js';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'informational'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const STATUSES = ['pass', 'fail', 'manual', 'error'] as const;
export type CheckStatus = (typeof STATUSES)[number];

/** A HIPAA Security Rule paragraph, e.g. `164.312(a)(2)(iv)`. */
export type Citation = string;

export interface Remediation {
  /** What to do, in prose (console steps). */
  text: string;
  cli?: string;
  terraform?: string;
  url?: string;
}

/** Organisation-tunable parameters (defaults from the founding documents; see params.ts). */
export interface PostureParams {
  passwordMaxAgeDays: number;
  accessKeyMaxAgeDays: number;
  accessKeyWarnAgeDays: number;
  backupMaxIntervalDays: number;
  phiRetentionDays: number;
  minTlsVersion: '1.2' | '1.3';
  amiMaxAgeDays: number;
  lambdaMaxTimeoutSeconds: number;
  adminPorts: readonly number[];
  requiredPhiTags: readonly string[];
  /** IAM passwords and access keys unused this long are disabled (AWS Config's default: 90). */
  credentialUnusedDays: number;
  /** EC2 instances stopped longer than this miss their patches (AWS Config's default: 30). */
  stoppedInstanceMaxDays: number;
  /** Certificates must stay valid at least this long (ACM, TLS listeners). */
  certificateMinValidDays: number;
  /** Secrets (Secrets Manager, storage account keys) rotate at least this often. */
  secretRotationMaxDays: number;
  /** Backups of stores not tagged PHI are kept at least this long (AWS Config HIPAA pack: 35). */
  backupMinRetentionDays: number;
}

/** A parameter's name. */
export type ParamName = keyof PostureParams;

export interface CheckResult {
  /** Deterministic: check id + account + region + resource id (see findingId). */
  findingId: string;
  checkId: string;
  status: CheckStatus;
  account: string;
  region: string;
  resourceId: string;
  resourceType: string;
  /** One sentence: what was found. */
  message: string;
  /** The configuration values read, so an auditor sees what the verdict rests on. */
  evidence: Record<string, unknown>;
}

export interface PostureCheck {
  id: string;
  provider: CloudProvider;
  title: string;
  severity: Severity;
  /** AWS Config resource type or ARM type the check reads (the subject of each result). */
  resourceType: string;
  citations: readonly Citation[];
  risk: string;
  remediation: Remediation;
  /**
   * The parameters `evaluate` reads. The runner clamps them to their guardrails (guardrails.ts)
   * before evaluating, and reports a loosened one as a failure of this check (contract-tested:
   * every `params.x` the check reads is declared here).
   */
  params?: readonly ParamName[];
  evaluate(snapshot: CloudSnapshot, params: PostureParams): CheckResult[];
}

/** The deterministic id of a result, so mutes and history attach across scans. */
export function findingId(checkId: string, r: Pick<CloudResource, 'account' | 'region' | 'id'>): string {
  return `${checkId}|${r.account}|${r.region}|${r.id}`;
}

/** A result for one resource: the common fields filled from the check and the resource. */
export function result(
  check: Pick<PostureCheck, 'id' | 'resourceType'>,
  r: Pick<CloudResource, 'account' | 'region' | 'id' | 'type'>,
  status: CheckStatus,
  message: string,
  evidence: Record<string, unknown> = {},
): CheckResult {
  return {
    findingId: findingId(check.id, r),
    checkId: check.id,
    status,
    account: r.account,
    region: r.region,
    resourceId: r.id,
    resourceType: r.type,
    message,
    evidence,
  };
}

// Checks look resources up by type again and again (per resource, per account): one index per
// snapshot, built on first use, keeps a fleet scan linear. Rebuilt if the resource list changed.
const byType = new WeakMap<
  CloudSnapshot,
  { of: CloudResource[]; size: number; index: Map<string, CloudResource[]> }
>();

/** Resources of one type in the snapshot (a shared array: do not mutate). */
export function resourcesOf(snapshot: CloudSnapshot, type: string): CloudResource[] {
  let cached = byType.get(snapshot);
  if (cached === undefined || cached.of !== snapshot.resources || cached.size !== snapshot.resources.length) {
    const index = new Map<string, CloudResource[]>();
    for (const r of snapshot.resources) {
      const list = index.get(r.type);
      if (list) list.push(r);
      else index.set(r.type, [r]);
    }
    cached = { of: snapshot.resources, size: snapshot.resources.length, index };
    byType.set(snapshot, cached);
  }
  return cached.index.get(type) ?? [];
}

const accountsSeen = new WeakMap<CloudSnapshot, Set<string>>();

/** Whether the snapshot holds any resource of the account (an account with none was not collected). */
export function accountHasResources(snapshot: CloudSnapshot, account: string): boolean {
  let seen = accountsSeen.get(snapshot);
  if (seen === undefined) {
    seen = new Set(snapshot.resources.map((r) => r.account));
    accountsSeen.set(snapshot, seen);
  }
  return seen.has(account);
}

/** Whether the snapshot's collection could not read `service` in the resource's account and region. */
export function gapFor(
  snapshot: CloudSnapshot,
  service: string,
  account: string,
  region?: string,
): string | undefined {
  return snapshot.gaps.find(
    (g) =>
      g.service === service &&
      g.account === account &&
      (region === undefined || g.region === region || g.region === 'global'),
  )?.reason;
}

// Whether gap `g` kept one of `operations` of `service` from being read: gap reasons are
// `<Operation>: <error>` (aws/context.ts); a service left out (`skipped`) kept every operation.
function blocks(g: CloudSnapshot['gaps'][number], service: string, operations: readonly string[]): boolean {
  return (
    g.service === service && (g.skipped === true || operations.some((op) => g.reason.startsWith(`${op}:`)))
  );
}

/**
 * The gap that kept one of `operations` of `service` from being read in the account (and region,
 * or account-wide `global`).
 */
export function operationGap(
  snapshot: CloudSnapshot,
  service: string,
  operations: readonly string[],
  account: string,
  region?: string,
): string | undefined {
  return snapshot.gaps.find(
    (g) =>
      g.account === account &&
      (region === undefined || g.region === region || g.region === 'global') &&
      blocks(g, service, operations),
  )?.reason;
}

/**
 * One `error` per account and region where listing the check's subject failed: nothing there was
 * seen, so nothing may pass. `id` names the unseen resources: a function of account and region,
 * or the resource part of the region's ARN (`instance/*` → `arn:aws:ec2:<region>:<account>:instance/*`).
 */
export function listingErrors(
  check: Pick<PostureCheck, 'id' | 'resourceType'>,
  snapshot: CloudSnapshot,
  service: string,
  operations: readonly string[],
  id: string | ((account: string, region: string) => string),
): CheckResult[] {
  const idOf = typeof id === 'string' ? (a: string, r: string) => `arn:aws:${service}:${r}:${a}:${id}` : id;
  const seen = new Set<string>();
  return snapshot.gaps.flatMap((g) => {
    if (!blocks(g, service, operations)) return [];
    const subject = {
      account: g.account,
      region: g.region,
      id: idOf(g.account, g.region),
      type: check.resourceType,
    };
    const key = `${subject.account}|${subject.region}|${subject.id}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [result(check, subject, 'error', `Could not be evaluated: ${g.reason}.`, { gap: g.reason })];
  });
}
