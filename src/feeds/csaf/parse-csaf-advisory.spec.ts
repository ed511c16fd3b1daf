/**
 * Synthetic CSAF 2.0 documents (the ICSMA files carry no helpers, relationships, groups, flags or
 * non-affected statuses): normalisation, errors with pointers, the four ways a device is
 * recognised, and suppression by a VEX-profile document.
 */
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../core/errors.js';
import { matchDevices } from './match-devices.js';
import { parseCsafAdvisory } from './parse-csaf-advisory.js';

const FILE = 'synthetic.csaf.json';
const doc = (over: Record<string, unknown> = {}) => ({
  document: {
    category: 'csaf_vex',
    csaf_version: '2.0',
    title: 'Example pump advisory',
    publisher: { name: 'Example Vendor PSIRT', category: 'vendor' },
    tracking: {
      id: 'EX-2024-001',
      version: '2',
      status: 'final',
      initial_release_date: '2024-01-01T00:00:00Z',
      current_release_date: '2024-02-01T00:00:00Z',
    },
  },
  product_tree: {
    branches: [
      {
        category: 'vendor',
        name: 'Example Medical',
        branches: [
          {
            category: 'product_name',
            name: 'Pump 9',
            branches: [
              {
                category: 'product_version_range',
                name: 'vers:generic/<4.2.1',
                product: {
                  name: 'Pump 9 < 4.2.1',
                  product_id: 'P9-OLD',
                  product_identification_helper: { model_numbers: ['P9-*'] },
                },
              },
              {
                category: 'product_version',
                name: '4.2.1',
                product: {
                  name: 'Pump 9 4.2.1',
                  product_id: 'P9-FIXED',
                  product_identification_helper: { model_numbers: ['P9-*'] },
                },
              },
            ],
          },
          {
            category: 'product_name',
            name: 'Gateway',
            branches: [
              {
                category: 'product_version',
                name: '2.0',
                product: {
                  name: 'Gateway 2.0',
                  product_id: 'GW-2',
                  product_identification_helper: { cpe: 'cpe:2.3:h:example:gateway:2.0:*:*:*:*:*:*:*' },
                },
              },
            ],
          },
        ],
      },
    ],
    full_product_names: [
      {
        name: 'libfoo 1.2.3',
        product_id: 'LIBFOO',
        product_identification_helper: { purl: 'pkg:generic/example/libfoo@1.2.3' },
      },
    ],
    product_groups: [{ group_id: 'G-ALL-PUMPS', product_ids: ['P9-OLD', 'P9-FIXED'] }],
    relationships: [
      {
        category: 'installed_on',
        product_reference: 'LIBFOO',
        relates_to_product_reference: 'GW-2',
        full_product_name: { name: 'libfoo 1.2.3 on Gateway 2.0', product_id: 'LIBFOO-ON-GW' },
      },
    ],
  },
  vulnerabilities: [
    {
      cve: 'CVE-2024-0001',
      cwe: { id: 'CWE-798', name: 'Use of Hard-coded Credentials' },
      product_status: { known_affected: ['P9-OLD', 'GW-2', 'LIBFOO-ON-GW'], fixed: ['P9-FIXED'] },
      remediations: [
        {
          category: 'vendor_fix',
          details: 'Update to 4.2.1',
          url: 'https://example.com/fix',
          group_ids: ['G-ALL-PUMPS'],
        },
        { category: 'mitigation', details: 'Segment the network' },
      ],
      scores: [
        {
          products: ['P9-OLD'],
          cvss_v3: {
            version: '3.1',
            vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
            baseScore: 9.8,
            baseSeverity: 'CRITICAL',
          },
        },
      ],
    },
    {
      cve: 'CVE-2024-0002',
      product_status: { known_not_affected: ['P9-OLD'], recommended: ['P9-FIXED'] },
      flags: [{ label: 'vulnerable_code_not_present', product_ids: ['P9-OLD'] }],
    },
  ],
  ...over,
});

