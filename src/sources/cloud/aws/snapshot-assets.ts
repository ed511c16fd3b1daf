/**
 * Cloud snapshot → inventory assets (core/inventory.ts): one asset per real thing. Hosts merge
 * their EC2, SSM inventory and patch items (host-asset.ts); ECR images become container images
 * named by manifest digest; Lambda functions, RDS instances and S3 buckets become function,
 * database and storage assets. Everything else in the snapshot (volumes, security groups, IAM…)
 * is configuration for posture checks, not an asset. Pure, and reads Config's spellings only, so
 * a live collection and an AWS Config snapshot give the same assets. PHI classification is not
 * done here: it happens at import, from the tags.
 */
import { type CloudResource, type CloudSnapshot, tagRecord } from '../../../core/cloud.js';
import { containerImageId, type Extraction } from '../../../core/inventory.js';
import { hostAssets } from './host-asset.js';
import { ECR_IMAGE_TYPE } from './services/compute-resource.js';
import { runtimeDeprecationDate } from './services/lambda-runtimes.js';

type Obj = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const obj = (v: unknown): Obj | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined;

/** Every asset of an AWS snapshot: hosts, container images, functions, databases, storage. */
export function awsSnapshotAssets(snapshot: CloudSnapshot): Extraction[] {
  const resources = snapshot.resources.filter((r) => r.provider === 'aws');
  const of = (type: string) => resources.filter((r) => r.type === type);
  return [
    ...hostAssets(resources),
    ...containerImageAssets(of(ECR_IMAGE_TYPE)),
    ...of('AWS::Lambda::Function').map(functionAsset),
    ...of('AWS::RDS::DBInstance').map(databaseAsset),
    ...of('AWS::S3::Bucket').map(storageAsset),
  ];
}

/** ECR images grouped by digest: one image pushed to several repositories is one asset. */
export function containerImageAssets(images: readonly CloudResource[]): Extraction[] {
  const byDigest = new Map<string, CloudResource[]>();
  for (const r of [...images].sort((a, b) => a.id.localeCompare(b.id))) {
    const digest = str(r.configuration.imageDigest);
    if (!digest) continue;
    const id = containerImageId(digest);
    byDigest.set(id, [...(byDigest.get(id) ?? []), r]);
  }
  return [...byDigest.entries()].map(([externalId, seen]) => {
    const first = seen[0] as CloudResource;
    const repos = [...new Set(seen.map((r) => str(r.configuration.repositoryName) ?? r.name))].sort();
    const imageTags = [
      ...new Set(
        seen.flatMap((r) => (Array.isArray(r.configuration.imageTags) ? r.configuration.imageTags : [])),
      ),
    ]
      .filter((t): t is string => typeof t === 'string')
      .sort();
    const pushed = seen.flatMap((r) => str(r.configuration.imagePushedAt) ?? []).sort();
    const tags: Record<string, string> = Object.assign({}, ...seen.map((r) => r.tags));
    tags['ecr:repository'] = repos.join(',');
    if (imageTags.length > 0) tags['ecr:imageTags'] = imageTags.join(',');
    if (pushed[0]) tags['ecr:pushedAt'] = pushed[0];
    return {
      asset: {
        externalId,
        name: imageTags[0] ? `${repos[0]}:${imageTags[0]}` : `${repos[0]}@${externalId.slice('oci:'.length)}`,
        kind: 'container-image',
        provider: 'aws',
        account: first.account,
        region: first.region,
        tags,
      },
      components: [],
      rejected: [],
    };
  });
}

/** A Lambda function → a `function` asset with its runtime and runtime deprecation date. */
export function functionAsset(r: CloudResource): Extraction {
  const c = r.configuration;
  const runtime = str(c.runtime);
  const tags: Record<string, string> = { ...r.tags };
  if (runtime) tags['lambda:runtime'] = runtime;
  // Live collections carry the date; Config snapshots do not, so the table is asked then.
  const date = str(obj(r.supplementary.runtimeDeprecation)?.date) ?? runtimeDeprecationDate(runtime);
  if (date) tags['lambda:runtimeDeprecated'] = date;
  return {
    asset: {
      externalId: str(c.functionArn) ?? r.id,
      name: str(c.functionName) ?? r.name,
      kind: 'function',
      provider: 'aws',
      account: r.account,
      region: r.region,
      tags,
    },
    components: [],
    rejected: [],
  };
}

/** An RDS DB instance (Config's `dBInstanceIdentifier`, `engine`, `engineVersion`, `tagList`) → `database`. */
export function databaseAsset(r: CloudResource): Extraction {
  const c = r.configuration;
  const tags: Record<string, string> = { ...tagRecord(c.tagList), ...r.tags };
  const engine = str(c.engine);
  if (engine) tags['rds:engine'] = engine;
  const asset: Extraction['asset'] = {
    externalId: str(c.dBInstanceArn) ?? r.id,
    name: str(c.dBInstanceIdentifier) ?? r.name,
    kind: 'database',
    provider: 'aws',
    account: r.account,
    region: r.region,
    tags,
  };
  const version = str(c.engineVersion);
  if (version) asset.version = version;
  if (typeof c.publiclyAccessible === 'boolean') asset.internetExposed = c.publiclyAccessible;
  return { asset, components: [], rejected: [] };
}

/** An S3 bucket (Config's `name`) → a `storage` asset named by the bucket. */
export function storageAsset(r: CloudResource): Extraction {
  return {
    asset: {
      externalId: r.id,
      name: str(r.configuration.name) ?? r.name,
      kind: 'storage',
      provider: 'aws',
      account: r.account,
      region: r.region,
      tags: { ...r.tags },
    },
    components: [],
    rejected: [],
  };
}
