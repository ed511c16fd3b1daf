/**
 * Resource Graph rows → CloudResources (core/cloud.ts), pure. A row carries the ARM resource's
 * top-level fields (`id`, `name`, `type`, `location`, `subscriptionId`, `tags`) and its
 * `properties` as ARM returns them; `type` is lower-cased so every consumer compares one
 * spelling. The row's other top-level ARM fields that posture reads go to `supplementary`: `sku`
 * (storage redundancy), `kind` (storage account kind) and, for subscriptions, `tenantId` (which
 * Entra tenant governs sign-in to it). Update Manager's assessment rows are not resources of their
 * own: they are attached to the VM they describe (`supplementary.patchAssessment`,
 * `supplementary.missingPatches`).
 */
import { type CloudResource, GLOBAL_REGION, tagRecord } from '../../../core/cloud.js';
import { AZURE_TYPES } from './queries.js';
import type { GraphRow } from './resource-graph.js';

/** The `source` of every resource this collector produces. */
export const AZURE_SOURCE = 'azure-resource-graph';

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function record(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** Subscription id from an ARM id (`/subscriptions/{id}/…`), lower-cased as ARM ids compare. */
export function subscriptionOf(armId: string): string | undefined {
  return /^\/subscriptions\/([^/]+)/i.exec(armId)?.[1]?.toLowerCase();
}

/** One row → a resource, or the reason it cannot be one (no id or type). */
export function rowToResource(row: GraphRow): CloudResource | string {
  const id = text(row.id);
  const type = text(row.type);
  if (id === undefined) return 'row without id';
  if (type === undefined) return `row ${id} without type`;
  const account = text(row.subscriptionId)?.toLowerCase() ?? subscriptionOf(id);
  if (account === undefined) return `row ${id} outside any subscription`;
  const supplementary: Record<string, unknown> = {};
  // Resource Graph fills absent top-level fields with null or '': only real values are kept.
  if (Object.keys(record(row.sku)).length > 0) supplementary.sku = row.sku;
  const kind = text(row.kind);
  if (kind !== undefined) supplementary.kind = kind;
  const tenantId = text(row.tenantId);
  if (type.toLowerCase() === AZURE_TYPES.subscription && tenantId !== undefined) {
    supplementary.tenantId = tenantId.toLowerCase();
  }
  return {
    provider: 'azure',
    account,
    region: text(row.location)?.toLowerCase() ?? GLOBAL_REGION,
    type: type.toLowerCase(),
    id,
    name: text(row.name) ?? id.slice(id.lastIndexOf('/') + 1),
    tags: tagRecord(row.tags),
    configuration: record(row.properties),
    supplementary,
    source: AZURE_SOURCE,
  };
}

/** The VM an assessment row belongs to: its id up to `/patchAssessmentResults/`, lower-cased. */
export function assessedMachineId(assessmentId: string): string | undefined {
  const at = assessmentId.toLowerCase().indexOf('/patchassessmentresults/');
  return at > 0 ? assessmentId.slice(0, at).toLowerCase() : undefined;
}

/**
 * Attach assessment summaries and available patches to their VMs (the VM resources are updated
 * in place). Rows whose VM was not collected stay in the snapshot as resources of their own type,
 * so nothing is dropped.
 */
export function attachPatchAssessments(
  resources: CloudResource[],
  assessments: CloudResource[],
): CloudResource[] {
  const vms = new Map<string, CloudResource>();
  for (const r of resources) if (r.type === AZURE_TYPES.virtualMachine) vms.set(r.id.toLowerCase(), r);
  const orphans: CloudResource[] = [];
  // Stable order of patches whatever order the pages came in.
  const sorted = [...assessments].sort((a, b) => a.id.localeCompare(b.id));
  for (const a of sorted) {
    const vmId = assessedMachineId(a.id);
    const vm = vmId === undefined ? undefined : vms.get(vmId);
    if (vm === undefined) {
      orphans.push(a);
    } else if (a.type === AZURE_TYPES.patchAssessment) {
      vm.supplementary.patchAssessment = { id: a.id, ...a.configuration };
    } else {
      const patches = (vm.supplementary.missingPatches ?? []) as Record<string, unknown>[];
      patches.push({ id: a.id, name: a.name, ...a.configuration });
      vm.supplementary.missingPatches = patches;
    }
  }
  return [...resources, ...orphans];
}
