import { describe, expect, it } from 'vitest';
import { appErrorOfSync as errorOf } from '../../core/errors.test-helpers.js';
import { evaluate, pickInputs, possibleOutcomes } from './evaluate.js';
import { parseDecisionTable } from './load.js';
import { CISA_COORDINATOR, DEPLOYER_PATCH_PRIORITY } from './tables.js';

const keys = (r: { outcomes: readonly { key: string }[] }) => r.outcomes.map((o) => o.key);

describe('evaluate', () => {
  it('looks up by full decision point ids and returns the deciding row', () => {
    const r = evaluate(CISA_COORDINATOR, {
      'ssvc:E:1.1.0': 'A',
      'ssvc:A:2.0.0': 'Y',
      'ssvc:TI:1.0.0': 'T',
      'ssvc:MWI:1.0.0': 'H',
    });
    expect(r.outcome).toMatchObject({ key: 'AC', name: 'Act' });
    expect(r.row.outcome).toBe('AC');
    expect(CISA_COORDINATOR.rows[r.row.index]).toBe(r.row);
  });

  it('accepts short keys when they are unambiguous', () => {
    expect(evaluate(CISA_COORDINATOR, { E: 'P', A: 'N', TI: 'T', MWI: 'H' }).outcome.name).toBe('Attend');
    expect(evaluate(DEPLOYER_PATCH_PRIORITY, { E: 'A', EXP: 'O', A: 'Y', HI: 'VH' }).outcome.name).toBe(
      'Immediate',
    );
  });

  it('names an unknown decision point and lists the expected ones', () => {
    const err = errorOf(() => evaluate(CISA_COORDINATOR, { E: 'A', A: 'Y', TI: 'T', MWI: 'H', EXP: 'O' }));
    expect(err.code).toBe('INPUT_SCHEMA');
    expect(err.details).toMatchObject({
      table: 'cisa:DT_CO:2.0.3',
      pointer: '/EXP',
      reason: 'unknown decision point',
      expected: ['ssvc:E:1.1.0', 'ssvc:A:2.0.0', 'ssvc:TI:1.0.0', 'ssvc:MWI:1.0.0'],
    });
  });

  it('names a value that is not one of the decision point', () => {
    const err = errorOf(() => evaluate(CISA_COORDINATOR, { E: 'poc', A: 'Y', TI: 'T', MWI: 'H' }));
    expect(err.code).toBe('INPUT_SCHEMA');
    expect(err.details).toMatchObject({
      pointer: '/E',
      reason: 'poc is not a value of ssvc:E:1.1.0',
      expected: ['N', 'P', 'A'],
    });
  });

  it('rejects a decision point given twice, or the outcome given as an input', () => {
    const twice = errorOf(() =>
      evaluate(CISA_COORDINATOR, { E: 'A', 'ssvc:E:1.1.0': 'A', A: 'Y', TI: 'T', MWI: 'H' }),
    );
    expect(twice.details.reason).toBe('ssvc:E:1.1.0 given twice');
    const outcome = errorOf(() =>
      evaluate(CISA_COORDINATOR, { E: 'A', A: 'Y', TI: 'T', MWI: 'H', CISA: 'AC' }),
    );
    expect(outcome.details).toMatchObject({ pointer: '/CISA', reason: 'is the outcome, not an input' });
  });

  it('names the missing decision points of partial inputs', () => {
    const err = errorOf(() => evaluate(CISA_COORDINATOR, { E: 'A', TI: 'T' }));
    expect(err.code).toBe('INPUT_SCHEMA');
    expect(err.details).toMatchObject({
      reason: 'missing decision points',
      missing: ['ssvc:A:2.0.0', 'ssvc:MWI:1.0.0'],
    });
  });

  it('does not resolve a short key two input points share', () => {
    const point = (namespace: string) => ({
      namespace,
      key: 'X',
      version: '1.0.0',
      name: `X of ${namespace}`,
      definition: '',
      schemaVersion: '2.0.0',
      values: [
        { key: 'N', name: 'No', definition: '' },
        { key: 'Y', name: 'Yes', definition: '' },
      ],
    });
    const out = { ...point('out'), key: 'O' };
    const rows = ['N', 'Y'].flatMap((a) =>
      ['N', 'Y'].map((b) => ({ 'a:X:1.0.0': a, 'b:X:1.0.0': b, 'out:O:1.0.0': a })),
    );
    const table = parseDecisionTable(
      {
        namespace: 'test',
        key: 'DT',
        version: '1.0.0',
        name: 'two X',
        definition: '',
        schemaVersion: '2.0.0',
        decision_points: { 'a:X:1.0.0': point('a'), 'b:X:1.0.0': point('b'), 'out:O:1.0.0': out },
        outcome: 'out:O:1.0.0',
        mapping: rows,
      },
      'two-x.json',
    );
    expect(errorOf(() => evaluate(table, { X: 'Y' })).details.reason).toBe('unknown decision point');
    expect(evaluate(table, { 'a:X:1.0.0': 'Y', 'b:X:1.0.0': 'N' }).outcome.key).toBe('Y');
  });
});

describe('possibleOutcomes', () => {
  it('with Automatable unknown, gives both outcomes it could lead to (active, total, medium → Attend or Act)', () => {
    const r = possibleOutcomes(CISA_COORDINATOR, { E: 'A', TI: 'T', MWI: 'M' });
    expect(keys(r)).toEqual(['AT', 'AC']);
    expect(r.missing.map((p) => p.id)).toEqual(['ssvc:A:2.0.0']);
    expect(r.rows.map((row) => row.index)).toHaveLength(2);
  });

  it('collapses to one outcome when the unknown point does not matter', () => {
    expect(keys(possibleOutcomes(CISA_COORDINATOR, { E: 'N', A: 'N', MWI: 'L' }))).toEqual(['T']);
  });

  it('with nothing known, gives every outcome the table uses, least to most urgent', () => {
    expect(keys(possibleOutcomes(DEPLOYER_PATCH_PRIORITY, {}))).toEqual(['D', 'S', 'O', 'I']);
  });

  it('still rejects unknown keys and values', () => {
    expect(errorOf(() => possibleOutcomes(CISA_COORDINATOR, { E: 'X' })).code).toBe('INPUT_SCHEMA');
    expect(errorOf(() => possibleOutcomes(CISA_COORDINATOR, { Exploitation: 'A' })).code).toBe(
      'INPUT_SCHEMA',
    );
  });
});

describe('pickInputs', () => {
  it('keeps only the points the table uses, so one input set serves several tables', () => {
    const all = { 'ssvc:E:1.1.0': 'A', 'ssvc:A:2.0.0': 'Y', 'ssvc:TI:1.0.0': 'T', EXP: 'O', HI: 'H' };
    expect(pickInputs(DEPLOYER_PATCH_PRIORITY, all)).toEqual({
      'ssvc:E:1.1.0': 'A',
      'ssvc:A:2.0.0': 'Y',
      EXP: 'O',
      HI: 'H',
    });
    expect(evaluate(DEPLOYER_PATCH_PRIORITY, pickInputs(DEPLOYER_PATCH_PRIORITY, all)).outcome.key).toBe('I');
  });
});
