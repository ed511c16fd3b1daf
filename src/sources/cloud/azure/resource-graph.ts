/**
 * Run one Resource Graph query over a scope and follow every page. Resource Graph answers at most
 * 1000 rows a page and a `$skipToken` for the next ("Working with large Azure resource data
 * sets"); the same query and scope are sent again with `options.skipToken` until none comes back.
 * Scopes are subscriptions in batches (the API takes a list) or one management group; when a
 * batch is refused (403) it is split so the one subscription we may not read becomes a gap and
 * the others are still collected.
 */
import type { ResourceGraphClient } from '@azure/arm-resourcegraph';
import { type CollectionGap, GLOBAL_REGION } from '../../../core/cloud.js';
import { azureAppError, classifyAzureError } from './errors.js';
import type { GraphQuery } from './queries.js';

/** One row in `objectArray` format: column name → value. */
export type GraphRow = Record<string, unknown>;

export interface GraphScope {
  subscriptions?: string[];
  managementGroups?: string[];
}

/** Rows a page: the service maximum. */
export const PAGE_SIZE = 1000;
/** Subscriptions per request: larger lists are sent in batches. */
export const SUBSCRIPTION_BATCH = 1000;

/** Every row of `text` in `scope`, page after page; SDK errors propagate unchanged. */
export async function queryAllPages(
  graph: ResourceGraphClient,
  text: string,
  scope: GraphScope,
): Promise<{ rows: GraphRow[]; truncated: boolean }> {
  const rows: GraphRow[] = [];
  let skipToken: string | undefined;
  for (;;) {
    const page = await graph.resources({
      ...scope,
      query: text,
      options: { top: PAGE_SIZE, resultFormat: 'objectArray', ...(skipToken ? { skipToken } : {}) },
    });
    if (Array.isArray(page.data)) rows.push(...(page.data as GraphRow[]));
    skipToken = page.skipToken;
    // `resultTruncated` without a token means rows were cut and cannot be fetched: a gap.
    if (!skipToken) return { rows, truncated: String(page.resultTruncated) === 'true' };
  }
}

/** Run `query` over subscriptions (batched, split on 403) or a management group, recording gaps. */
export async function runGraphQuery(
  graph: ResourceGraphClient,
  query: GraphQuery,
  target: { subscriptions: string[] } | { managementGroup: string },
  gaps: CollectionGap[],
): Promise<GraphRow[]> {
  if ('managementGroup' in target) {
    return runScope(
      graph,
      query,
      { managementGroups: [target.managementGroup] },
      target.managementGroup,
      gaps,
    );
  }
  const rows: GraphRow[] = [];
  for (let i = 0; i < target.subscriptions.length; i += SUBSCRIPTION_BATCH) {
    rows.push(...(await runBatch(graph, query, target.subscriptions.slice(i, i + SUBSCRIPTION_BATCH), gaps)));
  }
  return rows;
}

async function runBatch(
  graph: ResourceGraphClient,
  query: GraphQuery,
  subscriptions: string[],
  gaps: CollectionGap[],
): Promise<GraphRow[]> {
  if (subscriptions.length === 1) {
    const [only] = subscriptions as [string];
    return runScope(graph, query, { subscriptions }, only, gaps);
  }
  try {
    const { rows, truncated } = await queryAllPages(graph, query.text, { subscriptions });
    if (truncated) for (const s of subscriptions) gaps.push(truncatedGap(query, s));
    return rows;
  } catch (err) {
    const facts = classifyAzureError(err);
    if (facts.kind !== 'gap') throw azureAppError(facts, where(query, subscriptions.join(',')), err);
    // Which subscription was refused is not said: ask each on its own.
    const rows: GraphRow[] = [];
    for (const s of subscriptions) rows.push(...(await runBatch(graph, query, [s], gaps)));
    return rows;
  }
}

async function runScope(
  graph: ResourceGraphClient,
  query: GraphQuery,
  scope: GraphScope,
  account: string,
  gaps: CollectionGap[],
): Promise<GraphRow[]> {
  try {
    const { rows, truncated } = await queryAllPages(graph, query.text, scope);
    if (truncated) gaps.push(truncatedGap(query, account));
    return rows;
  } catch (err) {
    const facts = classifyAzureError(err);
    if (facts.kind !== 'gap') throw azureAppError(facts, where(query, account), err);
    gaps.push({
      provider: 'azure',
      account,
      region: GLOBAL_REGION,
      service: query.service,
      reason: `Resource Graph ${query.name}: ${facts.code}`,
    });
    return [];
  }
}

function where(query: GraphQuery, account: string) {
  return { account, service: query.service, operation: `Resource Graph ${query.name}` };
}

function truncatedGap(query: GraphQuery, account: string): CollectionGap {
  return {
    provider: 'azure',
    account,
    region: GLOBAL_REGION,
    service: query.service,
    reason: `Resource Graph ${query.name}: result truncated without $skipToken`,
  };
}
