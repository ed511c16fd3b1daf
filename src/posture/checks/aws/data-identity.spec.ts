import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEVERITIES } from '../../check.js';
import { DEFAULT_PARAMS } from '../../params.js';
import { snap } from './_shared/snapshots.test-helpers.js';
import { AWS_DATA_IDENTITY_CHECKS } from './data-identity.js';

const PREFIXES = /^(s3|cloudtrail|kms|rds|iam|elb|logs)-/;
const CITATION = /^164\.3(08|10|12|14|16)(\([a-zA-Z0-9]+\))+$/;

describe('AWS data/identity/logging registry', () => {
  it('registers exactly the prefixed check folders, each id equal to its folder', () => {
    const folders = readdirSync(new URL('.', import.meta.url), { withFileTypes: true })
      .filter((d) => d.isDirectory() && PREFIXES.test(d.name))
      .map((d) => d.name)
      .sort();
    expect(AWS_DATA_IDENTITY_CHECKS.map((c) => c.id).sort()).toEqual(folders);
  });

  it.each(AWS_DATA_IDENTITY_CHECKS.map((c) => [c.id, c] as const))('%s has complete metadata', (_, c) => {
    expect(c.provider).toBe('aws');
    expect(SEVERITIES).toContain(c.severity);
    expect(c.citations.length).toBeGreaterThan(0);
    for (const cite of c.citations) expect(cite).toMatch(CITATION);
    expect(
      c.title && c.risk && c.remediation.text && c.remediation.cli && c.remediation.terraform,
    ).toBeTruthy();
    expect(c.evaluate({ ...snap([]), accounts: [] }, DEFAULT_PARAMS)).toEqual([]);
  });
});
