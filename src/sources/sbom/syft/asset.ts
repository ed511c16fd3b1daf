/**
 * Syft's `source` (what was scanned) → the asset. A container image is identified by its
 * registry manifest digest, the same `oci:sha256:<hex>` id the AWS collector gives ECR images,
 * so an image seen in ECR and in a Syft SBOM is one asset. A directory or file is an application.
 */
import type { AssetRecord } from '../../../core/inventory.js';
import { containerImageId } from '../../../core/inventory.js';
import { validateShape } from '../../../core/structured-input.js';
import { ImageMetadata, PathMetadata, type SyftImage, type SyftSource } from './schema.js';

const DIGEST = /^sha256:[0-9a-f]{64}$/i;

/** The asset a Syft document describes; `fallback` names it when the document has no source. */
export function syftAsset(source: SyftSource | undefined, file: string, fallback: string): AssetRecord {
  if (source === undefined)
    return { externalId: `syft:${fallback}`, name: fallback, kind: 'other', tags: {} };
  // Schema ≥ 9 puts the details in `metadata`, earlier schemas in `target`.
  const [details, pointer] =
    source.metadata !== undefined ? [source.metadata, '/source/metadata'] : [source.target, '/source/target'];
  if (source.type === 'image') {
    return imageAsset(source, validateShape(ImageMetadata, details ?? {}, file, pointer), fallback);
  }
  // Schema ≤ 8 gives a directory's or file's path as the bare `target` string.
  const path =
    typeof details === 'string'
      ? details
      : details === undefined || details === null
        ? undefined
        : validateShape(PathMetadata, details, file, pointer).path;
  const name = source.name || path || fallback;
  const kind = source.type === 'directory' || source.type === 'file' ? 'application' : 'other';
  // A path is only meaningful on the machine that ran Syft; `--source-name` is the stable name.
  const asset: AssetRecord = { externalId: `syft:${source.type}:${name}`, name, kind, tags: {} };
  if (source.version) asset.version = source.version;
  return asset;
}

function imageAsset(source: SyftSource, image: SyftImage, fallback: string): AssetRecord {
  const digest = manifestDigest(image);
  const tags: Record<string, string> = {};
  if (image.imageID) tags['oci:imageId'] = image.imageID;
  if (image.tags?.length) tags['oci:tags'] = image.tags.join(',');
  const name = image.userInput || image.tags?.[0] || source.name || fallback;
  const id = digest ?? (image.imageID && DIGEST.test(image.imageID) ? image.imageID : undefined);
  const asset: AssetRecord = {
    externalId: id ? containerImageId(id) : `syft:image:${name}`,
    name,
    kind: 'container-image',
    tags,
  };
  if (source.version && source.version !== digest) asset.version = source.version;
  return asset;
}

/**
 * The registry's digest of the image manifest: from `repoDigests` (`name@sha256:…`, what the
 * registry serves and ECR reports) first, else Syft's `manifestDigest`. For an image read from a
 * local daemon, manifestDigest is of the manifest `docker save` synthesises, not the registry's,
 * which is why repoDigests wins. The image id (config digest) is the last resort.
 */
function manifestDigest(image: SyftImage): string | undefined {
  for (const ref of image.repoDigests ?? []) {
    const digest = ref.slice(ref.lastIndexOf('@') + 1);
    if (DIGEST.test(digest)) return digest;
  }
  return image.manifestDigest && DIGEST.test(image.manifestDigest) ? image.manifestDigest : undefined;
}
