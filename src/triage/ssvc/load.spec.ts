import { describe, expect, it } from 'vitest';
import { appErrorOfSync as errorOf } from '../../core/errors.test-helpers.js';
import {
  parseDecisionPoint,
  parseDecisionPointText,
  parseDecisionTable,
  parseDecisionTableText,
} from './load.js';
import timelinesJson from './tables/cisa_bod_26_04_remediation_timelines_1_0_0.json' with { type: 'json' };
import coordinatorJson from './tables/cisa_coordinator_2_0_3.json' with { type: 'json' };

const FILE = 'coordinator.json';
interface PointDoc {
  version: string;
  values: { key: string; name: string; definition: string }[];
}
type Doc = Record<string, unknown> & {
  mapping: Record<string, string>[];
  decision_points: Record<string, PointDoc>;
};
const fresh = (): Doc => structuredClone(coordinatorJson) as unknown as Doc;

function expectTableError(mutate: (d: Doc) => void, code: string, pointer: string, reason: RegExp | string) {
  const doc = fresh();
  mutate(doc);
  const err = errorOf(() => parseDecisionTable(doc, FILE));
  expect(err.code).toBe(code);
  expect(err.details).toMatchObject({ file: FILE, pointer });
  expect(err.details.reason).toMatch(reason);
}

