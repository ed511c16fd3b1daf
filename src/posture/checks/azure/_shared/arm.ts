/**
 * Small readers for ARM `properties` (src/core/cloud.ts: Azure `configuration` is the resource's
 * `properties` as ARM returns it) shared by the Azure posture checks, plus PHI scoping from tags
 * (src/core/phi.ts) and the SQL lookups' gap search (src/sources/cloud/azure/sql-settings.ts).
 */
import type { CloudResource, CloudSnapshot } from '../../../../core/cloud.js';
import { classifyPhi } from '../../../../core/phi.js';
import { gapFor } from '../../../check.js';
import { list, record, str } from '../../../read.js';

export type Obj = Record<string, unknown>;

/** ARM types (lower case) the checks read; same spellings as the collector's AZURE_TYPES. */
export const ARM = {
  virtualMachine: 'microsoft.compute/virtualmachines',
  networkInterface: 'microsoft.network/networkinterfaces',
  networkSecurityGroup: 'microsoft.network/networksecuritygroups',
  storageAccount: 'microsoft.storage/storageaccounts',
  sqlServer: 'microsoft.sql/servers',
  sqlDatabase: 'microsoft.sql/servers/databases',
  keyVault: 'microsoft.keyvault/vaults',
  subscription: 'microsoft.resources/subscriptions',
} as const;

/** A plain object, or `{}` for anything else (ARM properties nest deeply; `{}` reads as absent). */
export function obj(v: unknown): Obj {
  return record(v) ?? {};
}

export { list, str };

/** The PHI classification of a resource from its tags, with the reason (for evidence). */
export function phiOf(r: Pick<CloudResource, 'tags'>): { phi: boolean; phiSource: string } {
  const c = classifyPhi(r.tags);
  return { phi: c.phi, phiSource: c.source };
}

/** ARM ids compare case-insensitively (ARM itself lower-cases some segments and not others). */
export function armKey(id: string): string {
  return id.toLowerCase();
}

/** Resources of the snapshot indexed by lower-cased ARM id. */
export function byArmId(snapshot: CloudSnapshot): Map<string, CloudResource> {
  const m = new Map<string, CloudResource>();
  for (const r of snapshot.resources) if (r.provider === 'azure') m.set(armKey(r.id), r);
  return m;
}

/**
 * Why a SQL setting (`auditingSettings` / `transparentDataEncryption`) is not in `supplementary`:
 * the gap the collector recorded for this resource (`GET <key> <name>: <code>`), else any
 * Microsoft.Sql gap of the subscription, else the collector's known reasons for a missing child.
 */
export function sqlSettingMissing(
  snapshot: CloudSnapshot,
  r: CloudResource,
  key: 'auditingSettings' | 'transparentDataEncryption',
): string {
  const own = snapshot.gaps.find(
    (g) =>
      g.service === 'Microsoft.Sql' && g.account === r.account && g.reason.includes(`GET ${key} ${r.name}:`),
  );
  if (own) return own.reason;
  const any = gapFor(snapshot, 'Microsoft.Sql', r.account, r.region);
  if (any) return any;
  return `${key} was not read (collected with sqlSettings off, or ARM answered 404)`;
}

/**
 * A SQL setting read by the collector: `supplementary[key]` holds the ARM `properties`
 * (sql-settings.ts); a whole ARM body (`{ properties: {...} }`) is accepted too.
 */
export function sqlSetting(
  r: CloudResource,
  key: 'auditingSettings' | 'transparentDataEncryption',
): Obj | undefined {
  const v = r.supplementary[key];
  if (v === undefined || v === null || typeof v !== 'object') return undefined;
  const o = obj(v);
  const inner = obj(o.properties);
  return Object.keys(inner).length > 0 ? inner : o;
}

/** Resource Graph's power state of a VM (`PowerState/running`) without the prefix, if known. */
export function powerState(vm: CloudResource): string | undefined {
  const code = str(obj(obj(obj(vm.configuration.extended).instanceView).powerState).code);
  return code?.replace(/^PowerState\//i, '').toLowerCase();
}

/** Update Manager's assessment summary attached to a VM (rows.ts `attachPatchAssessments`). */
export function patchAssessment(vm: CloudResource): Obj | undefined {
  const a = vm.supplementary.patchAssessment;
  return a !== null && typeof a === 'object' && !Array.isArray(a) ? (a as Obj) : undefined;
}
