/**
 * ARM GETs for settings Resource Graph does not index (SQL auditing, firewall rules, blob service
 * properties, encryption scopes, diagnostic settings, …): one request per resource and setting,
 * sent through the Resource Graph client's pipeline so they share its token, retries and trusted
 * CAs, four in flight at once.
 *
 * A lookup names the resource whose `supplementary[key]` receives the answer. A single resource
 * (`kind: 'properties'`) stores the `properties` ARM returns; a collection (`kind: 'list'`) stores
 * its `value` items as returned (`id`, `name`, `type`, `properties`), following `nextLink`. A
 * refused GET (403) is a gap `GET <key> <name>: <code>` of the lookup's service, so posture can say
 * which setting of which resource could not be read; a missing child (404) is left out; bad
 * credentials, throttling past the retries and other failures stop the collection (errors.ts).
 */
import type { ResourceGraphClient } from '@azure/arm-resourcegraph';
import { type CloudResource, type CollectionGap, GLOBAL_REGION } from '../../../core/cloud.js';
import { azureAppError, classifyAzureError } from './errors.js';

export interface ArmLookup {
  /** The resource the answer is attached to. */
  resource: CloudResource;
  /** ARM path (an ARM id or below), without the api-version. */
  path: string;
  apiVersion: string;
  /** `supplementary` key of the answer, also named in the gap. */
  key: string;
  /** Resource provider reported as the gap's `service`. */
  service: string;
  kind: 'properties' | 'list';
}

/** ARM GETs in flight at once. */
const CONCURRENCY = 4;
/** `nextLink` pages followed per lookup; settings lists are short, so more means a loop. */
const MAX_PAGES = 50;

type Response = Awaited<ReturnType<ResourceGraphClient['sendRequest']>>;

/** The error a non-2xx answer stands for (no operation spec here, so the ARM body is read by hand). */
function httpError(response: Response): Error {
  const error = (response.parsedBody as { error?: { code?: unknown } } | undefined)?.error;
  return Object.assign(new Error(`HTTP ${response.status}`), {
    statusCode: response.status,
    code: typeof error?.code === 'string' ? error.code : `HTTP${response.status}`,
  });
}

/** GET one lookup: its value, `undefined` when ARM answered 404; other failures throw. */
async function fetchLookup(graph: ResourceGraphClient, endpoint: string, l: ArmLookup): Promise<unknown> {
  let url: string | undefined = `${endpoint}${l.path}?api-version=${l.apiVersion}`;
  const items: unknown[] = [];
  for (let page = 0; url !== undefined && page < MAX_PAGES; page += 1) {
    const response: Response = await graph.sendRequest({ method: 'GET', url });
    if (response.status === 404) return undefined;
    if (response.status !== 200) throw httpError(response);
    const body = (response.parsedBody ?? {}) as { properties?: unknown; value?: unknown; nextLink?: unknown };
    if (l.kind === 'properties') return body.properties ?? {};
    if (Array.isArray(body.value)) items.push(...body.value);
    url = typeof body.nextLink === 'string' && body.nextLink !== '' ? body.nextLink : undefined;
  }
  return items;
}

/** Run every lookup and attach the answers; refusals become gaps, other failures throw. */
export async function runArmLookups(
  graph: ResourceGraphClient,
  endpoint: string,
  lookups: readonly ArmLookup[],
  gaps: CollectionGap[],
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < lookups.length) {
      const l = lookups[next++] as ArmLookup;
      const operation = `GET ${l.key}`;
      try {
        const value = await fetchLookup(graph, endpoint, l);
        if (value !== undefined) l.resource.supplementary[l.key] = value;
      } catch (err) {
        const facts = classifyAzureError(err);
        if (facts.kind !== 'gap') {
          throw azureAppError(facts, { account: l.resource.account, service: l.service, operation }, err);
        }
        gaps.push({
          provider: 'azure',
          account: l.resource.account,
          region: l.resource.region || GLOBAL_REGION,
          service: l.service,
          reason: `${operation} ${l.resource.name}: ${facts.code}`,
        });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, lookups.length) }, worker));
}
