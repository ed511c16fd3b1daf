/**
 * `import aws-config <file>`: an AWS Config configuration snapshot (the `.json` or `.json.gz`
 * Config delivers to S3) imported like a live collection, so teams with a Config aggregator get
 * the same inventory (and posture) without giving PatchWarden credentials.
 */
import { gunzipSync } from 'node:zlib';
import { AppError } from '../core/errors.js';
import { parseJsonText } from '../core/structured-input.js';
import { decodeText } from '../io/decode-text.js';
import { isGzip } from '../io/gzip.js';
import { readBoundedFile } from '../io/read-bounded.js';
import { awsSnapshotAssets } from '../sources/cloud/aws/snapshot-assets.js';
import { isConfigSnapshot, readConfigSnapshot } from '../sources/cloud/aws-config/read-config-snapshot.js';
import type { Db } from '../store/db.js';
import { type CloudImportResult, importCloudSnapshot } from './import-cloud.js';

/** Config snapshots of large accounts run to hundreds of MB uncompressed. */
const MAX_BYTES = 1024 * 1024 * 1024;

/** Import one Config snapshot file. */
export async function importAwsConfigSnapshot(
  db: Db,
  path: string,
  opts: { actor: string; at?: Date },
): Promise<CloudImportResult & { skipped: { pointer: string; reason: string }[] }> {
  let bytes = await readBoundedFile(path, MAX_BYTES);
  // Config delivers snapshots compressed.
  if (isGzip(bytes)) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_BYTES });
    } catch (err) {
      throw new AppError(
        'INPUT_UNREADABLE',
        { file: path, reason: 'gzip stream is corrupt or too large' },
        { cause: err },
      );
    }
  }
  const parsed = parseJsonText(decodeText(bytes, path), path);
  if (!isConfigSnapshot(parsed)) {
    throw new AppError('INPUT_UNRECOGNISED', {
      file: path,
      reason: 'not an AWS Config snapshot (no configurationItems array)',
    });
  }
  const { snapshot, skipped } = readConfigSnapshot(parsed, path);
  const origin = { adapter: 'cloud/aws-config-snapshot', adapterVersion: '1', source: path, live: false };
  const result = await importCloudSnapshot(db, snapshot, awsSnapshotAssets, origin, opts);
  return { ...result, skipped };
}
