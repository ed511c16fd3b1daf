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
 *
 * Exposure (Lambda API Reference, GetPolicy and ListFunctionUrlConfigs, both on the unqualified
 * function name): `supplementary.Policy` is the resource-based policy's JSON text as GetPolicy
 * returns it (Config's key for it), `null` when the function has none (ResourceNotFoundException);
 * `supplementary.functionUrlConfigs` lists the function's URLs, its own and its aliases',
 * camel-cased (`functionUrl`, `functionArn`, `authType` NONE | AWS_IAM, `cors`, `invokeMode`),
 * `[]` when it has none. A key is missing when its call was denied (a gap). Policies of published
 * versions and aliases are not read (Prowler's check reads the unqualified function's only too).
 */
import {
  type FunctionConfiguration,
  type FunctionUrlConfig,
  GetPolicyCommand,
  LambdaClient,
  ListTagsCommand,
  paginateListFunctions,
  paginateListFunctionUrlConfigs,
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

/** A function URL's configuration in Config's casing (`authType`, `cors.allowOrigins`, …). */
export function urlConfiguration(u: FunctionUrlConfig): Record<string, unknown> {
  return { ...configShape(u), cors: u.Cors === undefined ? null : configShape(u.Cors) };
}

// GetPolicy answers ResourceNotFoundException for a function without a resource-based policy.
async function functionPolicy(lambda: LambdaClient, FunctionName: string): Promise<string | null> {
  try {
    return (await lambda.send(new GetPolicyCommand({ FunctionName }))).Policy ?? null;
  } catch (err) {
    if (err instanceof Error && err.name === 'ResourceNotFoundException') return null;
    throw err;
  }
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
  // Both exposure reads stop at their first denial for the same reason as ListTags.
  const policies = new Map<string, string | null>();
  await ctx.guarded('lambda', 'GetPolicy', async () => {
    for (const f of named)
      policies.set(f.FunctionArn as string, await functionPolicy(lambda, f.FunctionName as string));
  });
  const urls = new Map<string, Record<string, unknown>[]>();
  await ctx.guarded('lambda', 'ListFunctionUrlConfigs', async () => {
    for (const f of named) {
      // At most 50 URL configurations a page (MaxItems); the paginator follows Marker.
      const pages = paginateListFunctionUrlConfigs(
        { client: lambda, pageSize: 50 },
        { FunctionName: f.FunctionName as string },
      );
      const configs = await allPages(pages, (p) => p.FunctionUrlConfigs);
      urls.set(f.FunctionArn as string, configs.map(urlConfiguration));
    }
  });
  return named.map((f) => {
    const arn = f.FunctionArn as string;
    const date = runtimeDeprecationDate(f.Runtime);
    const supplementary: Record<string, unknown> = date ? { runtimeDeprecation: { date } } : {};
    if (policies.has(arn)) supplementary.Policy = policies.get(arn);
    if (urls.has(arn)) supplementary.functionUrlConfigs = urls.get(arn);
    return cloudResource(ctx, {
      type: 'AWS::Lambda::Function',
      id: arn,
      name: f.FunctionName as string,
      tags: tags.get(arn) ?? {},
      configuration: functionConfiguration(f),
      supplementary,
    });
  });
}
