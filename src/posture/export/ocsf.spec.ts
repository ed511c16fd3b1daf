import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { INPUT } from './fixture.test-helpers.js';
import { OCSF_VERSION, toOcsf } from './ocsf.js';
import { ocsfComplianceFindings } from './schemas/ocsf-compliance-finding.js';

const raw = (): unknown[] => JSON.parse(toOcsf(INPUT));
/** Parsed through the boundary schema, so every field access below is typed. */
const events = () => ocsfComplianceFindings.parse(raw());

describe('toOcsf', () => {
  it('writes one Compliance Finding per result that passes the boundary schema', () => {
    const parsed = ocsfComplianceFindings.safeParse(raw());
    expect(parsed.error?.issues).toBeUndefined();
    expect(raw()).toHaveLength(INPUT.results.length);
  });

  it('maps a failing result (golden)', () => {
    expect(raw()[1]).toEqual({
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
    expect(pass!.compliance).toMatchObject({ status_id: 1, status: 'Pass' });
    expect(pass!.compliance.status_detail).toBeUndefined();
    expect(error!.compliance).toMatchObject({
      status_id: 2,
      status: 'Warning',
      status_detail: 'not evaluated: GetBucketEncryption: AccessDenied',
    });
    expect(manual!.compliance).toMatchObject({ status_id: 2, status: 'Warning' });
    expect(manual!.compliance.status_detail).toMatch(/^manual review required: /);
    expect(manual!.severity_id).toBe(2);
  });

  it('keeps hostile strings intact as JSON data', () => {
    const hostile = events()[2]!;
    expect(hostile.resources?.[0]?.uid).toBe(INPUT.results[2]!.resourceId);
    expect(hostile.resources?.[0]?.cloud_partition).toBeUndefined();
  });

  it('has a boundary schema that rejects what OCSF forbids', () => {
    const [event] = raw() as Record<string, unknown>[];
    expect(ocsfComplianceFindings.safeParse([{ ...event, type_uid: 200302 }]).success).toBe(false);
    expect(ocsfComplianceFindings.safeParse([{ ...event, compliance: { standards: [] } }]).success).toBe(
      false,
    );
    expect(ocsfComplianceFindings.safeParse([{ ...event, class_uid: 2001 }]).success).toBe(false);
    expect(ocsfComplianceFindings.safeParse([{ ...event, resources: [{ type: 'x' }] }]).success).toBe(false);
  });

  it('rejects a result whose check was not passed', () => {
    expect(() => toOcsf({ ...INPUT, checks: [] })).toThrow(AppError);
  });

  it('writes an empty array for an empty run', () => {
    expect(toOcsf({ ...INPUT, results: [] })).toBe('[]\n');
  });
});
