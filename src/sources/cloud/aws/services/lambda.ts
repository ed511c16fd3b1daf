/**
 * AWS Lambda collector (regional): every function ($LATEST) as an `AWS::Lambda::Function` item
 * with its tags (AWS Lambda API Reference: ListFunctions, ListTags).
 *
 * Environment variable values never leave this file: they may hold secrets or PHI, and the
 * snapshot is stored and shown. Only their names are kept, as `environmentVariableNames`; the
 * API's `Environment.Variables` is dropped (its `Error`, if any, is kept).
 *
 * `supplementary.runtimeDeprecation = { date }` is the runtime's deprecation date from
 * lambda-runtimes.ts. Whether that date has passed is for the consumer to decide against its own
 * clock: collectors have none, and a snapshot must mean the same thing when read again later.
 */
import {
  type FunctionConfiguration,
  LambdaClient,
  ListTagsCommand,
  paginateListFunctions,
} from '@aws-sdk/client-lambda';
import type { CloudResource } from '../../../../core/cloud.js';
import { tagRecord } from '../../../../core/cloud.js';
import type { AwsContext, AwsServiceCollector } from '../context.js';
import { allPages, cloudResource, configShape } from './compute-resource.js';
import { runtimeDeprecationDate } from './lambda-runtimes.js';

export const lambdaCollector: AwsServiceCollector = {
  service: 'lambda',
  scope: 'regional',
  async collect(ctx) {
    const lambda = new LambdaClient(ctx.client);
    try {
      return await collectRegion(lambda, ctx);
    } finally {
      lambda.destroy();
    }
  },
};

/** A function's Config configuration, with environment variable names only, never values. */
export function functionConfiguration(fn: FunctionConfiguration): Record<string, unknown> {
  const { Environment, KMSKeyArn, ...rest } = fn;
  const out = configShape(rest);
  out.environmentVariableNames = Object.keys(Environment?.Variables ?? {}).sort();
  if (Environment?.Error) out.environment = configShape({ Error: Environment.Error });
  // Config spells the key `kmskeyArn` (AWS::Lambda::Function properties, aws-config-resource-schema).
  if (KMSKeyArn !== undefined) out.kmskeyArn = KMSKeyArn;
  return out;
}

async function collectRegion(lambda: LambdaClient, ctx: AwsContext): Promise<CloudResource[]> {
  // ListFunctions returns at most 50 functions a page (MaxItems); the paginator follows Marker.
  const functions = await ctx.guarded('lambda', 'ListFunctions', () =>
    allPages(paginateListFunctions({ client: lambda, pageSize: 50 }, {}), (p) => p.Functions),
  );
  if (functions === undefined) return [];
  const named = functions.filter((f) => f.FunctionArn && f.FunctionName);
  const tags = new Map<string, Record<string, string>>();
  // Stop at the first denial: one policy denies ListTags on every function.
  await ctx.guarded('lambda', 'ListTags', async () => {
    for (const f of named) {
      const out = await lambda.send(new ListTagsCommand({ Resource: f.FunctionArn }));
      tags.set(f.FunctionArn as string, tagRecord(out.Tags));
    }
  });
  return named.map((f) => {
    const date = runtimeDeprecationDate(f.Runtime);
    return cloudResource(ctx, {
      type: 'AWS::Lambda::Function',
      id: f.FunctionArn as string,
      name: f.FunctionName as string,
      tags: tags.get(f.FunctionArn as string) ?? {},
      configuration: functionConfiguration(f),
      supplementary: date ? { runtimeDeprecation: { date } } : {},
    });
  });
}
