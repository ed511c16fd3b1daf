import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileApprovedSoftware, parseApprovedSoftware, purlIdentity } from './approved-software.js';
import { isAppError } from './errors.js';

const policy = parseApprovedSoftware(
  {
    version: 1,
    approved: [
      { purl: 'pkg:apk/alpine/*', reason: 'distro packages are patched by the OS baseline' },
      { purl: 'pkg:npm/express', kinds: ['application'] },
      { name: 'openssl*' },
    ],
  },
  'approved.yaml',
);
const judge = compileApprovedSoftware(policy);

describe('approved-software policy', () => {
  it('defaults to governing hosts and medical devices', () => {
    expect(policy.appliesTo).toEqual(['host', 'medical-device']);
    expect(judge.governs('host')).toBe(true);
    expect(judge.governs('application')).toBe(false);
  });

  it('approves by purl pattern at any version, by name pattern, and per asset kind', () => {
    expect(judge.approves('host', { purl: 'pkg:apk/alpine/musl@1.1.14-r10?arch=x86_64', name: 'musl' })).toBe(
      0,
    );
    expect(judge.approves('host', { purl: 'pkg:deb/debian/openssl-libs@3.0', name: 'openssl-libs' })).toBe(2);
    expect(judge.approves('application', { purl: 'pkg:npm/express@4.17.1', name: 'express' })).toBe(1);
    expect(judge.approves('host', { purl: 'pkg:npm/express@4.17.1', name: 'express' })).toBe(-1);
    expect(judge.approves('host', { purl: 'pkg:generic/teamviewer@15.2', name: 'teamviewer' })).toBe(-1);
  });

  it('treats regular-expression characters in patterns literally', () => {
    const p = compileApprovedSoftware(
      parseApprovedSoftware({ version: 1, approved: [{ name: 'g++' }] }, 'p.yaml'),
    );
    expect(p.approves('host', { purl: 'pkg:deb/debian/g%2B%2B@12', name: 'g++' })).toBe(0);
    expect(p.approves('host', { purl: 'pkg:deb/debian/gxx@12', name: 'gxx' })).toBe(-1);
  });

  it.each([
    [{ version: 2, approved: [] }, '/version'],
    [{ version: 1, approved: [{ reason: 'no pattern' }] }, '/approved/0'],
    [{ version: 1, approved: [{ purl: 'npm/express' }] }, '/approved/0/purl'],
    [{ version: 1, approved: [{ name: 'x', kinds: ['laptop'] }] }, '/approved/0/kinds/0'],
    [{ version: 1, approved: [{ name: 'x', typo: true }] }, '/approved/0'],
  ])('an invalid policy names the pointer (%j)', (doc, pointer) => {
    try {
      parseApprovedSoftware(doc, 'approved.yaml');
      expect.unreachable();
    } catch (err) {
      expect(isAppError(err, 'INPUT_SCHEMA')).toBe(true);
      expect(isAppError(err) && err.details).toMatchObject({ file: 'approved.yaml', pointer });
    }
  });

  it('a rule written from a component’s own identity always approves it, at any version', () => {
    const seg = fc.stringMatching(/^[a-z0-9][a-z0-9.+-]{0,15}$/);
    fc.assert(
      fc.property(fc.constantFrom('deb', 'rpm', 'npm', 'pypi'), seg, seg, seg, (type, ns, name, version) => {
        const purl = `pkg:${type}/${ns}/${name}@${version}?arch=x86_64`;
        const p = compileApprovedSoftware(
          parseApprovedSoftware({ version: 1, approved: [{ purl: purlIdentity(purl) }] }, 'p.yaml'),
        );
        expect(p.approves('host', { purl, name })).toBe(0);
        expect(p.approves('host', { purl: `pkg:${type}/${ns}/${name}x@${version}`, name: `${name}x` })).toBe(
          -1,
        );
      }),
    );
  });
});
