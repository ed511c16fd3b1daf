/**
 * Every real OSV record in shared/data must parse; concrete facts are pinned per source. See the
 * READMEs beside the data for provenance (upstream repository and commit of each folder).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Advisory } from '../../core/advisory.js';
import { AppError } from '../../core/errors.js';
import { parseJsonText } from '../../core/structured-input.js';
import { dataPath, tempTree } from './osv-data.test-helpers.js';
import { isPackageless, parseOsvRecord } from './parse-record.js';
import { type AdvisoryReadResult, readAdvisories } from './read-advisories.js';
import { buildZip } from './zip-writer.test-helpers.js';

const reads = new Map<string, Promise<AdvisoryReadResult>>();
function read(folder: string): Promise<AdvisoryReadResult> {
  const cached = reads.get(folder);
  if (cached) return cached;
  const result = readAdvisories(dataPath(folder));
  reads.set(folder, result);
  return result;
}

async function byId(folder: string, id: string): Promise<Advisory> {
  const found = (await read(folder)).records.find((r) => r.advisory.id === id);
  if (!found) throw new Error(`${id} not in ${folder}`);
  return found.advisory;
}

const DOC = 'documentation or licence file, not an advisory';

// folder → records kept, documentation files skipped, duplicate copies skipped.
const FOLDERS: Array<[string, number, string[], number]> = [
  ['osv/pypa-advisory-database', 248, ['LICENSE'], 0],
  ['osv/golang-vulndb', 304, ['LICENSE-data'], 0],
  // AlmaLinux files an advisory covering several releases in each release folder, byte-identical.
  ['osv/almalinux-osv-database', 225, ['LICENSE'], 4],
  ['osv/psf-advisory-database', 132, ['LICENSE'], 0],
  ['ghsa-osv', 48, ['README.md'], 0],
  ['rustsec-osv', 605, ['README.md', 'UPSTREAM_osv_branch_README.md'], 0],
  ['ubuntu-osv', 22, ['README.md'], 0],
];

describe('real OSV data: every record parses', () => {
  it.each(FOLDERS)('%s: %i records', async (folder, count, docs, duplicates) => {
    const { records, skipped } = await read(folder);
    expect(records).toHaveLength(count);
    expect(skipped.filter((s) => s.reason === DOC).map((s) => s.file.split('/').pop())).toEqual(docs);
    expect(skipped.filter((s) => s.reason.startsWith('duplicate id'))).toHaveLength(duplicates);
    expect(skipped).toHaveLength(docs.length + duplicates);
    expect(new Set(records.map((r) => r.advisory.id)).size).toBe(count);
  });

  it('osv.dev all.zip shape: a zip of the Go records reads to the same advisories and digests', async () => {
    const folder = dataPath('osv/golang-vulndb');
    const names = readdirSync(folder).filter((n) => n.endsWith('.json'));
    const zip = buildZip(names.map((name) => ({ name, data: readFileSync(join(folder, name)) })));
    const t = tempTree({ 'all.zip': zip });
    try {
      const fromZip = await readAdvisories(join(t.dir, 'all.zip'));
      const fromFolder = await read('osv/golang-vulndb');
      expect(fromZip.records.map((r) => r.advisory)).toEqual(fromFolder.records.map((r) => r.advisory));
      expect(fromZip.records.map((r) => r.source.sha256)).toEqual(
        fromFolder.records.map((r) => r.source.sha256),
      );
      expect(fromZip.records[0]?.source.file).toBe(`${join(t.dir, 'all.zip')}!${names.sort()[0]}`);
    } finally {
      t.cleanup();
    }
  });
});

describe('real OSV data: pinned facts', () => {
  it('PyPA YAML PYSEC-2024-57 (django): aliases, branch ranges, versions, unquoted timestamp', async () => {
    const a = await byId('osv/pypa-advisory-database', 'PYSEC-2024-57');
    expect(a.aliases).toEqual(['CVE-2024-39329']);
    expect(a.modified).toBe('2024-07-10T11:20:07.604887Z');
    const [entry] = a.affected;
    expect(entry).toMatchObject({ ecosystem: 'PyPI', name: 'django', purl: 'pkg:pypi/django' });
    expect(entry?.ranges).toEqual([
      {
        type: 'ECOSYSTEM',
        events: [{ introduced: '5.0' }, { fixed: '5.0.7' }, { introduced: '4.2' }, { fixed: '4.2.14' }],
      },
    ]);
    // Quoted in the YAML so that "4.2" stays a string, not the number 4.2.
    expect(entry?.versions).toHaveLength(21);
    expect(entry?.versions).toContain('4.2');
  });

  it('PyPA PYSEC-2021-424 keeps an abbreviated GIT commit (the spec asks for full hashes)', async () => {
    const a = await byId('osv/pypa-advisory-database', 'PYSEC-2021-424');
    const git = a.affected.flatMap((e) => e.ranges).find((r) => r.type === 'GIT');
    expect(git?.repo).toBe('https://github.com/matrix-org/synapse');
    expect(git?.events).toContainEqual({ fixed: 'cb35df940a' });
  });

  it('Go: withdrawn records keep `withdrawn`; repo copies carry the zero `modified`', async () => {
    const { records } = await read('osv/golang-vulndb');
    expect(records.filter((r) => r.advisory.withdrawn !== undefined)).toHaveLength(6);
    const w = await byId('osv/golang-vulndb', 'GO-2026-6115');
    expect(w.withdrawn).toBe('2026-08-18T20:22:32Z');
    expect(w.modified).toBe('0001-01-01T00:00:00Z');
    expect(w.summary).toMatch(/^WITHDRAWN:/);
  });

  it('Go GO-2024-2963: two introduced/fixed branches in one SEMVER range', async () => {
    const a = await byId('osv/golang-vulndb', 'GO-2024-2963');
    expect(a.affected[0]).toMatchObject({ ecosystem: 'Go', name: 'stdlib' });
    expect(a.affected[0]?.ranges).toEqual([
      {
        type: 'SEMVER',
        events: [{ introduced: '0' }, { fixed: '1.21.12' }, { introduced: '1.22.0-0' }, { fixed: '1.22.5' }],
      },
    ]);
  });

  it('GHSA-jfh8-c2jp-5v3q (log4shell): three affected entries, CVSS vector and GHSA label', async () => {
    const a = await byId('ghsa-osv', 'GHSA-jfh8-c2jp-5v3q');
    expect(a.aliases).toEqual(['CVE-2021-44228']);
    expect(a.sourceSeverity).toBe('CRITICAL');
    expect(a.severity).toEqual([{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H' }]);
    expect(a.affected.map((e) => [e.ecosystem, e.name, e.ranges])).toEqual(
      [
        ['2.13.0', '2.15.0'],
        ['0', '2.3.1'],
        ['2.4', '2.12.2'],
      ].map(([introduced, fixed]) => [
        'Maven',
        'org.apache.logging.log4j:log4j-core',
        [{ type: 'ECOSYSTEM', events: [{ introduced }, { fixed }] }],
      ]),
    );
  });

  it('GHSA: every record carries its database_specific.severity label', async () => {
    const { records } = await read('ghsa-osv');
    const labels = new Set(records.map((r) => r.advisory.sourceSeverity));
    expect([...labels].sort()).toEqual(['CRITICAL', 'HIGH', 'LOW', 'MODERATE']);
  });

  it('PSF: GIT-only records have no package and can only match by commit', async () => {
    const { records } = await read('osv/psf-advisory-database');
    const entries = records.flatMap((r) => r.advisory.affected);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every(isPackageless)).toBe(true);
    const a = await byId('osv/psf-advisory-database', 'PSF-2007-1');
    expect(a.aliases).toEqual(['CVE-2007-4965']);
    expect(a.affected[0]?.ranges).toEqual([
      {
        type: 'GIT',
        repo: 'https://github.com/python/cpython',
        events: [{ introduced: '0' }, { fixed: '4df1b6d478020ac51c84467f47e42083f53adbad' }],
      },
    ]);
  });

  it('AlmaLinux: release-scoped ecosystem, epoch in the fixed EVR, duplicates reported', async () => {
    const a = await byId('osv/almalinux-osv-database', 'ALSA-2026:3067');
    expect(a.affected[0]).toMatchObject({ ecosystem: 'AlmaLinux:9', name: 'freerdp' });
    expect(a.affected[0]?.ranges[0]?.events).toEqual([{ introduced: '0' }, { fixed: '2:2.11.7-1.el9_7.2' }]);
    const { records, skipped } = await read('osv/almalinux-osv-database');
    // Identical copies tie on `modified`: the first by file name (almalinux10/) is kept.
    const kept = records.find((r) => r.advisory.id === 'ALSA-2026:9689');
    expect(kept?.source.file).toMatch(/almalinux10\/ALSA-2026:9689\.json$/);
    expect(skipped.filter((s) => s.reason.startsWith('duplicate id ALSA-2026:9689'))).toHaveLength(2);
  });

  it('Ubuntu USN: upstream ids and release-scoped ecosystems', async () => {
    const a = await byId('ubuntu-osv', 'USN-6622-1');
    expect(a.upstream).toContain('UBUNTU-CVE-2024-0727');
    expect(a.affected[0]).toMatchObject({ ecosystem: 'Ubuntu:20.04:LTS', name: 'openssl' });
  });

  it('RustSec: withdrawn records are kept with `withdrawn`', async () => {
    const { records } = await read('rustsec-osv');
    expect(records.filter((r) => r.advisory.withdrawn !== undefined)).toHaveLength(5);
  });
});

// ossf/osv-schema tools/osv-linter/testdata: real records plus deliberately broken variants. The
// parser enforces the schema's structure; the linter's other checks need a registry (does the
// package exist?) or are quality lints, and a whole import must not fail on them.
const LINTER: Array<[string, 'accept' | 'reject', string]> = [
  ['CVE-2018-5407.json', 'accept', 'Alpine ranges plus a package-less GIT entry'],
  ['CVE-2023-41045.json', 'accept', 'package-less GIT range with two fixed commits'],
  ['GHSA-9v2f-6vcg-3hgv.json', 'accept', 'versions-only entry; "4.36.-1" is a version matching decides on'],
  ['GO-2020-0001.json', 'accept', 'Go SEMVER range'],
  ['GO-2024-2963.json', 'accept', 'two introduced/fixed branches'],
  ['MAL-2024-10238.json', 'accept', 'malicious-package record, versions only'],
  ['PYSEC-2023-74.json', 'accept', 'GIT and ECOSYSTEM ranges on one package'],
  ['RHSA-2022_0216.json', 'accept', 'no affected: linter A0001 lint, schema-valid, matches nothing'],
  ['SUSE-FU-2022_0444-1.json', 'accept', 'empty affected: same as above'],
  [
    'nondistinct-CVE-2018-5407.json',
    'accept',
    'introduced == fixed is an empty range, not a structural error',
  ],
  [
    'nopackage-GHSA-9v2f-6vcg-3hgv.json',
    'accept',
    '"Gradi0" is absent from PyPI: a registry check, not schema',
  ],
  ['nointroduced-CVE-2023-41045.json', 'reject', 'a range must have an introduced event'],
];

describe('osv-linter testdata: accept or reject per file', () => {
  const dir = dataPath('osv/ossf-osv-schema/osv-linter-testdata/');
  const parse = (name: string) =>
    parseOsvRecord(parseJsonText(readFileSync(join(dir, name), 'utf8'), name), name);

  it('covers every file in the folder', () => {
    expect(readdirSync(dir).sort()).toEqual(LINTER.map(([name]) => name).sort());
  });

  it.each(LINTER)('%s → %s (%s)', (name, verdict) => {
    if (verdict === 'accept') {
      expect(parse(name).id).toBeTruthy();
    } else {
      expect(() => parse(name)).toThrow(AppError);
    }
  });

  it('nointroduced points at the events of the range', () => {
    const err = (() => {
      try {
        parse('nointroduced-CVE-2023-41045.json');
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(err?.details).toMatchObject({
      pointer: '/affected/0/ranges/0/events',
      reason: expect.stringMatching(/introduced/),
    });
  });
});

describe('ghsa-converter and Red Hat outputs', () => {
  const dir = dataPath('osv/ossf-osv-schema/ghsa-converter-testdata/');

  it('every *.osv.json parses; the GitHub REST inputs beside them are not OSV', async () => {
    for (const name of readdirSync(dir)) {
      const value = parseJsonText(readFileSync(join(dir, name), 'utf8'), name);
      if (name.endsWith('.osv.json')) expect(parseOsvRecord(value, name).id).toMatch(/^GHSA-/);
      else expect(() => parseOsvRecord(value, name)).toThrow(/schema/);
    }
    expect(
      parseOsvRecord(parseJsonText(readFileSync(join(dir, 'withdrawn.osv.json'), 'utf8'), 'w'), 'w')
        .withdrawn,
    ).toBe('2018-10-11T17:29:49Z');
  });

  it('RHSA-2024:4546 converted from CSAF keeps the CPE-style ecosystem and epoch', async () => {
    const { records } = await readAdvisories(
      dataPath('osv/ossf-osv-schema/redhat-csaf-to-osv/osv-RHSA-2024_4546.json'),
    );
    const a = records[0]?.advisory;
    expect(a?.affected[0]).toMatchObject({ ecosystem: 'Red Hat:rhel_aus:8.6::appstream', name: 'git-lfs' });
    expect(a?.affected[0]?.ranges[0]?.events).toContainEqual({ fixed: '0:2.13.3-3.el8_6.1' });
  });
});
