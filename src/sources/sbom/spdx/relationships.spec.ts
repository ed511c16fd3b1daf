/**
 * Which package is the asset (§6 documentDescribes, §11 DESCRIBES / DESCRIBED_BY), and the
 * dependency/containment edges that leave the document, reported rather than lost.
 */
import { describe, expect, it } from 'vitest';
import { pkg, purlRef, runDoc, spdx23 } from './spdx.test-helpers.js';

const withPackages = (packages: unknown, extra: Record<string, unknown> = {}) =>
  runDoc(spdx23({ packages, ...extra }));

describe('described packages and relationships', () => {
  const a = pkg('a', 'app', { versionInfo: '2.0', externalRefs: [purlRef('pkg:npm/app@2.0?x=1')] });
  const b = pkg('b', 'other-app', { externalRefs: [purlRef('pkg:npm/other-app@1.0')] });
  const lib = pkg('lib', 'lib', { externalRefs: [purlRef('pkg:npm/lib@3.1.0')] });
  const rel = (from: string, type: string, to: string) => ({
    spdxElementId: from,
    relationshipType: type,
    relatedSpdxElement: to,
  });

  it('several described packages: the first is the asset, the others are reported', async () => {
    const relationships = [
      rel('SPDXRef-DOCUMENT', 'DESCRIBES', 'SPDXRef-b'),
      rel('SPDXRef-a', 'DEPENDS_ON', 'SPDXRef-lib'),
    ];
    const r = await withPackages([a, b, lib], { documentDescribes: ['SPDXRef-a'], relationships });
    expect(r.asset).toEqual({
      externalId: 'spdx:pkg:npm/app',
      name: 'app',
      kind: 'other',
      version: '2.0',
      tags: {},
    });
    expect(r.components.map((c) => c.ref)).toEqual(['SPDXRef-lib']);
    expect(r.rejected).toEqual([
      {
        ref: 'SPDXRef-b',
        reason: 'also described by the document; only the first described package (SPDXRef-a) is the asset',
      },
    ]);
  });

  it('DESCRIBED_BY names the subject too; edges leaving the document are reported once', async () => {
    const relationships = [
      rel('SPDXRef-a', 'DESCRIBED_BY', 'SPDXRef-DOCUMENT'),
      rel('SPDXRef-a', 'DEPENDS_ON', 'DocumentRef-base:SPDXRef-openssl'),
      rel('SPDXRef-lib', 'DEPENDENCY_OF', 'DocumentRef-base:SPDXRef-openssl'),
      rel('SPDXRef-a', 'CONTAINS', 'SPDXRef-ghost'),
      rel('SPDXRef-a', 'OTHER', 'SPDXRef-elsewhere'), // not a dependency edge: not checked
      rel('SPDXRef-a', 'CONTAINS', 'NOASSERTION'),
    ];
    const r = await withPackages([a, lib], { relationships });
    expect(r.asset.name).toBe('app');
    const tail =
      'not an element of this document (an external SPDX document, or a dangling id); its packages are not imported';
    expect(r.rejected).toEqual([
      { ref: 'DocumentRef-base:SPDXRef-openssl', reason: `DEPENDS_ON at /relationships/1: ${tail}` },
      { ref: 'SPDXRef-ghost', reason: `CONTAINS at /relationships/3: ${tail}` },
    ]);
  });

  it('a described id that is not in the document is reported', async () => {
    const r = await withPackages([lib], { documentDescribes: ['SPDXRef-missing'] });
    expect(r.asset.externalId).toBe('spdx:app-sbom');
    expect(r.components).toHaveLength(1);
    expect(r.rejected).toEqual([
      { ref: 'SPDXRef-missing', reason: expect.stringMatching(/^described element: not an element/) },
    ]);
  });
});
