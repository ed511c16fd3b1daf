import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { INPUT } from './fixture.test-helpers.js';
import { OCSF_PROFILES, OCSF_VERSION, toOcsf } from './ocsf.js';
import { OCSF_1_3_0, validateOcsfEvent } from './ocsf-validate.test-helpers.js';

const events = (input = INPUT): Record<string, unknown>[] => JSON.parse(toOcsf(input));

describe('toOcsf', () => {
  it('writes one Compliance Finding per result, each valid against the OCSF 1.3.0 definitions', () => {
    expect(OCSF_VERSION).toBe(OCSF_1_3_0.version);
    expect(events()).toHaveLength(INPUT.results.length);
    for (const event of events()) expect(validateOcsfEvent(event)).toEqual([]);
  });

  it('stays valid for Azure, for a snapshot without id and without product URI', () => {
    const { productUri: _, ...noUri } = INPUT;
    const azure = {
      ...noUri,
      snapshot: { provider: 'azure' as const, collectedAt: INPUT.snapshot.collectedAt, accounts: ['sub-1'] },
    };
    const all = events(azure);
    expect(all).toHaveLength(INPUT.results.length);
    for (const event of all) expect(validateOcsfEvent(event)).toEqual([]);
    expect(all[0]).toMatchObject({ cloud: { provider: 'Azure' }, metadata: { version: OCSF_VERSION } });
    expect(all[0]).not.toHaveProperty('metadata.correlation_uid');
    expect(all[0]).not.toHaveProperty('metadata.product.url_string');
    expect(all[0]).not.toHaveProperty('resources.0.cloud_partition');
  });

  it('maps a failing result (golden)', () => {
    expect(events()[1]).toEqual({
      activity_id: 1,
      activity_name: 'Create',
      category_uid: 2,
      category_name: 'Findings',
      class_uid: 2003,
      class_name: 'Compliance Finding',
      type_uid: 200301,
      type_name: 'Compliance Finding: Create',
      severity_id: 4,
      severity: 'High',
      status_id: 1,
      status: 'New',
      time: Date.parse('2026-01-02T04:00:00.000Z'),
      message: 'bucket has no default encryption',
      metadata: {
        version: OCSF_VERSION,
        profiles: [...OCSF_PROFILES],
        product: {
          name: 'PatchWarden',
          vendor_name: 'PatchWarden',
          url_string: 'https://patchwarden.example/docs',
        },
        correlation_uid: 'snap-1',
      },
      finding_info: {
        uid: 's3-bucket-encrypted|111122223333|us-east-1|arn:aws:s3:::phi-bucket',
        title: 'S3 buckets encrypt data at rest',
        desc: 'Unencrypted PHI at rest is readable by anyone who obtains the storage.',
        types: ['Posture Check', 'AWS::S3::Bucket'],
        created_time: Date.parse('2026-01-02T04:00:00.000Z'),
      },
      compliance: {
        standards: ['HIPAA Security Rule'],
        requirements: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
        control: 's3-bucket-encrypted',
        status_id: 3,
        status: 'Fail',
      },
      remediation: {
        desc: 'Enable default encryption with SSE-KMS.',
        references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-bucket-encryption.html'],
      },
      resources: [
        {
          uid: 'arn:aws:s3:::phi-bucket',
          type: 'AWS::S3::Bucket',
          region: 'us-east-1',
          cloud_partition: 'aws',
        },
      ],
      cloud: { provider: 'AWS', account: { uid: '111122223333' }, region: 'us-east-1' },
      unmapped: {
        check_id: 's3-bucket-encrypted',
        collected_at: '2026-01-02T03:04:05.000Z',
        evidence: { serverSideEncryption: false },
      },
    });
  });

  it('maps pass, error and manual to Pass and Warning with a status detail', () => {
    const [pass, , , error, manual] = events();
    expect(pass).toMatchObject({ compliance: { status_id: 1, status: 'Pass' } });
    expect(pass).not.toHaveProperty('compliance.status_detail');
    expect(error).toMatchObject({
      compliance: {
        status_id: 2,
        status: 'Warning',
        status_detail: 'not evaluated: GetBucketEncryption: AccessDenied',
      },
    });
    expect(manual).toMatchObject({ compliance: { status_id: 2, status: 'Warning' }, severity_id: 2 });
    expect(manual).toHaveProperty(
      'compliance.status_detail',
      expect.stringMatching(/^manual review required: /),
    );
  });

  it('keeps hostile strings intact as JSON data', () => {
    const hostile = events()[2];
    expect(hostile).toHaveProperty('resources.0.uid', INPUT.results[2]!.resourceId);
    expect(hostile).not.toHaveProperty('resources.0.cloud_partition');
  });

  it('rejects a result whose check was not passed', () => {
    expect(() => toOcsf({ ...INPUT, checks: [] })).toThrow(AppError);
  });

  it('writes an empty array for an empty run', () => {
    expect(toOcsf({ ...INPUT, results: [] })).toBe('[]\n');
  });
});
