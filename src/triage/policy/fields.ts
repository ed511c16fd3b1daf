/**
 * The predicate registry: every input a pack condition may name, its kind (which tests apply),
 * how it is read from `PolicyInputs`, and how it reads in English. One table drives the
 * validator, the evaluator and the document renderer, so they cannot disagree.
 */
import { ASSET_KINDS, CLINICAL_CRITICALITY } from '../../core/inventory.js';
import {
  type PolicyInputs,
  RISK_RATINGS,
  SAFETY_IMPACT,
  SSVC_AUTOMATABLE,
  SSVC_EXPLOITATION,
  SSVC_TECHNICAL_IMPACT,
} from './inputs.js';

/** A value read from the inputs; null means unknown. */
export type FieldValue = boolean | number | string | readonly string[] | null;

interface Base {
  /** Noun phrase for the English renderer ("the CVSS base score"). */
  noun: string;
  read(inputs: PolicyInputs): FieldValue;
}
/** A yes/no input; the two sentences say what true and false mean. */
export interface BooleanField extends Base {
  kind: 'boolean';
  whenTrue: string;
  whenFalse: string;
}
/** A closed (or, with `values: null`, open) set of words. */
export interface EnumField extends Base {
  kind: 'enum';
  values: readonly string[] | null;
}
/** A number within [min, max]. */
export interface NumberField extends Base {
  kind: 'number';
  min: number;
  max: number;
}
/** A set of words the input holds (CVSS metric pairs, control ids). */
export interface SetField extends Base {
  kind: 'set';
}
export type FieldSpec = BooleanField | EnumField | NumberField | SetField;

// `unknown` is how severity.ts and the inventory spell "nobody knows"; it must not match `in`.
const known = (v: string | null | undefined): string | null => (v == null || v === 'unknown' ? null : v);
const bool = (v: boolean | null | undefined): boolean | null => v ?? null;
const num = (v: number | null | undefined): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

/** CVSS metric pairs of a vector (`AV:N`, `PR:N` …) without the `CVSS:3.1` prefix. */
function metricsOf(vector: string): string[] {
  return vector.split('/').filter((part) => part.includes(':') && !part.startsWith('CVSS:'));
}

