import { describe, expect, it } from 'vitest';
import { appErrorOfSync as errorOf } from '../../core/errors.test-helpers.js';
import { bod2604Inputs, bodTimeline, timelineOf } from './bod.js';
import { evaluate, pickInputs, possibleOutcomes } from './evaluate.js';
import { SSVC_POINTS, vulnrichmentInputs, withKev } from './inputs.js';
import {
  BOD_26_04,
  BOD_26_04_TIMELINES,
  CISA_COORDINATOR,
  DEPLOYER_PATCH_PRIORITY,
  SHIPPED_TABLES,
} from './tables.js';

// The SSVC object of the CISA ADP container of CVE-2024-3931 (cisagov/vulnrichment, as published).
const CVE_2024_3931 = {
  id: 'CVE-2024-3931',
  role: 'CISA Coordinator',
  options: [{ Exploitation: 'poc' }, { Automatable: 'yes' }, { 'Technical Impact': 'partial' }],
  version: '2.0.3',
  timestamp: '2024-04-22T19:20:06.233081Z',
};

describe('vulnrichmentInputs', () => {
  it('maps Exploitation none|poc|active, Automatable no|yes, Technical Impact partial|total to value keys', () => {
    expect(vulnrichmentInputs(CVE_2024_3931, 'cve.json')).toEqual({
      'ssvc:E:1.1.0': 'P',
      'ssvc:A:2.0.0': 'Y',
      'ssvc:TI:1.0.0': 'P',
    });
    const words = [
      { Exploitation: 'none' },
      { Exploitation: 'active' },
      { Automatable: 'no' },
      { 'Technical Impact': 'total' },
    ];
    expect(words.map((o) => Object.values(vulnrichmentInputs({ options: [o] }, 'x'))[0])).toEqual([
      'N',
      'A',
      'N',
      'T',
    ]);
  });

  it('feeds the CISA coordinator tree once Mission & Well-Being is known, and is partial without it', () => {
    const inputs = vulnrichmentInputs(CVE_2024_3931, 'cve.json');
    expect(evaluate(CISA_COORDINATOR, { ...inputs, MWI: 'H' }).outcome.name).toBe('Attend');
    expect(possibleOutcomes(CISA_COORDINATOR, inputs).outcomes.map((o) => o.name)).toEqual([
      'Track',
      'Attend',
    ]);
  });

  it('uses decision point ids that every shipped table using them agrees on', () => {
    for (const id of Object.values(SSVC_POINTS)) {
      const users = [...SHIPPED_TABLES.values()].filter((t) => t.inputs.some((p) => p.id === id));
      expect(users.length, id).toBeGreaterThan(0);
    }
  });

  it('leaves out what Vulnrichment did not say', () => {
    expect(vulnrichmentInputs({ options: [{ Automatable: 'no' }] }, 'x')).toEqual({ 'ssvc:A:2.0.0': 'N' });
  });

  it('names file and pointer for unknown options or values', () => {
    const cases: [unknown, string, string][] = [
      [
        { options: [{ Exploitation: 'weaponized' }] },
        '/options/0/Exploitation',
        'weaponized is not a value of Exploitation',
      ],
      [
        { options: [{ Automatable: 'no' }, { Utility: 'laborious' }] },
        '/options/1/Utility',
        'unknown SSVC option Utility',
      ],
      [
        { options: [{ Automatable: 'no', Exploitation: 'none' }] },
        '/options/0',
        'expected one option name and value',
      ],
      [
        { options: [{ Automatable: 'no' }, { Automatable: 'yes' }] },
        '/options/1/Automatable',
        'Automatable given twice',
      ],
      [
        { options: [{ Exploitation: 'constructor' }] },
        '/options/0/Exploitation',
        'constructor is not a value of Exploitation',
      ],
    ];
    for (const [content, pointer, reason] of cases) {
      const err = errorOf(() =>
        vulnrichmentInputs(content, 'cve.json', '/containers/adp/0/metrics/0/other/content'),
      );
      expect(err.code).toBe('INPUT_SCHEMA');
      expect(err.details).toEqual({
        file: 'cve.json',
        pointer: `/containers/adp/0/metrics/0/other/content${pointer}`,
        reason,
      });
    }
    const shape = errorOf(() => vulnrichmentInputs({ options: 'poc' }, 'cve.json'));
    expect(shape.details).toMatchObject({ file: 'cve.json', pointer: '/options' });
  });
});

