import { describe, expect, it } from 'vitest';
import { INPUT } from './fixture.test-helpers.js';
import { toOcsf } from './ocsf.js';
import { OCSF_1_3_0, type OcsfIssue, validateOcsfEvent } from './ocsf-validate.test-helpers.js';

type Obj = Record<string, unknown>;
const DELETE = Symbol('delete');

/**
 * A valid exported event with `changes` applied (JSON Pointer → new value, or DELETE), and what
 * the validator says about it.
 */
function issuesWith(changes: Record<string, unknown>): OcsfIssue[] {
  const [event] = JSON.parse(toOcsf(INPUT)) as Obj[];
  for (const [pointer, value] of Object.entries(changes)) {
    const keys = pointer.split('/').slice(1);
    const last = keys.pop()!;
    const parent = keys.reduce<Obj>((o, k) => o[k] as Obj, event!);
    if (value === DELETE) delete parent[last];
    else parent[last] = value;
  }
  return validateOcsfEvent(event);
}

const paths = (issues: OcsfIssue[]) => issues.map((i) => i.path);

describe('the vendored OCSF 1.3.0 extract', () => {
  const cf = OCSF_1_3_0.classes.compliance_finding!;

  it('is the Compliance Finding class with its category and type ids', () => {
    expect(OCSF_1_3_0.version).toBe('1.3.0');
    expect([cf.uid, cf.category_uid]).toEqual([2003, 2]);
    expect(cf.attributes.type_uid?.enum?.['200301']?.caption).toBe('Compliance Finding: Create');
    expect(cf.attributes.compliance?.requirement).toBe('required');
    expect(cf.attributes.cloud).toMatchObject({ profile: 'cloud', requirement: 'required' });
  });

  it('defines every scalar type its attributes use', () => {
    const defs = [...Object.values(OCSF_1_3_0.classes), ...Object.values(OCSF_1_3_0.objects)];
    const used = defs.flatMap((d) => Object.values(d.attributes).map((a) => a.type));
    for (const t of new Set(used)) {
      if (t !== 'object_t') expect(Object.keys(OCSF_1_3_0.types)).toContain(t);
    }
  });
});