describe('parseCsafAdvisory', () => {
  const a = parseCsafAdvisory(doc(), FILE);

  it('keeps the document facts', () => {
    expect(a).toMatchObject({
      id: 'EX-2024-001',
      title: 'Example pump advisory',
      category: 'csaf_vex',
      publisher: 'Example Vendor PSIRT',
      trackingVersion: '2',
      trackingStatus: 'final',
      initialReleaseDate: '2024-01-01T00:00:00Z',
      currentReleaseDate: '2024-02-01T00:00:00Z',
      rejected: [],
    });
    expect(a.cves.map((c) => c.cve)).toEqual(['CVE-2024-0001', 'CVE-2024-0002']);
  });

  it('normalises each product_status entry with branch path, spec, helpers, scoped remediations', () => {
    const [old, gw, lib, fixed] = a.cves[0]?.products ?? [];
    expect(old).toMatchObject({
      productId: 'P9-OLD',
      vendor: 'Example Medical',
      product: 'Pump 9',
      versionSpec: {
        kind: 'range',
        constraints: [{ op: '<', version: '4.2.1' }],
        text: 'vers:generic/<4.2.1',
      },
      versionSource: 'product_version_range',
      modelNumbers: ['P9-*'],
      status: 'known_affected',
      pointer: '/vulnerabilities/0/product_status/known_affected/0',
    });
    // The group-scoped fix names the pump; the unscoped mitigation applies to every product.
    expect(old?.remediations.map((r) => r.category)).toEqual(['vendor_fix', 'mitigation']);
    expect(gw?.remediations.map((r) => r.category)).toEqual(['mitigation']);
    expect(gw?.cpe).toBe('cpe:2.3:h:example:gateway:2.0:*:*:*:*:*:*:*');
    // installed_on: the library carries the vulnerability; the platform is recorded.
    expect(lib).toMatchObject({
      purl: 'pkg:generic/example/libfoo@1.2.3',
      relationship: { category: 'installed_on', relatesTo: 'Gateway 2.0' },
    });
    expect(lib?.versionSource).toBe('none');
    expect(fixed).toMatchObject({
      productId: 'P9-FIXED',
      status: 'fixed',
      versionSpec: { kind: 'exact', versions: ['4.2.1'] },
    });
    expect(a.cves[0]?.cwe).toEqual({ id: 'CWE-798', name: 'Use of Hard-coded Credentials' });
    expect(a.cves[0]?.cvss).toEqual([
      {
        version: '3.1',
        vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
        baseScore: 9.8,
        baseSeverity: 'CRITICAL',
        productIds: ['P9-OLD'],
      },
    ]);
    expect(a.cves[1]?.products[0]?.flags).toEqual(['vulnerable_code_not_present']);
  });

  it('keeps the VEX reader statements for a csaf_vex document', () => {
    expect(a.vexStatements?.map((s) => `${s.vulnerability} ${s.status} ${s.products[0]?.id}`)).toContain(
      'CVE-2024-0002 not_affected P9-OLD',
    );
    expect(
      parseCsafAdvisory(doc({ document: { ...doc().document, category: 'csaf_security_advisory' } }), FILE)
        .vexStatements,
    ).toBeUndefined();
  });

  it('rejects, with pointers, an unknown product id and an unknown status list; the rest reads', () => {
    const bad = doc({
      vulnerabilities: [
        {
          cve: 'CVE-2024-0009',
          product_status: { known_affected: ['NOPE', 'GW-2'], affected_maybe: ['GW-2'] },
        },
        { title: 'no id' },
      ],
    });
    const r = parseCsafAdvisory(bad, FILE);
    expect(r.cves[0]?.products.map((p) => p.productId)).toEqual(['GW-2']);
    expect(r.rejected).toEqual([
      {
        ref: '/vulnerabilities/0/product_status/known_affected/0',
        reason: 'CVE-2024-0009: product id "NOPE" is not defined in product_tree (CSAF 6.1.1)',
      },
      {
        ref: '/vulnerabilities/0/product_status/affected_maybe',
        reason: 'CVE-2024-0009: "affected_maybe" is not a CSAF 2.0 product_status list',
      },
      { ref: '/vulnerabilities/1', reason: 'the vulnerability has neither cve nor ids' },
    ]);
  });

  it.each([
    [{ vulnerabilities: [{ cve: 7 }] }, 'INPUT_SCHEMA', '/vulnerabilities/0/cve'],
    [
      { document: { ...doc().document, tracking: { id: 'x' } } },
      'INPUT_SCHEMA',
      '/document/tracking/version',
    ],
    [
      { document: { ...doc().document, csaf_version: '2.1' } },
      'INPUT_UNSUPPORTED_SPEC',
      '/document/csaf_version',
    ],
    [
      {
        product_tree: {
          full_product_names: [
            { name: 'a', product_id: 'X' },
            { name: 'b', product_id: 'X' },
          ],
        },
      },
      'INPUT_SCHEMA',
      '/product_tree/full_product_names/1/product_id',
    ],
  ])('throws %#: %s at the pointer', (over, code, pointer) => {
    try {
      parseCsafAdvisory(doc(over), FILE);
      expect.unreachable();
    } catch (err) {
      expect(isAppError(err)).toBe(true);
      if (isAppError(err))
        expect([err.code, err.details.file, err.details.pointer]).toEqual([code, FILE, pointer]);
    }
  });
});

