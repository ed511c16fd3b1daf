import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CloudSnapshot } from '../core/cloud.js';
import { AWS_SERVICES } from '../sources/cloud/aws/collectors.js';
import { SEVERITIES } from './check.js';
import { DEFAULT_PARAMS } from './params.js';
import { POSTURE_CHECKS } from './registry.js';

const checkDir = (provider: string, id = '') =>
  fileURLToPath(new URL(`./checks/${provider}/${id}`, import.meta.url));

// The parameters a check's own sources read (`params.x`), as the contract for `check.params`.
const readsParams = (provider: string, id: string) => {
  const names = new Set<string>();
  for (const f of readdirSync(checkDir(provider, id)).filter(
    (n) => n.endsWith('.ts') && !n.includes('.spec.'),
  )) {
    for (const m of readFileSync(`${checkDir(provider, id)}/${f}`, 'utf8').matchAll(/\bparams\.(\w+)/g))
      if (m[1] !== undefined && m[1] in DEFAULT_PARAMS) names.add(m[1]);
  }
  return [...names].sort();
};

const folders = (provider: string) =>
  readdirSync(fileURLToPath(new URL(`./checks/${provider}/`, import.meta.url)), { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_'))
    .map((d) => d.name)
    .sort();

// 45 CFR Part 164 Subpart C paragraphs: 164.308 … 164.316 with their (a)(1)(ii)(A)-style parts.
const CITATION = /^164\.3(0[6-9]|1[0-6])(\([a-z0-9]+\))+$/i;

// Each provider's remediation speaks its own tools (AWS Terraform may say why it cannot help:
// root MFA is set in the console).
const TOOLS = {
  aws: { cli: /\baws /, terraform: /\S/ },
  azure: { cli: /\baz /, terraform: /azurerm_|azuread_/ },
} as const;

const empty = (provider: 'aws' | 'azure'): CloudSnapshot => ({
  provider,
  collectedAt: '2026-11-01T00:00:00.000Z',
  accounts: [],
  regions: [],
  resources: [],
  gaps: [],
});

describe('posture check registry (contract)', () => {
  it('registers every check folder exactly once, id equal to its folder', () => {
    for (const provider of ['aws', 'azure'] as const) {
      const ids = POSTURE_CHECKS.filter((c) => c.provider === provider)
        .map((c) => c.id)
        .sort();
      expect(ids).toEqual(folders(provider));
    }
    expect(new Set(POSTURE_CHECKS.map((c) => c.id)).size).toBe(POSTURE_CHECKS.length);
  });

  it.each(POSTURE_CHECKS.map((c) => [c.id, c] as const))(
    '%s has complete metadata and HIPAA citations',
    (_id, c) => {
      expect(c.title.length).toBeGreaterThan(10);
      expect(SEVERITIES).toContain(c.severity);
      expect(c.citations.length).toBeGreaterThan(0);
      for (const cite of c.citations) expect(cite).toMatch(CITATION);
      expect(c.risk.length).toBeGreaterThan(20);
      expect(c.remediation.text.length).toBeGreaterThan(20);
      expect(c.remediation.cli).toMatch(TOOLS[c.provider].cli);
      expect(c.remediation.terraform).toMatch(TOOLS[c.provider].terraform);
      expect(c.evaluate(empty(c.provider), DEFAULT_PARAMS)).toEqual([]);
    },
  );

  // An account whose every service was left out (or refused): nothing is known, so no check may
  // pass or fail anything — absence of data is not absence of trails, detectors or settings.
  it.each(POSTURE_CHECKS.filter((c) => c.provider === 'aws').map((c) => [c.id, c] as const))(
    '%s neither passes nor fails an account it could not read',
    (_id, c) => {
      const account = '111122223333';
      const unread: CloudSnapshot = {
        ...empty('aws'),
        accounts: [account],
        regions: ['us-east-1'],
        gaps: AWS_SERVICES.flatMap((service) =>
          ['global', 'us-east-1'].map((region) => ({
            provider: 'aws' as const,
            account,
            region,
            service,
            reason: 'not collected (--service left it out)',
            skipped: true as const,
          })),
        ),
      };
      const verdicts = c
        .evaluate(unread, DEFAULT_PARAMS)
        .filter((r) => r.status === 'pass' || r.status === 'fail');
      expect(verdicts).toEqual([]);
    },
  );

  it.each(POSTURE_CHECKS.map((c) => [c.id, c] as const))(
    '%s declares exactly the parameters it reads (so guardrails reach it)',
    (id, c) => {
      expect([...(c.params ?? [])].sort()).toEqual(readsParams(c.provider, id));
    },
  );
});
