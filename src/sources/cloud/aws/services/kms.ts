/**
 * KMS collector (regional): `AWS::KMS::Key` per key. `configuration` is DescribeKey's
 * `KeyMetadata` camel-cased (`keyId`, `arn`, `keyManager`, `keyState`, `keySpec`, `keyUsage`,
 * `origin`, `enabled`, …). `supplementary`:
 * - `keyRotationStatus`: GetKeyRotationStatus (`keyRotationEnabled`, `rotationPeriodInDays`,
 *   `nextRotationDate`) for customer-managed symmetric keys with key material from KMS; `null`
 *   where rotation is not ours to set (AWS-managed keys rotate yearly on their own, and KMS
 *   refuses rotation for asymmetric, HMAC, imported and custom-key-store keys: KMS Developer
 *   Guide, "Rotate AWS KMS keys"); missing when the call was denied.
 * - `aliases`: alias names pointing at the key (ListAliases).
 * Tags come from ListResourceTags (customer-managed keys only; AWS-managed keys cannot be tagged).
 * ListKeys, ListAliases and ListResourceTags page with `Marker`/`Truncated` (KMS API Reference).
 */
import {
  type AliasListEntry,
  DescribeKeyCommand,
  GetKeyRotationStatusCommand,
  type KeyListEntry,
  type KeyMetadata,
  KMSClient,
  paginateListAliases,
  paginateListKeys,
  paginateListResourceTags,
  type Tag,
} from '@aws-sdk/client-kms';
import { awsConfigShape, type CloudResource, tagRecord } from '../../../../core/cloud.js';
import type { AwsContext, AwsServiceCollector } from '../context.js';

/** Collects KMS keys with rotation status, aliases and tags. */
export const kmsCollector: AwsServiceCollector = {
  service: 'kms',
  scope: 'regional',
  async collect(ctx) {
    const kms = new KMSClient(ctx.client);
    try {
      const keys = await ctx.guarded('kms', 'ListKeys', async () => {
        const out: KeyListEntry[] = [];
        for await (const page of paginateListKeys({ client: kms }, {})) out.push(...(page.Keys ?? []));
        return out;
      });
      if (keys === undefined || keys.length === 0) return [];
      const aliases = await ctx.guarded('kms', 'ListAliases', async () => {
        const out: AliasListEntry[] = [];
        for await (const page of paginateListAliases({ client: kms }, {})) out.push(...(page.Aliases ?? []));
        return out;
      });
      const out: CloudResource[] = [];
      for (const key of keys) {
        if (key.KeyId === undefined) continue;
        const names = (aliases ?? [])
          .filter((a) => a.TargetKeyId === key.KeyId)
          .map((a) => a.AliasName ?? '');
        out.push(await collectKey(ctx, kms, key, aliases === undefined ? undefined : names));
      }
      return out;
    } finally {
      kms.destroy();
    }
  },
};

function rotatable(meta: KeyMetadata): boolean {
  return (
    meta.KeyManager === 'CUSTOMER' &&
    meta.KeySpec === 'SYMMETRIC_DEFAULT' &&
    meta.Origin === 'AWS_KMS' &&
    meta.KeyState !== 'PendingDeletion' &&
    meta.KeyState !== 'PendingImport'
  );
}

async function collectKey(
  ctx: AwsContext,
  kms: KMSClient,
  key: KeyListEntry,
  aliases: string[] | undefined,
): Promise<CloudResource> {
  const KeyId = key.KeyId as string;
  const arn = key.KeyArn ?? `arn:${ctx.partition}:kms:${ctx.region}:${ctx.account}:key/${KeyId}`;
  const described = await ctx.guarded('kms', 'DescribeKey', () =>
    kms.send(new DescribeKeyCommand({ KeyId })),
  );
  const meta = described?.KeyMetadata;
  const supplementary: Record<string, unknown> = {};
  if (aliases !== undefined) supplementary.aliases = aliases;
  let tags: Record<string, string> = {};
  if (meta !== undefined) {
    if (rotatable(meta)) {
      const rotation = await ctx.guarded('kms', 'GetKeyRotationStatus', () =>
        kms.send(new GetKeyRotationStatusCommand({ KeyId })),
      );
      if (rotation !== undefined)
        supplementary.keyRotationStatus = awsConfigShape({ ...rotation, KeyId: undefined });
    } else {
      supplementary.keyRotationStatus = null;
    }
    if (meta.KeyManager === 'CUSTOMER') {
      const listed = await ctx.guarded('kms', 'ListResourceTags', async () => {
        const out: Tag[] = [];
        for await (const page of paginateListResourceTags({ client: kms }, { KeyId }))
          out.push(...(page.Tags ?? []));
        return out;
      });
      tags = tagRecord(listed ?? []);
    }
  }
  return {
    provider: 'aws',
    account: ctx.account,
    region: ctx.region,
    type: 'AWS::KMS::Key',
    id: arn,
    name: aliases?.[0] ?? KeyId,
    tags,
    // DescribeKey denied (a key policy can deny it): keep the key with what ListKeys told.
    configuration: (awsConfigShape(meta) as Record<string, unknown> | undefined) ?? { keyId: KeyId, arn },
    supplementary,
    source: 'aws-sdk',
  };
}
