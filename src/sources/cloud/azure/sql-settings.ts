/**
 * SQL auditing and Transparent Data Encryption, which Resource Graph does not index (its
 * `resources` table has `microsoft.sql/servers` and `…/databases`, not their `auditingSettings`
 * or `transparentDataEncryption` children; docs "Azure Resource Graph table and resource type
 * reference"). They are one ARM GET each (Microsoft.Sql 2021-11-01: "Server Blob Auditing
 * Policies - Get", "Transparent Data Encryptions - Get"), sent through the Resource Graph
 * client's pipeline so they share its token, retries and trusted CAs. Results go to
 * `supplementary.auditingSettings` / `supplementary.transparentDataEncryption` as the
 * `properties` ARM returns (`state: Enabled | Disabled`). A refused GET is a gap; a missing
 * child (404) is left out.
 */
import type { ResourceGraphClient } from '@azure/arm-resourcegraph';
import { type CloudResource, type CollectionGap, GLOBAL_REGION } from '../../../core/cloud.js';
import { azureAppError, classifyAzureError } from './errors.js';
import { AZURE_TYPES } from './queries.js';

/** Microsoft.Sql API version of both lookups. */
export const SQL_API_VERSION = '2021-11-01';
/** ARM GETs in flight at once. */
const CONCURRENCY = 4;

interface Lookup {
  resource: CloudResource;
  path: string;
  key: 'auditingSettings' | 'transparentDataEncryption';
}

/** The lookups a snapshot's SQL resources need; system databases (`master`) have no TDE of their own. */
export function sqlLookups(resources: CloudResource[]): Lookup[] {
  const out: Lookup[] = [];
  for (const r of resources) {
    if (r.type === AZURE_TYPES.sqlServer) {
      out.push({ resource: r, path: `${r.id}/auditingSettings/default`, key: 'auditingSettings' });
    } else if (r.type === AZURE_TYPES.sqlDatabase && r.name.toLowerCase() !== 'master') {
      out.push({
        resource: r,
        path: `${r.id}/transparentDataEncryption/current`,
        key: 'transparentDataEncryption',
      });
    }
  }
  return out;
}

/** Fetch every lookup and attach its `properties` to the resource; refusals become gaps. */
export async function attachSqlSettings(
  graph: ResourceGraphClient,
  endpoint: string,
  resources: CloudResource[],
  gaps: CollectionGap[],
): Promise<void> {
  const lookups = sqlLookups(resources);
  let next = 0;
  const worker = async () => {
    while (next < lookups.length) {
      const l = lookups[next++] as Lookup;
      const operation = `GET ${l.key}`;
      const fail = (failure: unknown) => {
        const facts = classifyAzureError(failure);
        if (facts.kind !== 'gap') {
          throw azureAppError(
            facts,
            { account: l.resource.account, service: 'Microsoft.Sql', operation },
            failure,
          );
        }
        gaps.push({
          provider: 'azure',
          account: l.resource.account,
          region: l.resource.region || GLOBAL_REGION,
          service: 'Microsoft.Sql',
          reason: `${operation} ${l.resource.name}: ${facts.code}`,
        });
      };
      let response: Awaited<ReturnType<ResourceGraphClient['sendRequest']>>;
      try {
        response = await graph.sendRequest({
          method: 'GET',
          url: `${endpoint}${l.path}?api-version=${SQL_API_VERSION}`,
        });
      } catch (err) {
        fail(err);
        continue;
      }
      if (response.status === 200) {
        const body = response.parsedBody as { properties?: unknown } | undefined;
        l.resource.supplementary[l.key] = body?.properties ?? {};
      } else if (response.status !== 404) {
        // No operation spec here, so the ARM error body is read by hand ("Common error response").
        const error = (response.parsedBody as { error?: { code?: unknown } } | undefined)?.error;
        fail(
          Object.assign(new Error(`HTTP ${response.status}`), {
            statusCode: response.status,
            code: typeof error?.code === 'string' ? error.code : `HTTP${response.status}`,
          }),
        );
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, lookups.length) }, worker));
}
