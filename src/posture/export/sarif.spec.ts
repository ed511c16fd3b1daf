import { describe, expect, it } from 'vitest';
import { CHECKS, HOSTILE_ID, INPUT } from './fixture.test-helpers.js';
import { SARIF_SCHEMA_URI, toSarif } from './sarif.js';
import { sarifSchemaErrors } from './sarif-validate.test-helpers.js';
import official from './schemas/sarif-2.1.0/sarif-schema-2.1.0.json' with { type: 'json' };
import { sarifLog } from './schemas/sarif-log.js';

/** The parts of the written log the assertions read (the schemas check the rest). */
interface SarifResultJson extends Record<string, unknown> {
  kind: string;
  level: string;
  ruleIndex: number;
  locations: { logicalLocations: { fullyQualifiedName: string }[] }[];
}
interface SarifLogJson {
  $schema: string;
  version: string;
  runs: { tool: { driver: Record<string, unknown> & { rules: unknown[] } }; results: SarifResultJson[] }[];
}

const raw = (input = INPUT): SarifLogJson => JSON.parse(toSarif(input));
const run = (input = INPUT) => raw(input).runs[0]!;

/** Valid against the OASIS schema and the specification's cross-field rules. */
function expectConforming(log: unknown): void {
  expect(sarifSchemaErrors(log)).toEqual([]);
  expect(sarifLog.safeParse(log).error?.issues).toBeUndefined();
}

describe('toSarif', () => {
  it('writes a log valid against the official SARIF 2.1.0 schema it names', () => {
    expect(raw().$schema).toBe(SARIF_SCHEMA_URI);
    expect(SARIF_SCHEMA_URI).toBe(official.id);
    expectConforming(raw());
  });

  it('stays valid without a product URI, for an empty run and for a low-severity failure', () => {
    const { productUri: _, ...noUri } = INPUT;
    expectConforming(raw(noUri));
    expect(run(noUri).tool.driver).not.toHaveProperty('informationUri');
    expectConforming(raw({ ...INPUT, results: [] }));
    const lowFail = { ...INPUT, results: [{ ...INPUT.results[4]!, status: 'fail' as const }] };
    expectConforming(raw(lowFail));
    expect(run(lowFail).results[0]?.level).toBe('warning');
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

  it('is checked by the official schema and the cross-field rules, which reject what SARIF forbids', () => {
    type Mutation = (r: Record<string, unknown>) => void;
    const mutated = (mutate: Mutation) => {
      const doc = raw();
      mutate(doc.runs[0]!.results[2]!);
      return doc;
    };
    const schemaRejects = (mutate: Mutation) => sarifSchemaErrors(mutated(mutate)).length > 0;
    const rulesReject = (mutate: Mutation) => !sarifLog.safeParse(mutated(mutate)).success;
    expect(schemaRejects(() => {})).toBe(false);
    expect(schemaRejects((r) => Object.assign(r, { kind: 'unknown' }))).toBe(true);
    expect(schemaRejects((r) => Object.assign(r, { level: 'fatal' }))).toBe(true);
    expect(schemaRejects((r) => delete r.message)).toBe(true);
    expect(schemaRejects((r) => Object.assign(r, { status: 'error' }))).toBe(true); // no additional properties
    expect(schemaRejects((r) => Object.assign(r, { ruleIndex: -2 }))).toBe(true);
    expect(sarifSchemaErrors({ ...raw(), version: '2.0.0' })).not.toEqual([]);
    expect(sarifSchemaErrors({ ...raw(), $schema: 'not a uri' })).not.toEqual([]);
    // What JSON Schema cannot say: §3.27.10 and §3.27.6.
    expect(schemaRejects((r) => Object.assign(r, { level: 'note' }))).toBe(false);
    expect(rulesReject((r) => Object.assign(r, { level: 'note' }))).toBe(true);
    expect(rulesReject((r) => Object.assign(r, { ruleIndex: 1 }))).toBe(true);
  });

  it('keeps hostile resource ids as data', () => {
    expect(run().results[1]?.locations[0]?.logicalLocations[0]?.fullyQualifiedName).toBe(HOSTILE_ID);
  });
});
