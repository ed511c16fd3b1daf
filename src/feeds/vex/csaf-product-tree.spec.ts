/**
 * CSAF §3.2.2 product tree: relationship chains nest as product/subcomponent, cycles (6.1.3) are
 * rejected per statement, duplicate product ids (6.1.2) fail the document with a pointer.
 */
import { describe, expect, it } from 'vitest';
import { parseCsafVex } from './parse-csaf-vex.js';
import { appErrorOf, csafDocument } from './vex-data.test-helpers.js';

describe('CSAF product tree', () => {
  it('relationships nest ("lib in (app on platform)"); a cycle is rejected (CSAF 6.1.3)', () => {
    const rel = (id: string, category: string, inner: string, outer: string) => ({
      category,
      product_reference: inner,
      relates_to_product_reference: outer,
      full_product_name: { product_id: id, name: id },
    });
    const doc = csafDocument([{ cve: 'CVE-1', product_status: { fixed: ['LIB-IN-APP-ON-OS', 'C1'] } }], {
      full_product_names: [
        { product_id: 'LIB', name: 'lib', product_identification_helper: { purl: 'pkg:npm/lib@1' } },
        { product_id: 'APP', name: 'app', product_identification_helper: { purl: 'pkg:npm/app@2' } },
        { product_id: 'OS', name: 'os', product_identification_helper: { cpe: 'cpe:/o:acme:os:9' } },
      ],
      relationships: [
        rel('APP-ON-OS', 'installed_on', 'APP', 'OS'),
        rel('LIB-IN-APP-ON-OS', 'default_component_of', 'LIB', 'APP-ON-OS'),
        rel('C1', 'default_component_of', 'LIB', 'C2'),
        rel('C2', 'default_component_of', 'APP', 'C1'),
      ],
    });
    const { statements, rejected } = parseCsafVex(doc, 'nest.json');
    expect(statements[0]?.products).toEqual([
      {
        id: 'LIB-IN-APP-ON-OS',
        name: 'LIB-IN-APP-ON-OS',
        cpe: 'cpe:/o:acme:os:9',
        subcomponents: [
          {
            id: 'APP',
            name: 'app',
            purl: 'pkg:npm/app@2',
            subcomponents: [{ id: 'LIB', name: 'lib', purl: 'pkg:npm/lib@1' }],
          },
        ],
      },
    ]);
    expect(rejected).toEqual([
      {
        ref: '/vulnerabilities/0/product_status/fixed/1',
        reason: 'CVE-1: product id "C1" is defined in a cycle (CSAF 6.1.3)',
      },
    ]);
  });

  it('a product id defined twice is INPUT_SCHEMA at the second definition (CSAF 6.1.2)', async () => {
    const doc = csafDocument([], {
      relationships: [
        {
          category: 'default_component_of',
          product_reference: 'P1',
          relates_to_product_reference: 'P2',
          full_product_name: { product_id: 'P1', name: 'again' },
        },
      ],
    });
    const err = await appErrorOf(() => parseCsafVex(doc, 'dup.json'));
    expect(err.code).toBe('INPUT_SCHEMA');
    expect(err.details.pointer).toBe('/product_tree/relationships/0/full_product_name/product_id');
  });
});