describe('parseDecisionTable', () => {
  it('reads the CERT/CC coordinator table: ids, inputs in document order, outcome, rows', () => {
    const t = parseDecisionTable(coordinatorJson, FILE);
    expect(t.id).toBe('cisa:DT_CO:2.0.3');
    expect(t.inputs.map((p) => p.id)).toEqual([
      'ssvc:E:1.1.0',
      'ssvc:A:2.0.0',
      'ssvc:TI:1.0.0',
      'ssvc:MWI:1.0.0',
    ]);
    expect(t.outcome.id).toBe('cisa:CISA:1.1.0');
    expect(t.outcome.values.map((v) => v.key)).toEqual(['T', 'T*', 'AT', 'AC']);
    expect(t.rows[0]).toEqual({
      index: 0,
      inputs: { 'ssvc:E:1.1.0': 'N', 'ssvc:A:2.0.0': 'N', 'ssvc:TI:1.0.0': 'P', 'ssvc:MWI:1.0.0': 'L' },
      outcome: 'T',
    });
    expect(t.index.size).toBe(36);
  });

  it('rejects wrong shapes with INPUT_SCHEMA and the pointer', () => {
    expectTableError(
      (d) => delete (d as Record<string, unknown>).mapping,
      'INPUT_SCHEMA',
      '/mapping',
      /expected array/,
    );
    expectTableError((d) => (d.schemaVersion = '1.0.0'), 'INPUT_SCHEMA', '/schemaVersion', /schemaVersion 2/);
    expectTableError(
      (d) => (d.mapping[2]!['ssvc:A:2.0.0'] = 5 as unknown as string),
      'INPUT_SCHEMA',
      '/mapping/2/ssvc:A:2.0.0',
      /string/,
    );
    expectTableError(
      (d) => (d.decision_points['ssvc:A:2.0.0']!.values = []),
      'INPUT_SCHEMA',
      '/decision_points/ssvc:A:2.0.0/values',
      /at least one/,
    );
    expectTableError(
      (d) => (d.decision_points['ssvc:E:1.1.0']!.version = '1.1'),
      'INPUT_SCHEMA',
      '/decision_points/ssvc:E:1.1.0/version',
      /semantic version/,
    );
  });

  it('rejects a mapping value that is not a value of its decision point', () => {
    expectTableError(
      (d) => (d.mapping[3]!['ssvc:A:2.0.0'] = 'maybe'),
      'POLICY_INVALID',
      '/mapping/3/ssvc:A:2.0.0',
      'maybe is not a value of ssvc:A:2.0.0',
    );
  });

  it('rejects a row with a missing or an extra column', () => {
    expectTableError(
      (d) => delete d.mapping[4]!['ssvc:TI:1.0.0'],
      'POLICY_INVALID',
      '/mapping/4',
      'missing ssvc:TI:1.0.0',
    );
    expectTableError(
      (d) => delete d.mapping[4]!['cisa:CISA:1.1.0'],
      'POLICY_INVALID',
      '/mapping/4',
      'missing cisa:CISA:1.1.0',
    );
    expectTableError(
      (d) => (d.mapping[5]!['ssvc:X:1.0.0'] = 'Y'),
      'POLICY_INVALID',
      '/mapping/5/ssvc:X:1.0.0',
      /not a decision point/,
    );
  });

  it('rejects two rows for one combination, naming both', () => {
    expectTableError(
      (d) => (d.mapping[7] = { ...d.mapping[1]!, 'cisa:CISA:1.1.0': 'AC' }),
      'POLICY_INVALID',
      '/mapping/7',
      'same inputs as /mapping/1',
    );
  });

  it('rejects an incomplete table, naming the first missing combination', () => {
    expectTableError(
      (d) => d.mapping.splice(35, 1),
      'POLICY_INVALID',
      '/mapping',
      'covers 35 of 36 combinations; missing ssvc:E:1.1.0=A, ssvc:A:2.0.0=Y, ssvc:TI:1.0.0=T, ssvc:MWI:1.0.0=H',
    );
  });

  it('rejects an outcome that is not one of its decision points', () => {
    expectTableError((d) => (d.outcome = 'cisa:CISA:9.9.9'), 'POLICY_INVALID', '/outcome', /not a key/);
  });

  it('rejects a decision_points key that is not the point id', () => {
    expectTableError(
      (d) => (d.decision_points['ssvc:MWI:1.0.0']!.version = '1.0.1'),
      'POLICY_INVALID',
      '/decision_points/ssvc:MWI:1.0.0',
      'key must be the decision point id ssvc:MWI:1.0.1',
    );
  });

  it('rejects duplicate value keys in a decision point', () => {
    expectTableError(
      (d) => d.decision_points['ssvc:A:2.0.0']!.values.push({ key: 'Y', name: 'Yes again', definition: '' }),
      'POLICY_INVALID',
      '/decision_points/ssvc:A:2.0.0/values/2/key',
      'duplicate value key Y',
    );
  });

  it('rejects a table whose only decision point is the outcome', () => {
    const doc = fresh();
    const outcome = doc.decision_points['cisa:CISA:1.1.0']!;
    doc.decision_points = { 'cisa:CISA:1.1.0': outcome };
    doc.mapping = [{ 'cisa:CISA:1.1.0': 'T' }];
    const err = errorOf(() => parseDecisionTable(doc, FILE));
    expect(err.details).toMatchObject({ pointer: '/decision_points', reason: /at least one input/ });
  });

  it('reports JSON syntax errors with line and column', () => {
    const err = errorOf(() => parseDecisionTableText('{\n  "namespace": "ssvc",\n  "key": }', FILE));
    expect(err.code).toBe('INPUT_MALFORMED_JSON');
    expect(err.details).toMatchObject({ file: FILE, line: 3 });
  });
});

describe('parseDecisionPoint', () => {
  it('reads a CERT/CC decision point document', () => {
    const p = parseDecisionPoint(timelinesJson, 'timelines.json');
    expect(p.id).toBe('cisa:BOD2604:1.0.0');
    expect(p.values.map((v) => v.key)).toEqual(['FSU', '60D', '14D', '3D', '3DF']);
  });

  it('names file and pointer on a bad value', () => {
    const doc = structuredClone(timelinesJson) as { values: { key: unknown }[] };
    doc.values[1]!.key = '';
    const err = errorOf(() => parseDecisionPointText(JSON.stringify(doc), 'timelines.json'));
    expect(err.code).toBe('INPUT_SCHEMA');
    expect(err.details).toMatchObject({ file: 'timelines.json', pointer: '/values/1/key' });
  });
});
