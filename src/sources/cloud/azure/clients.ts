/**
 * The two SDK clients of the collector, built from the caller's options: Resource Graph
 * (@azure/arm-resourcegraph 4.x, on @azure/ms-rest-js) for every query and the few ARM GETs, and
 * the subscription client (@azure/arm-resources-subscriptions, on @azure/core-rest-pipeline) to
 * enumerate subscriptions. Both get the same endpoint, token audience, trusted CAs and retry
 * limits, so a sovereign cloud, a TLS-inspecting proxy or the test's loopback ARM is one option.
 */
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { rootCertificates } from 'node:tls';
import { ResourceGraphClient } from '@azure/arm-resourcegraph';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import type { TokenCredential } from '@azure/identity';
import { type AzureRetryOptions, azureRetryPolicy, retrySettings } from './retry-policy.js';

/** Public Azure's Resource Manager. */
export const ARM_ENDPOINT = 'https://management.azure.com';

// ARM endpoints whose token audience is the endpoint itself (the list ms-rest-js's
// AzureIdentityCredentialAdapter keys on, plus public Azure). Anything else (a proxy, the test's
// loopback) fronts public ARM and asks for public ARM's audience.
const AUDIENCE_ENDPOINTS = new Set([
  ARM_ENDPOINT,
  'https://management.usgovcloudapi.net',
  'https://management.chinacloudapi.cn',
]);

export interface AzureClientOptions {
  credential: TokenCredential;
  /** ARM base URL; default public Azure. */
  endpoint?: string;
  /** Extra CA certificates (PEM) to trust besides Node's bundled roots. */
  ca?: string | string[];
  retry?: AzureRetryOptions;
}

export interface AzureClients {
  endpoint: string;
  graph: ResourceGraphClient;
  subscriptions: SubscriptionClient;
}

/** The OAuth scope for an ARM endpoint (Entra ID "/.default" scope of the resource). */
export function armScope(endpoint: string): string {
  return `${AUDIENCE_ENDPOINTS.has(endpoint) ? endpoint : ARM_ENDPOINT}/.default`;
}

/** Build both clients; nothing is sent until the first call. */
export function azureClients(o: AzureClientOptions): AzureClients {
  const endpoint = (o.endpoint ?? ARM_ENDPOINT).replace(/\/+$/, '');
  const extra = o.ca === undefined ? [] : Array.isArray(o.ca) ? o.ca : [o.ca];
  // Node's `ca` replaces the bundled roots, so they are passed along with the extra ones.
  const ca = extra.length > 0 ? [...rootCertificates, ...extra] : undefined;
  const retry = retrySettings(o.retry);
  const graph = new ResourceGraphClient(o.credential, {
    baseUri: endpoint,
    noRetryPolicy: true,
    requestPolicyFactories: (defaults) => [...defaults, azureRetryPolicy(retry)],
    ...(ca
      ? { agentSettings: { http: new HttpAgent(), https: new HttpsAgent({ ca, keepAlive: true }) } }
      : {}),
  });
  const subscriptions = new SubscriptionClient(o.credential, {
    endpoint,
    $host: endpoint,
    credentialScopes: armScope(endpoint),
    retryOptions: {
      maxRetries: retry.maxRetries,
      retryDelayInMs: retry.baseDelayMs,
      maxRetryDelayInMs: retry.maxDelayMs,
    },
    ...(ca ? { tlsOptions: { ca } } : {}),
  });
  return { endpoint, graph, subscriptions };
}