export const FIELDS = {
  'cvss.severity': {
    kind: 'enum',
    noun: 'the CVSS severity',
    // CVSS v3.1 §5 / v4.0 §6 qualitative bands, as severity.ts rates them.
    values: ['none', 'low', 'medium', 'high', 'critical'],
    read: (i) => known(i.severity.rating),
  },
  'cvss.score': {
    kind: 'number',
    noun: 'the CVSS base score',
    min: 0,
    max: 10,
    read: (i) => num(i.severity.cvss?.score),
  },
  'cvss.version': {
    kind: 'enum',
    noun: 'the CVSS version',
    values: ['2.0', '3.0', '3.1', '4.0'],
    read: (i) => known(i.severity.cvss?.version),
  },
  'cvss.vector': {
    kind: 'set',
    noun: 'the CVSS vector',
    read: (i) => (i.severity.cvss ? metricsOf(i.severity.cvss.vector) : null),
  },
  kev: {
    kind: 'boolean',
    noun: 'the CISA KEV listing',
    whenTrue: "the vulnerability is listed in CISA's Known Exploited Vulnerabilities (KEV) catalog",
    whenFalse: "the vulnerability is not listed in CISA's KEV catalog",
    read: (i) => bool(i.kev.listed),
  },
  'kev.ransomware': {
    kind: 'boolean',
    noun: 'known ransomware use',
    whenTrue: 'CISA records known use of the vulnerability in ransomware campaigns',
    whenFalse: 'CISA records no known ransomware use of the vulnerability',
    read: (i) => bool(i.kev.knownRansomware),
  },
  'epss.score': {
    kind: 'number',
    noun: 'the EPSS probability of exploitation in the next 30 days',
    min: 0,
    max: 1,
    read: (i) => num(i.epss?.score),
  },
  'epss.percentile': {
    kind: 'number',
    noun: 'the EPSS percentile',
    min: 0,
    max: 1,
    read: (i) => num(i.epss?.percentile),
  },
  'ssvc.exploitation': {
    kind: 'enum',
    noun: 'SSVC Exploitation',
    values: SSVC_EXPLOITATION,
    read: (i) => known(i.ssvc?.exploitation),
  },
  'ssvc.automatable': {
    kind: 'enum',
    noun: 'SSVC Automatable',
    values: SSVC_AUTOMATABLE,
    read: (i) => known(i.ssvc?.automatable),
  },
  'ssvc.technicalImpact': {
    kind: 'enum',
    noun: 'SSVC Technical Impact',
    values: SSVC_TECHNICAL_IMPACT,
    read: (i) => known(i.ssvc?.technicalImpact),
  },
  'risk.rating': {
    kind: 'enum',
    noun: "the organisation's risk-analysis rating of the finding",
    values: RISK_RATINGS,
    read: (i) => known(i.risk?.rating),
  },
  'asset.phi': {
    kind: 'boolean',
    noun: 'whether the asset holds ePHI',
    whenTrue: 'the asset creates, receives, maintains or transmits ePHI',
    whenFalse: 'the asset holds no ePHI',
    read: (i) => bool(i.asset.phi),
  },
  'asset.internetExposed': {
    kind: 'boolean',
    noun: 'internet exposure of the asset',
    whenTrue: 'the asset is reachable from the internet',
    whenFalse: 'the asset is not reachable from the internet',
    read: (i) => bool(i.asset.internetExposed),
  },
  'asset.environment': {
    kind: 'enum',
    noun: 'the asset environment',
    values: ['prod', 'staging', 'test', 'dev'],
    read: (i) => known(i.asset.environment),
  },
  'asset.kind': {
    kind: 'enum',
    noun: 'the asset kind',
    values: ASSET_KINDS,
    read: (i) => known(i.asset.kind),
  },
  'asset.clinicalCriticality': {
    kind: 'enum',
    noun: 'the clinical criticality of the asset',
    values: CLINICAL_CRITICALITY,
    read: (i) => known(i.asset.clinicalCriticality),
  },
  'asset.safetyImpact': {
    kind: 'enum',
    noun: 'the patient-safety impact of the asset (SSVC Safety Impact)',
    values: SAFETY_IMPACT,
    read: (i) => known(i.asset.safetyImpact),
  },
  'asset.supportStatus': {
    kind: 'enum',
    noun: 'the vendor support status of the asset',
    values: ['supported', 'end-of-support'],
    read: (i) => known(i.asset.supportStatus),
  },
  'controls.compensating': {
    kind: 'boolean',
    noun: 'compensating controls',
    whenTrue: 'an approved compensating control is in place',
    whenFalse: 'no approved compensating control is in place',
    read: (i) => (i.controls ? i.controls.compensating : null),
  },
  'controls.list': {
    kind: 'set',
    noun: 'the compensating controls in place',
    read: (i) => (i.controls ? [...i.controls.list] : null),
  },
} as const satisfies Record<string, FieldSpec>;

/** The prefix of the one open-ended field family: the outcome of a named SSVC decision table. */
export const OUTCOME_PREFIX = 'ssvc.outcomes.';

/** Look a field name up; `ssvc.outcomes.<table>` is an open enum. Undefined when not a predicate. */
export function fieldSpec(name: string): FieldSpec | undefined {
  if (Object.hasOwn(FIELDS, name)) return FIELDS[name as keyof typeof FIELDS];
  const table = name.startsWith(OUTCOME_PREFIX) ? name.slice(OUTCOME_PREFIX.length) : '';
  if (!/^[a-z0-9][a-z0-9.-]*$/.test(table)) return undefined;
  return {
    kind: 'enum',
    noun: `the outcome of the SSVC decision table ${table}`,
    values: null,
    // Case-insensitive: the SSVC module may give the value key (`3DF`) or its name.
    read: (i) => {
      const v = i.ssvc?.outcomes[table];
      return typeof v === 'string' && v !== '' ? v.toLowerCase() : null;
    },
  };
}

/** Every fixed predicate name, for error messages and the readme contract test. */
export const FIELD_NAMES: readonly string[] = [...Object.keys(FIELDS), `${OUTCOME_PREFIX}<table-id>`];
