/**
 * CSAF advisory × devices → matches. A device recognised as a product (identity.ts) is matched
 * when the product's status list says affected (§3.2.3.9 first_affected, known_affected,
 * last_affected) or under_investigation, and its version is in the product's versionSpec; a
 * product the advisory says is fixed, not affected or recommended yields a non-match with the
 * reason, the flags (§3.2.3.5, VEX justifications) and, for `csaf_vex` documents, the VEX statement.
 */
import type { Extraction } from '../../core/inventory.js';
import type { VexStatement, VexStatus } from '../vex/types.js';
import { compareGenericText } from './generic-version.js';
import { type DeviceFacts, deviceFacts, identify, type MatchHow } from './identity.js';
import type { CsafAdvisory, CsafProductEntry, CsafRemediation, ProductStatus } from './types.js';
import { type Containment, containsVersion, describeSpec } from './version-spec.js';

/** How surely the device's version is one the advisory names (readme.md "Confidence"). */
export type MatchConfidence = 'exact' | 'range' | 'model-only';

/** A device recognised as one product of the advisory, for one CVE. */
interface DeviceProduct {
  device: string;
  advisory: string;
  cve: string;
  productId: string;
  productName: string;
  status: ProductStatus;
  how: MatchHow;
}

/** A device the advisory says is affected (or under investigation) for one CVE and product. */
export interface DeviceMatch extends DeviceProduct {
  confidence: MatchConfidence;
  /** The advisory's versions, as `describeSpec` prints them. */
  versions: string;
  /** Why the version could not be compared (model-only). */
  reason?: string;
  remediations: CsafRemediation[];
}

/** Why a recognised device is not a match. */
export type NonMatchReason = 'not-affected' | 'fixed' | 'recommended' | 'version-outside';

/** A device recognised as a product that the advisory does not make a match, with the reason. */
export interface DeviceNonMatch extends DeviceProduct {
  reason: NonMatchReason;
  /** The VEX status the product_status list means. */
  vexStatus: VexStatus;
  /** `model-only` when a not-affected / fixed statement could not be tied to the device's version. */
  confidence: MatchConfidence;
  detail: string;
  /** §3.2.3.5 flag labels naming the product (VEX justification). */
  justification?: string;
  /** The VEX reader's statement for this product_status entry (csaf_vex documents). */
  statement?: VexStatement;
}

/** What matchDevices returns. */
export interface DeviceMatchResult {
  matches: DeviceMatch[];
  nonMatches: DeviceNonMatch[];
}

// §3.2.3.9 lists → VEX status (as ../vex/parse-csaf-vex.ts maps them); `recommended` names the
// version to install and is treated as not affecting a device that runs it.
const VEX_STATUS: Readonly<Record<ProductStatus, VexStatus>> = {
  first_affected: 'affected',
  known_affected: 'affected',
  last_affected: 'affected',
  under_investigation: 'under_investigation',
  first_fixed: 'fixed',
  fixed: 'fixed',
  known_not_affected: 'not_affected',
  recommended: 'fixed',
};

/** Match devices (inventory extractions or bare facts) against one advisory. */
export function matchDevices(
  advisory: CsafAdvisory,
  devices: ReadonlyArray<Extraction | DeviceFacts>,
): DeviceMatchResult {
  const result: DeviceMatchResult = { matches: [], nonMatches: [] };
  const statements = new Map((advisory.vexStatements ?? []).map((s) => [s.source.pointer, s]));
  for (const input of devices) {
    const device = 'asset' in input ? deviceFacts(input) : input;
    for (const cve of advisory.cves) {
      for (const p of cve.products) {
        const id = identify(p, device);
        if (!id) continue;
        const where = {
          device: device.externalId,
          advisory: advisory.id,
          cve: cve.cve,
          productId: p.productId,
          productName: p.name,
          status: p.status,
          how: id.how,
        };
        const c =
          id.pinned !== undefined
            ? pinnedContainment(id.pinned, id.version)
            : containsVersion(p.versionSpec, id.version);
        const vexStatus = VEX_STATUS[p.status];
        if (vexStatus === 'affected' || vexStatus === 'under_investigation') {
          if (c.kind === 'out') {
            result.nonMatches.push({
              ...where,
              reason: 'version-outside',
              vexStatus,
              confidence: 'range',
              detail: outside(p, id.version),
            });
          } else {
            result.matches.push({
              ...where,
              confidence: c.kind === 'in' ? c.confidence : 'model-only',
              versions: id.pinned ?? describeSpec(p.versionSpec),
              ...(c.kind === 'unknown' ? { reason: c.reason } : {}),
              remediations: p.remediations,
            });
          }
        } else if (c.kind !== 'out') {
          const statement = statements.get(p.pointer);
          result.nonMatches.push({
            ...where,
            reason:
              p.status === 'known_not_affected'
                ? 'not-affected'
                : p.status === 'recommended'
                  ? 'recommended'
                  : 'fixed',
            vexStatus,
            confidence: c.kind === 'in' ? c.confidence : 'model-only',
            detail:
              c.kind === 'in'
                ? `${p.status}: ${describeSpec(p.versionSpec)}`
                : `${p.status}, but ${c.reason}`,
            ...(p.flags.length > 0 ? { justification: p.flags.join(', ') } : {}),
            ...(statement ? { statement } : {}),
          });
        }
      }
    }
  }
  return result;
}

// An identifier that pins a version (purl@v, a CPE's version field) is compared for equality only.
function pinnedContainment(pinned: string, version: string | undefined): Containment {
  if (version === undefined) return { kind: 'unknown', reason: 'the device has no version' };
  if (pinned.toLowerCase() === version.toLowerCase()) return { kind: 'in', confidence: 'exact' };
  const c = compareGenericText(pinned, version);
  if (c === null)
    return {
      kind: 'unknown',
      reason: `${JSON.stringify(version)} and ${JSON.stringify(pinned)} are not comparable`,
    };
  return c === 0 ? { kind: 'in', confidence: 'exact' } : { kind: 'out' };
}

function outside(p: CsafProductEntry, version: string | undefined): string {
  return `device version ${JSON.stringify(version ?? '')} is not in ${describeSpec(p.versionSpec)}`;
}
