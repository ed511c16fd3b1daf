import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPARATORS, type Condition, type Test } from './condition.js';
import { conditionToEnglish } from './english.js';
import { compareDeadlines, evaluatePack, evaluatePacks } from './evaluate.js';
import { truthOf } from './evaluate-condition.js';
import { FIELDS, fieldSpec } from './fields.js';
import type { PolicyInputs } from './inputs.js';
import {
  RISK_RATINGS,
  SAFETY_IMPACT,
  SSVC_AUTOMATABLE,
  SSVC_EXPLOITATION,
  SSVC_TECHNICAL_IMPACT,
} from './inputs.js';
import { FIX_ON_UPGRADE, type PolicyPack } from './pack.js';
import { loadShippedPacks } from './shipped.js';

const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const unit = fc.double({ min: 0, max: 1, noNaN: true });

const inputsArb: fc.Arbitrary<PolicyInputs> = fc.record({
  severity: fc.record({
    rating: fc.constantFrom('none', 'low', 'medium', 'high', 'critical', 'unknown' as const),
    cvss: maybe(
      fc.record({
        version: fc.constantFrom('3.1', '4.0'),
        vector: fc.constantFrom(
          'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
          'CVSS:4.0/AV:L/AC:H/AT:P/PR:L/UI:A',
        ),
        score: fc.double({ min: 0, max: 10, noNaN: true }),
      }),
    ),
  }),
  kev: fc.record({ listed: maybe(fc.boolean()), knownRansomware: maybe(fc.boolean()) }),
  epss: maybe(
    fc.record({ score: unit, percentile: unit, modelVersion: fc.constant(null), date: fc.constant(null) }),
  ),
  ssvc: maybe(
    fc.record({
      exploitation: maybe(fc.constantFrom(...SSVC_EXPLOITATION)),
      automatable: maybe(fc.constantFrom(...SSVC_AUTOMATABLE)),
      technicalImpact: maybe(fc.constantFrom(...SSVC_TECHNICAL_IMPACT)),
      outcomes: fc.dictionary(
        fc.constantFrom('cisa-bod-26-04', 'other'),
        fc.constantFrom('3D', '3DF', '14 days', 'FSU', '60D', 'Act'),
      ),
    }),
  ),
  risk: maybe(fc.record({ rating: maybe(fc.constantFrom(...RISK_RATINGS)) })),
  asset: fc.record({
    phi: maybe(fc.boolean()),
    environment: maybe(fc.constantFrom('prod', 'dev', 'unknown')),
    internetExposed: maybe(fc.boolean()),
    kind: maybe(fc.constantFrom('host', 'medical-device')),
    clinicalCriticality: maybe(fc.constantFrom('none', 'high', 'life-critical')),
    safetyImpact: maybe(fc.constantFrom(...SAFETY_IMPACT)),
    supportStatus: maybe(fc.constantFrom('supported', 'end-of-support', 'unknown')),
  }),
  controls: maybe(
    fc.record({ compensating: fc.boolean(), list: fc.array(fc.constantFrom('segmentation', 'waf')) }),
  ),
});

const fieldNames = [...Object.keys(FIELDS), 'ssvc.outcomes.cisa-bod-26-04'];
const words = fc.array(
  fc.constantFrom('critical', 'high', 'prod', 'yes', 'total', 'active', '3D', 'AV:N', 'waf'),
  {
    minLength: 1,
    maxLength: 3,
  },
);

/** A predicate whose tests fit the field's kind, as parseCondition would produce. */
const predicateArb: fc.Arbitrary<Condition> = fc.constantFrom(...fieldNames).chain((field) => {
  const spec = fieldSpec(field)!;
  const is = fc.constantFrom('known', 'unknown' as const).map((value): Test[] => [{ op: 'is', value }]);
  const own: fc.Arbitrary<Test[]> =
    spec.kind === 'boolean'
      ? fc.boolean().map((value) => [{ op: 'eq', value }])
      : spec.kind === 'enum'
        ? words.map((values) => [{ op: 'in', values }])
        : spec.kind === 'set'
          ? words.map((values) => [{ op: 'has', values }])
          : fc.array(
              fc.record({
                op: fc.constantFrom(...COMPARATORS),
                value: fc.double({ min: spec.min, max: spec.max, noNaN: true }),
              }),
              {
                minLength: 1,
                maxLength: 2,
              },
            );
  return fc.oneof(own, is).map((tests) => ({ type: 'predicate' as const, field, tests }));
});

