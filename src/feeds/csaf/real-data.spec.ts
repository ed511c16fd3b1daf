/**
 * The 144 CISA ICSMA advisories and 20 ICSA advisories (shared/data/cisa-csaf-ics): every file
 * parses; product and CVE counts agree with an independent walk of the raw JSON; pinned
 * advisories with different phrasings; the branch's version text cross-checked with the name's.
 */
import { describe, expect, it } from 'vitest';
import { csafAdvisory, csafFiles, csafJson } from './csaf-data.test-helpers.js';
import { matchDevices } from './match-devices.js';
import type { CsafProductEntry } from './types.js';
import { parseVersionPhrase } from './version-phrase.js';
import { describeSpec } from './version-spec.js';

type Raw = {
  product_tree?: { branches?: RawBranch[] };
  vulnerabilities?: Array<{ cve?: string; product_status?: Record<string, string[]> }>;
};
type RawBranch = { product?: { product_id: string }; branches?: RawBranch[] };
const productIds = (bs: RawBranch[] = []): string[] =>
  bs.flatMap((b) => [...(b.product ? [b.product.product_id] : []), ...productIds(b.branches)]);

const icsma = csafFiles('icsma');
const all = (folder: 'icsma' | 'icsa') => csafFiles(folder).map((f) => csafAdvisory(folder, f));
const entries = (folder: 'icsma' | 'icsa') =>
  all(folder).flatMap((a) => a.cves.flatMap((c) => c.products.map((p) => ({ a, p }))));

describe('every ICSMA file', () => {
  it('is there: 144 files', () => expect(icsma).toHaveLength(144));

  it('parses with nothing rejected, as csaf_security_advisory', () => {
    for (const a of all('icsma')) {
      expect(a.rejected, a.file).toEqual([]);
      expect(a.category).toBe('csaf_security_advisory');
      expect(a.id).toMatch(/^ICSMA-\d{2}-\d{3}-\d{2}[A-Z]?$/i);
    }
  });

  it('has the CVEs and product_status entries an independent walk of the raw JSON counts', () => {
    let rawCves = 0;
    let rawEntries = 0;
    let rawProducts = 0;
    for (const f of icsma) {
      const raw = csafJson('icsma', f) as Raw;
      rawCves += (raw.vulnerabilities ?? []).filter((v) => v.cve).length;
      rawEntries += (raw.vulnerabilities ?? []).reduce(
        (n, v) => n + Object.values(v.product_status ?? {}).reduce((m, ids) => m + ids.length, 0),
        0,
      );
      rawProducts += productIds(raw.product_tree?.branches).length;
    }
    const parsed = all('icsma');
    const distinctProducts = new Set(
      parsed.flatMap((a) => a.cves.flatMap((c) => c.products.map((p) => `${a.id}/${p.productId}`))),
    );
    // ICSMA-17-215-01 and -02 each define three products no vulnerability names.
    expect([rawCves, rawEntries, rawProducts]).toEqual([433, 1590, 607]);
    expect(parsed.reduce((n, a) => n + a.cves.length, 0)).toBe(rawCves);
    expect(entries('icsma')).toHaveLength(rawEntries);
    expect(distinctProducts.size).toBe(rawProducts - 6);
  });

  it('has every product under a vendor and product_name branch, all known_affected', () => {
    for (const { a, p } of entries('icsma')) {
      expect(p.vendor, `${a.id} ${p.productId}`).toBeTruthy();
      expect(p.product, `${a.id} ${p.productId}`).toBeTruthy();
      expect(p.status).toBe('known_affected');
    }
  });

  it('reads the version of most entries; the rest are unparsed with a reason (pinned counts)', () => {
    const count = <K extends string>(f: (p: CsafProductEntry) => K) =>
      entries('icsma').reduce<Record<string, number>>((acc, { p }) => {
        acc[f(p)] = (acc[f(p)] ?? 0) + 1;
        return acc;
      }, {});
    expect(count((p) => p.versionSpec.kind)).toEqual({
      all: 512,
      range: 449,
      exact: 244,
      prefix: 52,
      unparsed: 333,
    });
    expect(count((p) => p.versionSource)).toEqual({
      product_version: 845,
      product_version_range: 720,
      name: 25,
    });
    for (const { p } of entries('icsma')) {
      if (p.versionSpec.kind === 'unparsed') expect(p.versionSpec.reason).not.toBe('');
    }
  });
});

