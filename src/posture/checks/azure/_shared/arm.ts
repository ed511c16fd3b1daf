/**
 * Small readers for ARM `properties` (src/core/cloud.ts: Azure `configuration` is the resource's
 * `properties` as ARM returns it) shared by the Azure posture checks, plus PHI scoping from tags
 * (src/core/phi.ts) and the SQL lookups' gap search (src/sources/cloud/azure/sql-settings.ts).
 */
import { AZURE_TYPES, type CloudResource, type CloudSnapshot } from '../../../../core/cloud.js';
import { classifyPhi } from '../../../../core/phi.js';
import { gapFor } from '../../../check.js';
import { list, record, str } from '../../../read.js';

export type Obj = Record<string, unknown>;

/** ARM types (lower case) the checks read: the snapshot's own vocabulary (core/cloud.ts). */
export const ARM = AZURE_TYPES;

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

/** The collector option that turns each lookup service off (collect.ts). */
const LOOKUP_OPTIONS: Record<string, string> = {
  'Microsoft.Sql': 'sqlSettings',
  'Microsoft.Storage': 'storageSettings',
  'Microsoft.Insights': 'diagnosticSettings',
};

/**
 * Why a setting the collector reads with an ARM GET (`supplementary[key]`) is missing: the gap it
 * recorded for this resource (`GET <key> <name>: <code>`), else any gap of that service in the
 * subscription, else the collector's known reasons for a missing child.
 */
export function lookupMissing(
  snapshot: CloudSnapshot,
  r: CloudResource,
  key: string,
  service: string,
): string {
  const own = snapshot.gaps.find(
    (g) => g.service === service && g.account === r.account && g.reason.includes(`GET ${key} ${r.name}:`),
  );
  if (own) return own.reason;
  const any = gapFor(snapshot, service, r.account, r.region);
  if (any) return any;
  const option = LOOKUP_OPTIONS[service];
  return `${key} was not read (${option ? `collected with ${option} off, ` : ''}or ARM answered 404)`;
}

/** {@link lookupMissing} for the SQL settings. */
export function sqlSettingMissing(
  snapshot: CloudSnapshot,
  r: CloudResource,
  key: 'auditingSettings' | 'transparentDataEncryption' | 'administrators' | 'firewallRules',
): string {
  return lookupMissing(snapshot, r, key, 'Microsoft.Sql');
}

/** A collection the collector read (`supplementary[key]` = ARM `value` items), or undefined. */
export function lookupList(r: CloudResource, key: string): unknown[] | undefined {
  const v = r.supplementary[key];
  return Array.isArray(v) ? v : undefined;
}

/** A single child's `properties` the collector read (a whole ARM body accepted too), or undefined. */
export function lookupProps(r: CloudResource, key: string): Obj | undefined {
  const v = r.supplementary[key];
  if (v === undefined || v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const o = obj(v);
  const inner = obj(o.properties);
  return Object.keys(inner).length > 0 ? inner : o;
}

/** An ARM list item's `properties` (or the item itself when flattened). */
export function itemProps(item: unknown): Obj {
  const o = obj(item);
  const p = obj(o.properties);
  return Object.keys(p).length > 0 ? p : o;
}

/**
 * Private endpoint connections of a resource's `properties` (Key Vault, storage, SQL: items with
 * `properties.privateLinkServiceConnectionState.status`); only `Approved` ones carry traffic.
 */
export function privateEndpoints(properties: Obj): { total: number; approved: string[] } {
  const all = list(properties.privateEndpointConnections);
  const approved = all.flatMap((c) => {
    const status = str(obj(itemProps(c).privateLinkServiceConnectionState).status);
    return status?.toLowerCase() === 'approved' ? [str(obj(c).id) ?? str(obj(c).name) ?? '?'] : [];
  });
  return { total: all.length, approved };
}

/** The subscription ids a snapshot covers (its accounts and its resources' subscriptions). */
export function subscriptionsOf(snapshot: CloudSnapshot): string[] {
  const subs = new Set<string>();
  if (snapshot.provider === 'azure') for (const a of snapshot.accounts) subs.add(a.toLowerCase());
  for (const r of snapshot.resources) {
    if (r.provider === 'azure' && r.type !== ARM.conditionalAccess) subs.add(r.account.toLowerCase());
  }
  return [...subs].sort();
}

/**
 * A SQL setting read by the collector: `supplementary[key]` holds the ARM `properties`
 * (sql-settings.ts); a whole ARM body (`{ properties: {...} }`) is accepted too.
 */
export function sqlSetting(
  r: CloudResource,
  key: 'auditingSettings' | 'transparentDataEncryption',
): Obj | undefined {
  return lookupProps(r, key);
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

/** Whether a storage account has a blob service: every kind but FileStorage (premium file shares). */
export function hasBlobService(r: CloudResource): boolean {
  return String(r.supplementary.kind ?? '').toLowerCase() !== 'filestorage';
}
