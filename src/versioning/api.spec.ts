import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.js';
import {
  baseEcosystem,
  compareVersions,
  parseVersion,
  SCHEMES,
  schemeForEcosystem,
  supportedEcosystems,
} from './api.js';
import { ECOSYSTEM_SCHEMES } from './ecosystems.js';

const here = new URL('./', import.meta.url);
const schemeFolders = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(new URL(`${d.name}/index.ts`, here)))
  .map((d) => d.name)
  .sort();

describe('versioning registry contract', () => {
  it('registers every folder that has an index.ts, and nothing else', () => {
    expect(schemeFolders.length).toBeGreaterThanOrEqual(3);
    expect(Object.keys(SCHEMES).sort()).toEqual(schemeFolders);
  });

  it.each(Object.entries(SCHEMES))('%s: id equals its folder and key', (key, scheme) => {
    expect(scheme.id).toBe(key);
    expect(schemeFolders).toContain(scheme.id);
  });

  it.each(Object.entries(SCHEMES))(
    '%s: has a spec and a readme.md naming its reference tool',
    (key, scheme) => {
      expect(existsSync(new URL(`${key}/index.spec.ts`, here))).toBe(true);
      const readme = readFileSync(new URL(`${key}/readme.md`, here), 'utf8');
      expect(scheme.reference.length).toBeGreaterThan(0);
      expect(readme).toContain(scheme.reference);
      expect(readme).toMatch(/osv-scalibr/); // where the generated oracle fixtures come from
    },
  );

  it('ecosystems.ts only references registered scheme ids', () => {
    for (const [ecosystem, id] of Object.entries(ECOSYSTEM_SCHEMES)) {
      expect(Object.keys(SCHEMES), ecosystem).toContain(id);
    }
  });

  it('every registered scheme is reachable from at least one ecosystem', () => {
    expect(new Set(Object.values(ECOSYSTEM_SCHEMES))).toEqual(new Set(Object.keys(SCHEMES)));
  });
});

describe('ecosystem lookup', () => {
  it.each([
    ['npm', 'npm'],
    ['PyPI', 'pypi'],
    ['Go', 'go'],
    ['PyPI:extra', 'pypi'],
    ['Go:stdlib:x', 'go'],
    ['Debian:12', 'dpkg'],
    ['Ubuntu:22.04:LTS', 'dpkg'],
    ['Alpine:v3.20', 'apk'],
    ['AlmaLinux:9', 'rpm'],
    ['Maven', 'maven'],
    ['crates.io', 'semver'],
  ])('%s → %s', (ecosystem, id) => {
    expect(schemeForEcosystem(ecosystem)?.id).toBe(id);
  });

  it.each(['GitHub Actions', 'Bitnami', 'pypi', 'NPM', '', ':npm', 'toString', '__proto__'])(
    "%j has no scheme (case and spelling are OSV's exactly)",
    (ecosystem) => {
      expect(schemeForEcosystem(ecosystem)).toBeUndefined();
    },
  );

  it('strips the OSV `:suffix`', () => {
    expect(baseEcosystem('Ubuntu:22.04:LTS')).toBe('Ubuntu');
    expect(baseEcosystem('Debian:12')).toBe('Debian');
    expect(baseEcosystem('npm')).toBe('npm');
  });

  it('lists supported ecosystems', () => {
    expect(supportedEcosystems()).toEqual(Object.keys(ECOSYSTEM_SCHEMES).sort());
    expect(supportedEcosystems()).toEqual(
      expect.arrayContaining(['Go', 'PyPI', 'npm', 'AlmaLinux', 'RubyGems']),
    );
  });
});

describe('compareVersions / parseVersion', () => {
  it('orders with the ecosystem scheme', () => {
    expect(compareVersions('npm', '1.0.0-rc.1', '1.0.0')).toBe(-1);
    expect(compareVersions('PyPI', '1.0.post1', '1.0')).toBe(1);
    expect(compareVersions('Go', 'v1.2', '1.2.0+incompatible')).toBe(0);
    expect(parseVersion('PyPI', '1.0-1')).toMatchObject({ post: '1' });
  });

  it('throws ECOSYSTEM_UNSUPPORTED for an ecosystem without a scheme', () => {
    const err = catchError(() => compareVersions('GitHub Actions', '1', '2'));
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'ECOSYSTEM_UNSUPPORTED', details: { ecosystem: 'GitHub Actions' } });
    expect(catchError(() => parseVersion('Bitnami', '1'))).toMatchObject({ code: 'ECOSYSTEM_UNSUPPORTED' });
  });

  it('throws VERSION_INVALID naming the version, never a default order', () => {
    for (const [ecosystem, bad] of [
      ['npm', '1.2'],
      ['PyPI', '1.0+'],
      ['Go', '1.2.3.4'],
    ] as const) {
      const err = catchError(() => compareVersions(ecosystem, '1.0.0', bad));
      expect(err).toMatchObject({ code: 'VERSION_INVALID', details: { ecosystem, version: bad } });
      expect((err as AppError).details.reason).toEqual(expect.any(String));
      expect(catchError(() => parseVersion(ecosystem, bad))).toMatchObject({ code: 'VERSION_INVALID' });
    }
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}
