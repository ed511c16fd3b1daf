import { describe, expect, it } from 'vitest';
import { bucket, gap, P, snap } from '../_shared/snapshots.test-helpers.js';
import { check, replicationRules } from './index.js';

const PHI = { PHI: 'true' };
const replicated = (rules: unknown) => ({
  BucketReplicationConfiguration: { roleARN: 'arn:aws:iam::111122223333:role/replication', rules },
});
const rule = (status: string) => ({ id: 'dr', status, destination: { bucket: 'arn:aws:s3:::replica' } });

describe('s3-bucket-replication-phi', () => {
  it('passes a PHI bucket with an enabled rule (the API list or Config map by id)', () => {
    const out = check.evaluate(
      snap([
        bucket('list', replicated([rule('Disabled'), rule('Enabled')]), PHI),
        bucket(
          'map',
          replicated({ dr: { status: 'Enabled', destinationConfig: { bucketARN: 'arn:aws:s3:::r' } } }),
          PHI,
        ),
      ]),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['pass', 'pass']);
    expect(out[1]?.evidence.rules).toEqual([{ id: 'dr', status: 'Enabled', destination: 'arn:aws:s3:::r' }]);
  });

  it('fails a PHI bucket without replication or with every rule disabled', () => {
    const out = check.evaluate(
      snap([
        bucket('none', { BucketReplicationConfiguration: null }, PHI),
        bucket('off', replicated([rule('Disabled')]), PHI),
      ]),
      P,
    );
    expect(out.map((r) => [r.status, r.message])).toEqual([
      ['fail', 'The PHI bucket has no replication configuration.'],
      ['fail', 'No replication rule is enabled.'],
    ]);
  });

  it('ignores buckets not tagged PHI, and an empty snapshot', () => {
    expect(check.evaluate(snap([bucket('plain', { BucketReplicationConfiguration: null })]), P)).toEqual([]);
    expect(check.evaluate(snap([]), P)).toEqual([]);
    expect(replicationRules(undefined)).toEqual([]);
  });

  it('is an error when GetBucketReplication was denied', () => {
    const out = check.evaluate(
      snap([bucket('x', {}, PHI)], [gap('s3', 'GetBucketReplication: AccessDenied', 'global')]),
      P,
    );
    expect(out.map((r) => [r.status, r.message])).toEqual([
      ['error', 'Replication could not be read: GetBucketReplication: AccessDenied.'],
    ]);
  });
});
