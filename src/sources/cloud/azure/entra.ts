/**
 * Entra ID sign-in policy through Microsoft Graph v1.0, which ARM and Resource Graph do not
 * expose: the conditional access policies (`GET /identity/conditionalAccess/policies`,
 * `conditionalAccessPolicy` objects as Graph returns them, `@odata.nextLink` followed) and the
 * security defaults (`GET /policies/identitySecurityDefaultsEnforcementPolicy`, `isEnabled`).
 * Both need the application permission `Policy.Read.All`; a refusal (401/403, e.g.
 * `Authorization_RequestDenied`) is a gap of service `Microsoft.Graph` and the rest of the
 * collection goes on, since Graph rights are granted apart from the Azure Reader role.
 *
 * The answer is one resource per tenant (type `microsoft.graph/conditionalaccess`, account = tenant
 * id, `configuration.policies`, `supplementary.securityDefaults`; a key is missing when it was not
 * read). Which tenant the token belongs to is its `tid` claim (Entra access tokens are JWTs);
 * subscriptions name their tenant (`supplementary.tenantId`), so posture links the two.
 *
 * The requests go through @azure/core-rest-pipeline (the pipeline @azure/identity itself runs on)
 * with the same trusted CAs and retry limits as ARM, and the Graph-audience token read for `tid`.
 */

import {
  createDefaultHttpClient,
  createPipelineFromOptions,
  createPipelineRequest,
  type PipelinePolicy,
} from '@azure/core-rest-pipeline';
import type { AccessToken, TokenCredential } from '@azure/identity';
import { AZURE_TYPES, type CloudResource, type CollectionGap, GLOBAL_REGION } from '../../../core/cloud.js';
import { graphScope } from './clients.js';
import { azureAppError, classifyAzureError } from './errors.js';
import type { AzureRetryOptions } from './retry-policy.js';

/** The type of the per-tenant conditional access resource. */
export const CONDITIONAL_ACCESS_TYPE = AZURE_TYPES.conditionalAccess;
/** The `source` of resources read from Microsoft Graph. */
export const GRAPH_SOURCE = 'microsoft-graph';
const SERVICE = 'Microsoft.Graph';
const MAX_PAGES = 50;

export interface EntraOptions {
  credential: TokenCredential;
  /** Graph base URL without `/v1.0`. */
  endpoint: string;
  /** Trusted CAs (bundled roots included) when extra ones were given. */
  ca?: string[];
  retry: Required<AzureRetryOptions>;
  /** The tenant to assume when the token's `tid` cannot be read (the subscriptions' one). */
  tenantHint?: string;
}

/** The `tid` claim of a JWT access token, if it is one. */
export function tokenTenant(token: string): string | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { tid?: unknown };
    return typeof claims.tid === 'string' && claims.tid !== '' ? claims.tid.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

class GraphError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
  ) {
    super(`HTTP ${statusCode} ${code}`);
  }
}

/** Read the tenant's policies into one resource; refusals become gaps. */
export async function collectEntra(
  o: EntraOptions,
  gaps: CollectionGap[],
): Promise<CloudResource | undefined> {
  const scope = graphScope(o.endpoint);
  const base = `${o.endpoint.replace(/\/+$/, '')}/v1.0`;
  const gap = (tenant: string, operation: string, code: string) =>
    gaps.push({
      provider: 'azure',
      account: tenant,
      region: GLOBAL_REGION,
      service: SERVICE,
      reason: `${operation}: ${code}`,
    });

  let token: AccessToken | null;
  try {
    token = await o.credential.getToken(scope);
  } catch (err) {
    // The ARM token was issued by the same credential: a Graph-only refusal is Graph's gap.
    gap(o.tenantHint ?? 'tenant', 'Graph token', classifyAzureError(err).code);
    return undefined;
  }
  const tenant = (token && tokenTenant(token.token)) ?? o.tenantHint ?? 'unknown';
  // The token read for `tid` signs the requests too (renewed when it nears expiry), and never
  // over plain http, as the SDK's own bearer policy insists.
  const bearer: PipelinePolicy = {
    name: 'graphBearer',
    async sendRequest(request, next) {
      if (!request.url.startsWith('https:')) throw new Error('Graph token refused over http');
      if (token === null || token.expiresOnTimestamp - Date.now() < 120_000)
        token = await o.credential.getToken(scope);
      if (token === null) throw new Error('no Graph token');
      request.headers.set('authorization', `Bearer ${token.token}`);
      return next(request);
    },
  };

  const pipeline = createPipelineFromOptions({
    retryOptions: {
      maxRetries: o.retry.maxRetries,
      retryDelayInMs: o.retry.baseDelayMs,
      maxRetryDelayInMs: o.retry.maxDelayMs,
    },
    ...(o.ca ? { tlsOptions: { ca: o.ca } } : {}),
  });
  pipeline.addPolicy(bearer);
  const http = createDefaultHttpClient();
  const get = async (url: string): Promise<Record<string, unknown>> => {
    const res = await pipeline.sendRequest(http, createPipelineRequest({ url, method: 'GET' }));
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(res.bodyAsText ?? '{}') as Record<string, unknown>;
    } catch {
      body = {};
    }
    if (res.status === 200) return body;
    const code = (body.error as { code?: unknown } | undefined)?.code;
    throw new GraphError(res.status, typeof code === 'string' && code !== '' ? code : `HTTP${res.status}`);
  };
  // Graph refuses with 401 as well as 403 when the app lacks a permission: both are gaps.
  const attempt = async <T>(operation: string, read: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await read();
    } catch (err) {
      const facts = classifyAzureError(err);
      if (facts.kind === 'gap' || facts.status === 401) {
        gap(tenant, operation, facts.code);
        return undefined;
      }
      throw azureAppError(facts, { account: tenant, service: SERVICE, operation }, err);
    }
  };

  const policies = await attempt('GET identity/conditionalAccess/policies', async () => {
    const out: unknown[] = [];
    let url: string | undefined = `${base}/identity/conditionalAccess/policies`;
    for (let page = 0; url !== undefined && page < MAX_PAGES; page += 1) {
      const body = await get(url);
      if (Array.isArray(body.value)) out.push(...body.value);
      const next = body['@odata.nextLink'];
      url = typeof next === 'string' && next !== '' ? next : undefined;
    }
    return out;
  });
  const securityDefaults = await attempt(
    'GET policies/identitySecurityDefaultsEnforcementPolicy',
    async () => {
      const { '@odata.context': _context, ...policy } = await get(
        `${base}/policies/identitySecurityDefaultsEnforcementPolicy`,
      );
      return policy;
    },
  );
  if (policies === undefined && securityDefaults === undefined) return undefined;
  return {
    provider: 'azure',
    account: tenant,
    region: GLOBAL_REGION,
    type: CONDITIONAL_ACCESS_TYPE,
    id: `/tenants/${tenant}/identity/conditionalAccess`,
    name: 'conditionalAccess',
    tags: {},
    configuration: policies === undefined ? {} : { policies },
    supplementary: securityDefaults === undefined ? {} : { securityDefaults },
    source: GRAPH_SOURCE,
  };
}
