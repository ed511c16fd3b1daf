/**
 * Collect a configuration snapshot of Azure subscriptions through Azure Resource Graph (issue 4,
 * Azure source). Subscriptions are the caller's list, a management group, or every `Enabled`
 * subscription the credential can see (Subscriptions - List). Each query of queries.ts runs over
 * all of them at once, page by page; Update Manager's patch assessment is attached to its VM, role
 * definitions to the assignments that name them. Settings Resource Graph does not index are read
 * with one ARM GET each (SQL: sql-settings.ts, blob service and encryption scopes:
 * storage-settings.ts, diagnostic settings: diagnostic-settings.ts), and Entra ID's conditional
 * access through Microsoft Graph (entra.ts).
 *
 * Credentials come from @azure/identity's DefaultAzureCredential chain (environment, workload
 * identity, managed identity, Azure CLI, …) unless the caller passes a TokenCredential; this file
 * never reads secrets. A subscription or lookup the credential may not read is a gap; expired or
 * refused credentials, throttling that outlived the retries and other failures stop the
 * collection with CLOUD_CREDENTIALS / CLOUD_THROTTLED / CLOUD_API (errors.ts).
 */
import type { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import {
  type CloudResource,
  type CloudSnapshot,
  type CollectionGap,
  GLOBAL_REGION,
} from '../../../core/cloud.js';
import { type ArmLookup, runArmLookups } from './arm-lookups.js';
import { azureClients, graphEndpointFor, trustedCas } from './clients.js';
import { diagnosticLookups } from './diagnostic-settings.js';
import { collectEntra } from './entra.js';
import { azureAppError, classifyAzureError } from './errors.js';
import { AZURE_QUERIES, AZURE_TYPES } from './queries.js';
import { type GraphRow, runGraphQuery } from './resource-graph.js';
import { type AzureRetryOptions, retrySettings } from './retry-policy.js';
import { attachRoleDefinitions } from './roles.js';
import { attachPatchAssessments, rowToResource, subscriptionOf } from './rows.js';
import { sqlLookups } from './sql-settings.js';
import { storageLookups } from './storage-settings.js';

export interface CollectAzureOptions {
  /** Any TokenCredential; omitted → `new DefaultAzureCredential()`. */
  credential?: TokenCredential;
  /** Subscriptions to collect; omitted → every Enabled subscription the credential sees. */
  subscriptions?: string[];
  /** Query one management group (and everything below it) instead of subscriptions. */
  managementGroup?: string;
  /** ARM base URL (sovereign cloud, proxy, the tests' loopback); default public Azure. */
  endpoint?: string;
  /** Extra CA certificates (PEM) to trust, e.g. a TLS-inspecting proxy's. */
  ca?: string | string[];
  retry?: AzureRetryOptions;
  /** Read SQL auditing, TDE, Entra admins and firewall rules with ARM GETs (default true). */
  sqlSettings?: boolean;
  /** Read blob service properties and encryption scopes with ARM GETs (default true). */
  storageSettings?: boolean;
  /** Read diagnostic settings with ARM GETs (default true). */
  diagnosticSettings?: boolean;
  /** Read Entra conditional access through Microsoft Graph (default true). */
  entra?: boolean;
  /** Microsoft Graph base URL; default the Graph of the ARM cloud (public Graph otherwise). */
  graphEndpoint?: string;
  now?: Date;
}

const SUBSCRIPTIONS = 'Microsoft.Resources';

/** Collect every subscription into one snapshot, resources in a stable order. */
export async function collectAzureSnapshot(opts: CollectAzureOptions = {}): Promise<CloudSnapshot> {
  const collectedAt = (opts.now ?? new Date()).toISOString();
  const credential = opts.credential ?? new DefaultAzureCredential();
  const clients = azureClients({
    credential,
    ...(opts.endpoint === undefined ? {} : { endpoint: opts.endpoint }),
    ...(opts.ca === undefined ? {} : { ca: opts.ca }),
    ...(opts.retry === undefined ? {} : { retry: opts.retry }),
  });
  const gaps: CollectionGap[] = [];
  const subscriptions =
    opts.managementGroup !== undefined
      ? undefined
      : (opts.subscriptions?.map((s) => s.toLowerCase()) ??
        (await enabledSubscriptions(clients.subscriptions, gaps)));
  const target =
    subscriptions === undefined ? { managementGroup: opts.managementGroup as string } : { subscriptions };

  const resources: CloudResource[] = [];
  const assessments: CloudResource[] = [];
  const roleDefinitions: GraphRow[] = [];
  if (subscriptions === undefined || subscriptions.length > 0) {
    // One query at a time: Resource Graph's quota is per caller, parallel queries only earn 429s.
    for (const query of AZURE_QUERIES) {
      for (const row of await runGraphQuery(clients.graph, query, target, gaps)) {
        if (query.name === 'role-definitions') {
          roleDefinitions.push(row);
          continue;
        }
        // A management-group query also returns assignments made at management-group scope: they
        // belong to no subscription and are a documented limit (readme.md), not a failure.
        if (query.name === 'role-assignments' && typeof row.id === 'string' && !subscriptionOf(row.id))
          continue;
        const r = rowToResource(row);
        if (typeof r === 'string') {
          const account = typeof row.id === 'string' ? subscriptionOf(row.id) : undefined;
          gaps.push({
            provider: 'azure',
            account: account ?? 'tenant',
            region: GLOBAL_REGION,
            service: query.service,
            reason: r,
          });
        } else if (query.name === 'patch-assessment') assessments.push(r);
        else resources.push(r);
      }
    }
  }
  // Deduplicated before patches are attached (one VM object per id), sorted again after.
  const all = dedupe(attachPatchAssessments(dedupe(resources), assessments));
  attachRoleDefinitions(all, roleDefinitions);
  const lookups: ArmLookup[] = [
    ...(opts.sqlSettings === false ? [] : sqlLookups(all)),
    ...(opts.storageSettings === false ? [] : storageLookups(all)),
    ...(opts.diagnosticSettings === false ? [] : diagnosticLookups(all)),
  ];
  await runArmLookups(clients.graph, clients.endpoint, lookups, gaps);

  const accounts = subscriptions ?? [...new Set(all.map((r) => r.account))];
  const regions = [...new Set(all.map((r) => r.region))].filter((r) => r !== GLOBAL_REGION);
  if (opts.entra !== false) {
    const tenants = new Set(
      all.flatMap((r) =>
        r.type === AZURE_TYPES.subscription ? [String(r.supplementary.tenantId ?? '')] : [],
      ),
    );
    tenants.delete('');
    const tenantHint = tenants.size === 1 ? [...tenants][0] : undefined;
    const ca = trustedCas(opts.ca);
    const entra = await collectEntra(
      {
        credential,
        endpoint: opts.graphEndpoint ?? graphEndpointFor(clients.endpoint),
        retry: retrySettings(opts.retry),
        ...(ca ? { ca } : {}),
        ...(tenantHint ? { tenantHint } : {}),
      },
      gaps,
    );
    if (entra) all.push(entra);
  }
  return {
    provider: 'azure',
    collectedAt,
    accounts: [...accounts].sort(),
    regions: regions.sort(),
    resources: all,
    gaps,
  };
}

/** Every Enabled subscription the credential sees; the others are reported as gaps. */
async function enabledSubscriptions(client: SubscriptionClient, gaps: CollectionGap[]): Promise<string[]> {
  const out: string[] = [];
  try {
    for await (const s of client.subscriptions.list()) {
      const id = s.subscriptionId?.toLowerCase();
      if (id === undefined) continue;
      // Subscription states (Subscriptions - List, `SubscriptionState`): only Enabled ones are
      // collected; Warned / PastDue / Disabled / Deleted are named so nobody assumes they were seen.
      if (s.state === 'Enabled') out.push(id);
      else {
        gaps.push({
          provider: 'azure',
          account: id,
          region: GLOBAL_REGION,
          service: SUBSCRIPTIONS,
          reason: `subscription state ${s.state ?? 'unknown'}: not collected`,
        });
      }
    }
  } catch (err) {
    const facts = classifyAzureError(err);
    throw azureAppError(
      facts,
      { account: 'tenant', service: SUBSCRIPTIONS, operation: 'Subscriptions - List' },
      err,
    );
  }
  if (out.length === 0) {
    gaps.push({
      provider: 'azure',
      account: 'tenant',
      region: GLOBAL_REGION,
      service: SUBSCRIPTIONS,
      reason: 'no Enabled subscription is visible to the credential',
    });
  }
  return out.sort();
}

// A resource can come back from two batches only if Resource Graph repeats it; keep one per id.
function dedupe(resources: CloudResource[]): CloudResource[] {
  const sorted = [...resources].sort(
    (a, b) => a.account.localeCompare(b.account) || a.type.localeCompare(b.type) || a.id.localeCompare(b.id),
  );
  return sorted.filter((r, i) => i === 0 || sorted[i - 1]?.id.toLowerCase() !== r.id.toLowerCase());
}
