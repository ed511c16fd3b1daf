/**
 * AWS Config's own item shapes for Systems Manager data, built from the SSM API answers. Unlike
 * the EC2 items these are not camel-cased API responses: Config records the inventory schema.
 *
 * - `AWS::SSM::ManagedInstanceInventory`: `{ "AWS:InstanceInformation": { SchemaVersion, Content:
 *   { <instanceId>: {...} } }, "AWS:Application": { SchemaVersion, Content: { <name>: {...} } } }`.
 *   Content is a map, not the inventory's list; two applications of one name (two architectures)
 *   share a key whose value is then a list, as Config delivers them.
 * - `AWS::SSM::PatchCompliance`: `{ "AWS:ComplianceItem": { SchemaVersion, ComplianceType:
 *   "Patch", Content: { Patch: { ComplianceSummary: {...}, <patch id>: {Id, Title, Status,
 *   PatchSeverity, Classification, PatchState, …} } } } }`.
 * Attribute names follow the SSM inventory schemas (`GetInventorySchema`: AWS:InstanceInformation,
 * AWS:Application, AWS:ComplianceItem) and Config items as delivered (ec2-managedinstance-patch-
 * compliance-status-check evaluates `AWS:ComplianceItem.Content.Patch`).
 */
import type { InstanceInformation, InstancePatchState, PatchComplianceData } from '@aws-sdk/client-ssm';

/** `AWS:Application` entries as ListInventoryEntries returns them (string attributes). */
export type InventoryEntry = Record<string, string>;

/** What ListInventoryEntries said about one instance's applications. */
export interface ApplicationInventory {
  schemaVersion: string;
  captureTime?: string;
  entries: InventoryEntry[];
}

// The AWS:InstanceInformation schema's attributes that DescribeInstanceInformation also reports.
function instanceInformationContent(info: InstanceInformation): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (k: string, v: string | undefined) => {
    if (v) out[k] = v;
  };
  put('AgentVersion', info.AgentVersion);
  put('ComputerName', info.ComputerName);
  put('InstanceId', info.InstanceId);
  put('IpAddress', info.IPAddress);
  put('PlatformName', info.PlatformName);
  put('PlatformType', info.PlatformType);
  put('PlatformVersion', info.PlatformVersion);
  put('ResourceType', info.ResourceType);
  return out;
}

/** Config's `AWS:Application` content: entries keyed by name, same-name entries as a list. */
export function applicationContent(
  entries: readonly InventoryEntry[],
): Record<string, InventoryEntry | InventoryEntry[]> {
  const out: Record<string, InventoryEntry | InventoryEntry[]> = {};
  for (const e of entries) {
    const key = e.Name ?? '';
    const seen = out[key];
    if (seen === undefined) out[key] = e;
    else out[key] = Array.isArray(seen) ? [...seen, e] : [seen, e];
  }
  return out;
}

/** The entries of an `AWS:Application` content map, in order, lists flattened. */
export function applicationEntries(content: unknown): InventoryEntry[] {
  if (content === null || typeof content !== 'object') return [];
  return Object.values(content as Record<string, unknown>).flatMap((v) =>
    (Array.isArray(v) ? v : [v]).filter((e): e is InventoryEntry => e !== null && typeof e === 'object'),
  );
}

/** The configuration of one `AWS::SSM::ManagedInstanceInventory` item. */
export function managedInstanceInventory(
  info: InstanceInformation & { InstanceId: string },
  applications: ApplicationInventory | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    // AWS:InstanceInformation schema version 1.0 (GetInventorySchema).
    'AWS:InstanceInformation': {
      SchemaVersion: '1.0',
      Content: { [info.InstanceId]: instanceInformationContent(info) },
    },
  };
  // Absent when the inventory could not be read: "no applications" and "not seen" differ.
  if (applications) {
    out['AWS:Application'] = {
      SchemaVersion: applications.schemaVersion,
      Content: applicationContent(applications.entries),
    };
  }
  return out;
}

// States that make a patch non-compliant (Systems Manager User Guide, "Patch compliance state
// values": InstalledPendingReboot and InstalledRejected count as non-compliant by default).
export const NON_COMPLIANT_STATES = [
  'Missing',
  'Failed',
  'InstalledPendingReboot',
  'InstalledRejected',
] as const;

/** How many patches of an instance are in a non-compliant state, per its patch state summary. */
export function nonCompliantCount(state: InstancePatchState): number {
  return (
    (state.MissingCount ?? 0) +
    (state.FailedCount ?? 0) +
    (state.InstalledPendingRebootCount ?? 0) +
    (state.InstalledRejectedCount ?? 0)
  );
}

/**
 * The API's patch state (`INSTALLED_PENDING_REBOOT`, PatchComplianceData.State) in the spelling of
 * filters and Config items (`InstalledPendingReboot`); already-camel input is kept.
 */
export function patchStateName(state: string): string {
  if (!/^[A-Z_]+$/.test(state)) return state;
  return state
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

function patchItem(p: PatchComplianceData, state: InstancePatchState): Record<string, unknown> {
  const patchState = p.State ? patchStateName(p.State) : undefined;
  const out: Record<string, unknown> = {
    Id: p.KBId,
    Title: p.Title,
    Status: (NON_COMPLIANT_STATES as readonly string[]).includes(patchState ?? '')
      ? 'NON_COMPLIANT'
      : 'COMPLIANT',
    // The API's `Severity` is the vendor's (Config: PatchSeverity); Config's own `Severity` is the
    // baseline's compliance level, which DescribeInstancePatches does not report.
    PatchSeverity: p.Severity,
    Classification: p.Classification,
    PatchState: patchState,
    PatchBaselineId: state.BaselineId,
    PatchGroup: state.PatchGroup,
  };
  // Missing patches come back with InstalledTime 0 (the epoch): not an installation time.
  if (p.InstalledTime && p.InstalledTime.getTime() > 0) out.InstalledTime = p.InstalledTime.toISOString();
  if (p.CVEIds) out.CVEIds = p.CVEIds;
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

/** The configuration of one `AWS::SSM::PatchCompliance` item. */
export function patchCompliance(
  state: InstancePatchState,
  patches: readonly PatchComplianceData[],
): Record<string, unknown> {
  // CriticalNonCompliantCount etc. say the node is NON_COMPLIANT (SSM API Reference,
  // InstancePatchState); older answers lack them, so the state counts decide then.
  const flagged =
    (state.CriticalNonCompliantCount ?? 0) +
    (state.SecurityNonCompliantCount ?? 0) +
    (state.OtherNonCompliantCount ?? 0);
  const summary: Record<string, unknown> = {
    ComplianceType: 'Patch',
    PatchBaselineId: state.BaselineId,
    PatchGroup: state.PatchGroup,
    Status: flagged > 0 || nonCompliantCount(state) > 0 ? 'NON_COMPLIANT' : 'COMPLIANT',
    NonCompliantCriticalCount: state.CriticalNonCompliantCount,
    ExecutionTime: state.OperationEndTime?.toISOString(),
  };
  for (const k of Object.keys(summary)) if (summary[k] === undefined) delete summary[k];
  const patch: Record<string, unknown> = { ComplianceSummary: summary };
  for (const p of patches) if (p.KBId) patch[p.KBId] = patchItem(p, state);
  return {
    'AWS:ComplianceItem': { SchemaVersion: '1.0', ComplianceType: 'Patch', Content: { Patch: patch } },
  };
}
