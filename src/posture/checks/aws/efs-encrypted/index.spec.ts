import { describe, expect, it } from 'vitest';
import { fileSystem, gap, P, snap } from '../_stores/fixtures.test-helpers.js';
import { check } from './index.js';

describe('efs-encrypted', () => {
  it('passes an encrypted file system', () => {
    expect(check.evaluate(snap([fileSystem('fs-1', { tags: { PHI: 'true' } })]), P)).toMatchObject([
      { status: 'pass', evidence: { encrypted: true, phi: true } },
    ]);
  });
  it('fails an unencrypted file system', () => {
    expect(
      check.evaluate(
        snap([fileSystem('fs-1', { configuration: { encrypted: false, kmsKeyId: undefined } })]),
        P,
      ),
    ).toMatchObject([{ status: 'fail', evidence: { encrypted: false } }]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when the setting is missing or the file systems could not be listed', () => {
    const out = check.evaluate(
      snap(
        [fileSystem('fs-1', { configuration: { encrypted: undefined } })],
        [gap('efs', 'DescribeFileSystems: AccessDeniedException', 'eu-west-1')],
      ),
      P,
    );
    expect(out.map((r) => [r.status, r.resourceId])).toEqual([
      ['error', 'arn:aws:elasticfilesystem:us-east-1:111122223333:file-system/fs-1'],
      ['error', 'arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system/*'],
    ]);
  });
});