describe('pinned ICSMA advisories', () => {
  it('ICSMA-17-017-02 (BD Alaris 8015): "9.7", "<= 9.33" (Versions 9.33 and prior), "<= 9.5"', () => {
    const a = csafAdvisory('icsma', 'icsma-17-017-02.json');
    expect(a).toMatchObject({ id: 'ICSMA-17-017-02', publisher: 'CISA', trackingStatus: 'final' });
    expect(a.cves.map((c) => c.cve)).toEqual(['CVE-2016-8375', 'CVE-2016-9355']);
    const c = a.cves[0];
    expect(c?.cwe).toEqual({ id: 'CWE-522', name: 'Insufficiently Protected Credentials' });
    expect(c?.cvss[0]).toMatchObject({
      baseScore: 4.9,
      vectorString: 'CVSS:3.0/AV:P/AC:H/PR:N/UI:N/S:C/C:H/I:N/A:N',
    });
    expect(
      c?.products.map((p) => [p.vendor, p.product, describeSpec(p.versionSpec), p.versionSource]),
    ).toEqual([
      ['Becton, Dickinson and Company (BD)', 'Alaris 8015 PC unit', '9.7', 'product_version'],
      ['Becton, Dickinson and Company (BD)', 'Alaris 8015 PC unit', '<=9.33', 'product_version_range'],
      ['Becton, Dickinson and Company (BD)', 'Alaris 8015 PC unit', '<=9.5', 'product_version_range'],
    ]);
    expect(c?.products[0]?.remediations).toHaveLength(5);
    expect(c?.products[0]?.remediations[3]?.url).toMatch(/^http:\/\/www\.bd\.com\//);
  });

  it('ICSMA-17-255-01 (Philips IntelliVue MX40): "all versions prior to Version B.06.18" = "< B.06.18"', () => {
    const p = csafAdvisory('icsma', 'icsma-17-255-01.json').cves[0]?.products[0];
    expect(p && describeSpec(p.versionSpec)).toBe('<B.06.18');
    expect(p && parseVersionPhrase(p.name) && describeSpec(parseVersionPhrase(p.name)!)).toBe('<B.06.18');
  });

  it('ICSMA-21-175-01: "Versions 2.5 through 3.11" = ">= 2.5 | <= 3.11"', () => {
    const names = csafAdvisory('icsma', 'icsma-21-175-01.json').cves.flatMap((c) => c.products);
    const xds = names.find((p) => p.name.includes('2.5 through 3.11'));
    expect(xds && describeSpec(xds.versionSpec)).toBe('>=2.5 | <=3.11');
  });

  it('ICSMA-18-128-01 (Silex/GE): unreadable branch text, the name\'s "Version 1.54 and prior" is used', () => {
    const p = csafAdvisory('icsma', 'icsma-18-128-01.json').cves[0]?.products.find(
      (x) => x.product === 'GEH-500',
    );
    expect(p).toMatchObject({
      versionSource: 'name',
      versionSpec: { kind: 'range', constraints: [{ op: '<=', version: '1.54' }] },
      versionNote:
        'product_version_range "<= 1.54 (integrated into GE MobileLink)": "<= 1.54 (integrated into GE MobileLink)" is not a comparator and version',
    });
  });

  it('ICSMA-17-241-01 (Abbott): "manufactured prior to August 28" is a date: unparsed, model-only', () => {
    const p = csafAdvisory('icsma', 'icsma-17-241-01.json').cves[0]?.products[0];
    expect(p?.versionSpec.kind).toBe('unparsed');
  });
});

describe('branch version vs the name wording', () => {
  it('agree wherever both parse, except these CISA transcription differences', () => {
    const norm = (s: string) =>
      s
        .toLowerCase()
        .replace(/\bv(?=\d)/g, '')
        .replace(/\s/g, '');
    const differ: string[] = [];
    let agree = 0;
    const seen = new Set<string>();
    for (const { a, p } of entries('icsma')) {
      const key = `${a.id} ${p.productId}`;
      const phrase = parseVersionPhrase(p.name);
      if (seen.has(key) || !phrase || p.versionSource === 'name' || p.versionSpec.kind === 'unparsed')
        continue;
      seen.add(key);
      if (norm(describeSpec(p.versionSpec)) === norm(describeSpec(phrase))) agree++;
      else differ.push(`${key}: ${describeSpec(p.versionSpec)} / ${describeSpec(phrase)}`);
    }
    expect(agree).toBe(346);
    expect(differ).toEqual([
      'ICSMA-19-120-01 CSAFPID-0001: <=3.01.1744 / <=3.02.1744',
      'ICSMA-19-311-02 CSAFPID-0001: <=1.0.0 / <=1.1.0',
      'ICSMA-20-170-05 CSAFPID-0001: 2.2 / 2.20',
      'ICSMA-20-170-05 CSAFPID-0002: 2.2 / 2.20',
      'ICSMA-21-355-01 CSAFPID-0001: <=D25 / <=vD25',
    ]);
  });
});

describe('ICSA sample (20 files)', () => {
  it('parses every file with nothing rejected', () => {
    expect(csafFiles('icsa')).toHaveLength(20);
    for (const a of all('icsa')) expect(a.rejected, a.file).toEqual([]);
  });

  it('ICSA-24-137-07 (Siemens): model_numbers match a device model; "<V3.0.1.1" reads V as a prefix', () => {
    const a = csafAdvisory('icsa', 'icsa-24-137-07.json');
    const device = (version: string) => ({
      externalId: `d-${version}`,
      manufacturer: 'SIEMENS',
      model: '6GT2780-0DA10',
      version,
    });
    const r = matchDevices(a, [device('V3.0.1'), device('V3.0.1.1')]);
    expect(new Set(r.matches.map((m) => `${m.device} ${m.how} ${m.confidence}`))).toEqual(
      new Set(['d-V3.0.1 model-number range']),
    );
    expect(new Set(r.nonMatches.map((m) => `${m.device} ${m.reason}`))).toEqual(
      new Set(['d-V3.0.1.1 version-outside']),
    );
  });

  it('ICSA-24-256-07: "vers:all/<V4.2" is a vers range', () => {
    const p = csafAdvisory('icsa', 'icsa-24-256-07.json').cves[0]?.products[0];
    expect(p && describeSpec(p.versionSpec)).toBe('<V4.2');
  });
});