describe('withKev', () => {
  it('raises Exploitation to active when listed in KEV, whatever Vulnrichment said', () => {
    const inputs = vulnrichmentInputs(CVE_2024_3931, 'cve.json');
    expect(withKev(inputs, true)[SSVC_POINTS.exploitation]).toBe('A');
    expect(withKev({ E: 'N' }, true)).toEqual({ 'ssvc:E:1.1.0': 'A' });
    expect(evaluate(CISA_COORDINATOR, { ...withKev(inputs, true), MWI: 'H' }).outcome.name).toBe('Act');
  });

  it('keeps what was known when not listed (absence from KEV is not evidence of no exploitation)', () => {
    expect(withKev({ E: 'P' }, false)).toEqual({ E: 'P' });
    expect(withKev({}, false)).toEqual({});
  });

  it('works for the deployer tree with the asset facts added', () => {
    const inputs = pickInputs(DEPLOYER_PATCH_PRIORITY, {
      ...withKev(vulnrichmentInputs(CVE_2024_3931, 'c'), true),
      EXP: 'O',
      HI: 'H',
    });
    expect(evaluate(DEPLOYER_PATCH_PRIORITY, inputs).outcome.name).toBe('Immediate');
  });
});

describe('BOD 26-04', () => {
  it('reads days from the timelines data: FSU none, 60D 60, 14D 14, 3D 3, 3DF 3 with forensics', () => {
    expect(['FSU', '60D', '14D', '3D', '3DF'].map((k) => bodTimeline(k))).toMatchObject([
      { key: 'FSU', days: null, label: 'Fix on system upgrade', forensic: false },
      { key: '60D', days: 60, label: '60 days', forensic: false },
      { key: '14D', days: 14, label: '14 days', forensic: false },
      { key: '3D', days: 3, label: '3 days', forensic: false },
      { key: '3DF', days: 3, label: '3 days & forensic investigation', forensic: true },
    ]);
  });

  it('derives a timeline from any value of that form, not from a fixed list', () => {
    expect(
      timelineOf({ key: '30D', name: '30 days', definition: 'Remediate within 30 days.' }),
    ).toMatchObject({ days: 30 });
    expect(timelineOf({ key: '1D', name: '1 day', definition: '' })).toMatchObject({ days: 1 });
  });

  it('has a timeline for every outcome of the table, and the two files agree', () => {
    expect(BOD_26_04.outcome).toEqual(BOD_26_04_TIMELINES);
    for (const v of BOD_26_04.outcome.values) expect(bodTimeline(v).key).toBe(v.key);
  });

  it('rejects an unknown outcome', () => {
    const err = errorOf(() => bodTimeline('7D'));
    expect(err.code).toBe('INPUT_SCHEMA');
    expect(err.details).toMatchObject({
      reason: '7D is not a value of cisa:BOD2604:1.0.0',
      expected: ['FSU', '60D', '14D', '3D', '3DF'],
    });
  });

  it('maps the four facts to the table inputs and leaves unknown ones out', () => {
    expect(
      bod2604Inputs({ inKev: true, publiclyExposed: false, automatable: true, totalTechnicalImpact: true }),
    ).toEqual({
      'cisa:KEV:1.0.0': 'Y',
      'cisa:PE:1.0.0': 'N',
      'ssvc:A:2.0.0': 'Y',
      'ssvc:TI:1.0.0': 'T',
    });
    expect(bod2604Inputs({ inKev: false, publiclyExposed: null })).toEqual({ 'cisa:KEV:1.0.0': 'N' });
  });

  it('with exposure unknown, a KEV-listed automatable total-impact flaw is 3 days + forensics either way', () => {
    const r = possibleOutcomes(
      BOD_26_04,
      bod2604Inputs({ inKev: true, automatable: true, totalTechnicalImpact: true }),
    );
    expect(r.outcomes.map((o) => bodTimeline(o).label)).toEqual(['3 days & forensic investigation']);
  });

  it('combines with Vulnrichment: A and TI come from the CVE record, KEV and exposure from us', () => {
    const inputs = pickInputs(BOD_26_04, {
      ...vulnrichmentInputs(CVE_2024_3931, 'c'),
      ...bod2604Inputs({ inKev: false, publiclyExposed: true }),
    });
    expect(bodTimeline(evaluate(BOD_26_04, inputs).outcome)).toMatchObject({ days: 14 });
  });
});