const conditionArb: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    predicateArb,
    fc.record({ type: fc.constant('not' as const), of: tie('c') }),
    fc.record({
      type: fc.constantFrom('all' as const, 'any' as const),
      of: fc.array(tie('c'), { minLength: 0, maxLength: 3 }),
    }),
  ),
})).c;

const daysArb = fc.oneof(fc.integer({ min: 1, max: 400 }), fc.constant(FIX_ON_UPGRADE));

const packArb: fc.Arbitrary<PolicyPack> = fc
  .tuple(
    fc.array(fc.tuple(conditionArb, daysArb), { maxLength: 5 }),
    daysArb,
    fc.nat(),
    fc.constantFrom('identified', 'patch-available' as const),
  )
  .map(([rules, fallback, n, start]) => ({
    id: `p${n}`,
    version: '1.0.0',
    title: 'random',
    summary: null,
    basis: [{ cite: 'test', url: null }],
    clock: { start },
    review: { everyMonths: 12 },
    tiers: [{ id: 't', days: 7, description: 't' }],
    rules: [
      ...rules.map(([when, days], i) => ({ id: `r${i}`, tier: 't', days, when, explain: 'x' })),
      { id: 'default', tier: 't', days: fallback, when: null, explain: 'x' },
    ],
    digest: '0'.repeat(64),
    file: 'random.yaml',
  }));

const eventsArb = fc.record({
  identified: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
  patchAvailable: maybe(
    fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
  ),
});

describe('properties', () => {
  it('evaluation is total: exactly the first true rule decides, on shipped and random packs', () => {
    const shipped = loadShippedPacks();
    fc.assert(
      fc.property(fc.oneof(packArb, fc.constantFrom(...shipped)), inputsArb, (pack, inputs) => {
        const d = evaluatePack(pack, inputs);
        const first = pack.rules.find((r) => r.when === null || truthOf(r.when, inputs) === true)!;
        expect(d.ruleId).toBe(first.id);
        expect(d.days).toBe(first.days === FIX_ON_UPGRADE ? null : first.days);
      }),
      { numRuns: 500 },
    );
  });

  it('adding a pack never makes the winning deadline later', () => {
    fc.assert(
      fc.property(
        fc.array(packArb, { minLength: 1, maxLength: 3 }),
        packArb,
        fc.boolean(),
        inputsArb,
        eventsArb,
        (packs, extra, front, inputs, events) => {
          const before = evaluatePacks(packs, inputs, events).deadline;
          const after = evaluatePacks(front ? [extra, ...packs] : [...packs, extra], inputs, events).deadline;
          expect(compareDeadlines(after, before)).toBeLessThanOrEqual(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('an unknown input never satisfies a predicate or its negation', () => {
    fc.assert(
      fc.property(predicateArb, inputsArb, (pred, inputs) => {
        if (pred.type !== 'predicate' || pred.tests.some((t) => t.op === 'is')) return;
        if (fieldSpec(pred.field)!.read(inputs) !== null) return;
        expect(truthOf(pred, inputs)).toBeNull();
        expect(truthOf({ type: 'not', of: pred }, inputs)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('condition → English never throws and always says something', () => {
    fc.assert(
      fc.property(conditionArb, (c) => {
        const s = conditionToEnglish(c);
        expect(typeof s).toBe('string');
        expect(s.length).toBeGreaterThan(0);
        expect(s).not.toMatch(/undefined|\[object/);
      }),
      { numRuns: 1000 },
    );
  });
});