describe('matchDevices: how, confidence and suppression', () => {
  const a = parseCsafAdvisory(doc(), FILE);
  const run = (device: Parameters<typeof matchDevices>[1][number]) => matchDevices(a, [device]);

  it('model-number (wildcard P9-*) with the vendor, range confidence below 4.2.1', () => {
    const r = run({ externalId: 'd1', manufacturer: 'EXAMPLE  medical', model: 'P9-200', version: '4.1.9' });
    expect(r.matches.map((m) => [m.cve, m.productId, m.how, m.confidence])).toEqual([
      ['CVE-2024-0001', 'P9-OLD', 'model-number', 'range'],
    ]);
    expect(r.matches[0]?.remediations.map((x) => x.url ?? x.details)).toEqual([
      'https://example.com/fix',
      'Segment the network',
    ]);
  });

  it('a model number of another vendor is not a match', () => {
    expect(
      run({ externalId: 'd2', manufacturer: 'Other Corp', model: 'P9-200', version: '4.1.9' }).matches,
    ).toEqual([]);
  });

  it('fixed and known_not_affected give non-matches with the reason, flags and VEX statement', () => {
    const fixed = run({
      externalId: 'd3',
      manufacturer: 'Example Medical',
      model: 'Pump 9',
      version: '4.2.1',
    });
    expect(fixed.matches).toEqual([]);
    expect(fixed.nonMatches.map((n) => [n.cve, n.productId, n.reason, n.confidence])).toEqual([
      ['CVE-2024-0001', 'P9-OLD', 'version-outside', 'range'],
      ['CVE-2024-0001', 'P9-FIXED', 'fixed', 'exact'],
      ['CVE-2024-0002', 'P9-FIXED', 'recommended', 'exact'],
    ]);
    const old = run({ externalId: 'd4', manufacturer: 'Example Medical', model: 'Pump 9', version: '4.0' });
    const na = old.nonMatches.find((n) => n.cve === 'CVE-2024-0002');
    expect(na).toMatchObject({
      reason: 'not-affected',
      vexStatus: 'not_affected',
      justification: 'vulnerable_code_not_present',
    });
    expect(na?.statement?.justification).toBe('vulnerable_code_not_present');
    expect(old.matches.map((m) => [m.cve, m.how])).toEqual([['CVE-2024-0001', 'vendor-model-version']]);
  });

  it('cpe: vendor:product equal, version pinned by the CPE', () => {
    const hit = run({ externalId: 'd5', cpes: ['cpe:2.3:h:EXAMPLE:gateway:2.0:*:*:*:*:*:*:*'] });
    expect(hit.matches.map((m) => [m.productId, m.how, m.confidence])).toEqual([['GW-2', 'cpe', 'exact']]);
    const miss = run({ externalId: 'd6', cpes: ['cpe:2.3:h:example:gateway:2.1:*:*:*:*:*:*:*'] });
    expect(miss.matches).toEqual([]);
    expect(miss.nonMatches[0]).toMatchObject({ productId: 'GW-2', reason: 'version-outside' });
  });

  it('purl: a component with the helper purl (installed_on relationship), version pinned', () => {
    const r = run({ externalId: 'd7', components: [{ purl: 'pkg:generic/Example/libfoo@1.2.3' }] });
    expect(r.matches.map((m) => [m.productId, m.how, m.confidence])).toEqual([
      ['LIBFOO-ON-GW', 'purl', 'exact'],
    ]);
  });

  it('purl: a pkg:generic/<vendor>/<product> component matches by branch names', () => {
    const r = run({ externalId: 'd8', components: [{ purl: 'pkg:generic/example-medical/pump-9@4.0.0' }] });
    expect(r.matches.map((m) => [m.productId, m.how, m.confidence])).toEqual([['P9-OLD', 'purl', 'range']]);
  });

  it('a device without a version is a model-only match, with the reason', () => {
    const r = run({ externalId: 'd9', manufacturer: 'Example Medical', model: 'Pump 9' });
    expect(r.matches[0]).toMatchObject({
      productId: 'P9-OLD',
      confidence: 'model-only',
      reason: 'the device has no version',
    });
  });
});
