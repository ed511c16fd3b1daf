import { describe, expect, it } from 'vitest';
import { appErrorOfSync } from '../core/errors.test-helpers.js';
import { check as accessKeyAge } from './checks/aws/iam-access-key-age/index.js';
import { DEFAULT_PARAMS } from './params.js';
import { parsePostureParams } from './params-file.js';
import { runChecks } from './run.js';

describe('posture parameters file', () => {
  it('overrides the defaults it names and keeps the others', () => {
    const p = parsePostureParams(
      'accessKeyMaxAgeDays: 90\nminTlsVersion: 1.3\nadminPorts: [22, 3389, 2222]\n',
      'org.yaml',
    );
    expect(p).toEqual({
      ...DEFAULT_PARAMS,
      accessKeyMaxAgeDays: 90,
      minTlsVersion: '1.3',
      adminPorts: [22, 3389, 2222],
    });
  });
  it('reads JSON, and an empty file is the defaults', () => {
    expect(parsePostureParams('{"passwordMaxAgeDays": 60}', 'org.json').passwordMaxAgeDays).toBe(60);
    expect(parsePostureParams('', 'empty.yaml')).toEqual(DEFAULT_PARAMS);
  });
  it('refuses a misspelt key with its pointer, so no default stays in force unnoticed', () => {
    const e = appErrorOfSync(() => parsePostureParams('accesKeyMaxAgeDays: 90\n', 'org.yaml'));
    expect(e.code).toBe('INPUT_SCHEMA');
    expect(e.details).toMatchObject({ file: 'org.yaml' });
    expect(String(e.details.reason)).toContain('accesKeyMaxAgeDays');
  });
  it('refuses a wrong type with the JSON pointer', () => {
    const e = appErrorOfSync(() => parsePostureParams('adminPorts: [22, "rdp"]\n', 'org.yaml'));
    expect(e.details).toMatchObject({ pointer: '/adminPorts/1' });
  });
  it('names the line of a YAML syntax error', () => {
    const e = appErrorOfSync(() => parsePostureParams('a: [1,\n', 'org.yaml'));
    expect(e.code).toBe('INPUT_MALFORMED_YAML');
  });
  it('accepts a loosened value; the scan then reports it against the guardrail', () => {
    const p = parsePostureParams('accessKeyMaxAgeDays: 3650\n', 'org.yaml');
    expect(p.accessKeyMaxAgeDays).toBe(3650);
  });
  it('a loosened value parsed from a file fails the checks that read it', () => {
    const p = parsePostureParams('accessKeyMaxAgeDays: 730\n', 'org.yaml');
    const { results } = runChecks(
      [accessKeyAge],
      {
        provider: 'aws',
        collectedAt: '2026-11-01T00:00:00Z',
        accounts: ['111122223333'],
        regions: [],
        resources: [],
        gaps: [],
      },
      p,
    );
    expect(results).toMatchObject([
      { status: 'fail', evidence: { param: 'accessKeyMaxAgeDays', value: 730 } },
    ]);
  });
});
