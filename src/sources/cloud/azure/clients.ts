/**
 * The two SDK clients of the collector, built from the caller's options: Resource Graph
 * (@azure/arm-resourcegraph 4.x, on @azure/ms-rest-js) for every query and the ARM GETs, and
 * the subscription client (@azure/arm-resources-subscriptions, on @azure/core-rest-pipeline) to
 * enumerate subscriptions. Both get the same endpoint, token audience, trusted CAs and retry
 * limits, so a sovereign cloud, a TLS-inspecting proxy or the test's loopback ARM is one option.
 * Microsoft Graph (entra.ts) has its own endpoint and audience, derived here from the ARM one.
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

/** Public Microsoft Graph. */
export const GRAPH_ENDPOINT = 'https://graph.microsoft.com';

// Each national cloud's Graph (Microsoft Graph "National cloud deployments"), keyed by its ARM.
const GRAPH_OF_ARM: Record<string, string> = {
  [ARM_ENDPOINT]: GRAPH_ENDPOINT,
  'https://management.usgovcloudapi.net': 'https://graph.microsoft.us',
  'https://management.chinacloudapi.cn': 'https://microsoftgraph.chinacloudapi.cn',
};
const GRAPH_AUDIENCES = new Set([...Object.values(GRAPH_OF_ARM), 'https://dod-graph.microsoft.us']);

/** The Graph endpoint that goes with an ARM endpoint; public Graph for anything else. */
export function graphEndpointFor(armEndpoint: string): string {
  return GRAPH_OF_ARM[armEndpoint.replace(/\/+$/, '')] ?? GRAPH_ENDPOINT;
}

/** The OAuth scope for a Graph endpoint; a proxy or loopback fronts public Graph. */
export function graphScope(endpoint: string): string {
  const e = endpoint.replace(/\/+$/, '');
  return `${GRAPH_AUDIENCES.has(e) ? e : GRAPH_ENDPOINT}/.default`;
}

/** Node's `ca` replaces the bundled roots, so extra CAs are passed along with them. */
export function trustedCas(ca: string | string[] | undefined): string[] | undefined {
  const extra = ca === undefined ? [] : Array.isArray(ca) ? ca : [ca];
  return extra.length > 0 ? [...rootCertificates, ...extra] : undefined;
}

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
  const ca = trustedCas(o.ca);
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
