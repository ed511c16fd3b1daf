import { describe, expect, it } from 'vitest';
import { CHECKS, HOSTILE_ID, INPUT } from './fixture.test-helpers.js';
import { toSarif } from './sarif.js';
import { sarifLog } from './schemas/sarif-log.js';

const raw = (): unknown => JSON.parse(toSarif(INPUT));
/** Parsed through the boundary schema, so every field access below is typed. */
const log = () => sarifLog.parse(raw());
const run = () => log().runs[0]!;

describe('toSarif', () => {
  it('writes a log that passes the SARIF 2.1.0 boundary schema', () => {
    const parsed = sarifLog.safeParse(raw());
    expect(parsed.error?.issues).toBeUndefined();
  });

  it('lists one rule per check (golden)', () => {
    const driver = run().tool.driver;
    expect(driver.name).toBe('PatchWarden');
    expect(driver.informationUri).toBe('https://patchwarden.example/docs');
    expect(driver.rules).toHaveLength(CHECKS.length);
    expect(driver.rules[1]).toEqual({
      id: 'iam-password-policy',
      name: 'iam-password-policy',
      shortDescription: { text: 'IAM password policy meets the organisation minimum' },
      fullDescription: { text: 'Weak passwords are guessed.' },
      help: { text: 'Set a password policy with <length> >= 14 & rotation.' },
      defaultConfiguration: { level: 'warning' },
      properties: {
        citations: ['164.308(a)(5)(ii)(D)'],
        severity: 'low',
        resourceType: 'AWS::IAM::AccountPasswordPolicy',
      },
    });
  });

  it('reports fail, manual and error but not pass (golden fail)', () => {
    const results = run().results;
    expect(results.map((r) => [r.kind, r.level])).toEqual([
      ['fail', 'error'],
      ['fail', 'error'],
      ['open', 'none'],
      ['review', 'none'],
    ]);
    expect(results[0]).toMatchObject({
      ruleId: 's3-bucket-encrypted',
      ruleIndex: 0,
      message: { text: 'bucket has no default encryption' },
      locations: [
        {
          logicalLocations: [
            {
              name: 'arn:aws:s3:::phi-bucket',
              fullyQualifiedName: 'arn:aws:s3:::phi-bucket',
              kind: 'AWS::S3::Bucket',
            },
          ],
        },
      ],
      partialFingerprints: {
        'findingId/v1': 's3-bucket-encrypted|111122223333|us-east-1|arn:aws:s3:::phi-bucket',
      },
    });
    expect(results[3]!.ruleIndex).toBe(1);
  });

  it('has a boundary schema that rejects what SARIF forbids', () => {
    const bad = (mutate: (r: Record<string, unknown>) => void) => {
      const doc = raw() as { runs: { results: Record<string, unknown>[] }[] };
      mutate(doc.runs[0]!.results[2]!);
      return sarifLog.safeParse(doc).success;
    };
    expect(bad(() => {})).toBe(true);
    expect(bad((r) => Object.assign(r, { level: 'note' }))).toBe(false); // §3.27.10: review/open need none
    expect(bad((r) => Object.assign(r, { kind: 'unknown' }))).toBe(false);
    expect(bad((r) => Object.assign(r, { ruleIndex: 1 }))).toBe(false);
    expect(bad((r) => Object.assign(r, { message: undefined }))).toBe(false);
  });

  it('levels a low-severity failure as warning', () => {
    const results = [{ ...INPUT.results[4]!, status: 'fail' as const }];
    expect(sarifLog.parse(JSON.parse(toSarif({ ...INPUT, results }))).runs[0]?.results[0]?.level).toBe(
      'warning',
    );
  });

  it('keeps hostile resource ids as data', () => {
    const r = run().results[1];
    expect(r?.locations[0]?.logicalLocations[0]?.fullyQualifiedName).toBe(HOSTILE_ID);
  });

  it('omits informationUri when no product URI is given', () => {
    const { productUri: _, ...rest } = INPUT;
    expect(sarifLog.parse(JSON.parse(toSarif(rest))).runs[0]?.tool.driver.informationUri).toBeUndefined();
  });
});