describe('validateOcsfEvent', () => {
  it('accepts an exported event as is', () => {
    expect(issuesWith({})).toEqual([]);
  });

  it('reports a missing required attribute, at any depth', () => {
    expect(paths(issuesWith({ '/finding_info/uid': DELETE }))).toEqual(['/finding_info/uid']);
    expect(paths(issuesWith({ '/compliance': DELETE }))).toEqual(['/compliance']);
    expect(paths(issuesWith({ '/metadata/product/vendor_name': DELETE }))).toEqual([
      '/metadata/product/vendor_name',
    ]);
  });

  it('reports attributes the class or object does not define', () => {
    expect(paths(issuesWith({ '/check_id': 'x' }))).toEqual(['/check_id']);
    expect(paths(issuesWith({ '/compliance/citation': 'x' }))).toEqual(['/compliance/citation']);
    // Prototype names are not attributes either.
    expect(paths(issuesWith({ '/cloud/constructor': 'x' }))).toEqual(['/cloud/constructor']);
  });

  it('allows profile attributes only when metadata.profiles declares the profile', () => {
    const issues = issuesWith({ '/metadata/profiles': DELETE });
    expect(paths(issues)).toEqual(['/resources/0/region', '/resources/0/cloud_partition', '/cloud']);
    expect(issues[2]?.problem).toMatch(/cloud profile/);
    expect(paths(issuesWith({ '/metadata/profiles': ['cloud', 'made_up'] }))).toEqual([
      '/metadata/profiles/1',
    ]);
    // Declaring cloud makes its required attribute required.
    expect(paths(issuesWith({ '/cloud': DELETE }))).toEqual(['/cloud']);
  });

  it('checks dictionary types, arrays and object types', () => {
    expect(paths(issuesWith({ '/time': '2026-01-02T04:00:00Z' }))).toEqual(['/time']);
    expect(paths(issuesWith({ '/time': 1.5 }))).toEqual(['/time']);
    expect(paths(issuesWith({ '/count': 2 ** 31 }))).toEqual(['/count']); // integer_t is 32-bit
    expect(paths(issuesWith({ '/message': 42 }))).toEqual(['/message']);
    expect(paths(issuesWith({ '/message': null }))).toEqual(['/message']);
    expect(paths(issuesWith({ '/compliance/standards': 'HIPAA' }))).toEqual(['/compliance/standards']);
    expect(paths(issuesWith({ '/compliance/control': ['a'] }))).toEqual(['/compliance/control']);
    expect(paths(issuesWith({ '/compliance/requirements': ['ok', 7] }))).toEqual([
      '/compliance/requirements/1',
    ]);
    expect(paths(issuesWith({ '/cloud': 'AWS' }))).toEqual(['/cloud']);
  });

  it('checks enum ids and the captions derived from them', () => {
    expect(paths(issuesWith({ '/severity_id': 7 }))).toEqual(['/severity_id']);
    expect(paths(issuesWith({ '/severity': 'Severe' }))).toEqual(['/severity']);
    expect(paths(issuesWith({ '/compliance/status': 'Failed' }))).toEqual(['/compliance/status']);
    expect(paths(issuesWith({ '/class_name': 'Compliance' }))).toEqual(['/class_name']);
    expect(paths(issuesWith({ '/category_name': 'Finding' }))).toEqual(['/category_name']);
    // Other (99) carries the source's own label.
    expect(issuesWith({ '/severity_id': 99, '/severity': 'Severe' })).toEqual([]);
  });

  it('checks the class, category and type arithmetic', () => {
    // 200302 is a Compliance Finding type, but not the one for activity 1.
    expect(paths(issuesWith({ '/type_uid': 200302, '/type_name': 'Compliance Finding: Update' }))).toEqual([
      '/type_uid',
    ]);
    expect(paths(issuesWith({ '/category_uid': 3 }))).toEqual([
      '/category_uid',
      '/category_uid',
      '/class_uid',
    ]);
    expect(validateOcsfEvent({ class_uid: 2001 })).toEqual([
      { path: '/class_uid', problem: '2001 is not a class vendored for OCSF 1.3.0' },
    ]);
    expect(validateOcsfEvent([])).toHaveLength(1);
  });

  it('checks object constraints, deprecations, the declared version and unvendored objects', () => {
    expect(paths(issuesWith({ '/resources': [{ type: 'AWS::S3::Bucket' }] }))).toEqual(['/resources/0']);
    expect(issuesWith({ '/resource': { uid: 'x' } })).toEqual([
      { path: '/resource', problem: expect.stringMatching(/^deprecated since 1\.3\.0/) },
    ]);
    expect(paths(issuesWith({ '/metadata/version': '1.1.0' }))).toEqual(['/metadata/version']);
    expect(issuesWith({ '/observables': [{ name: 'x', type_id: 0 }] })).toEqual([
      { path: '/observables/0', problem: 'object type observable is not vendored, so it cannot be checked' },
    ]);
    // `unmapped` is the generic object: anything goes inside, but it is an object.
    expect(issuesWith({ '/unmapped': { any: [1, { x: null }] } })).toEqual([]);
    expect(paths(issuesWith({ '/unmapped': 'x' }))).toEqual(['/unmapped']);
  });

  it('checks string length and patterns of derived types', () => {
    expect(paths(issuesWith({ '/message': 'x'.repeat(65_536) }))).toEqual(['/message']);
    expect(issuesWith({ '/message': 'x'.repeat(65_535) })).toEqual([]);
    const withDatetime = (value: string) =>
      issuesWith({ '/metadata/profiles': ['cloud', 'datetime'], '/time_dt': value });
    expect(paths(withDatetime('2026-01-02'))).toEqual(['/time_dt']);
    expect(withDatetime('2026-01-02T04:00:00Z')).toEqual([]);
  });
});
