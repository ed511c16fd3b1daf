/** Unit and property tests of the log-sample detectors (all values synthetic). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectorsMatching, isJwtHeader, LOG_DETECTORS } from './log-sample-detectors.js';

const detector = (id: string) => {
  const d = LOG_DETECTORS.find((x) => x.id === id);
  if (d === undefined) throw new Error(`no detector ${id}`);
  return d;
};
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
// Surrounding prose that no detector can match on its own: lowercase letters and spaces.
const prose = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz '), maxLength: 40 });
const framed = (inner: fc.Arbitrary<string>) =>
  fc.tuple(prose, inner, prose).map(([a, x, b]) => `${a} ${x} ${b}`);

describe('log-sample detectors', () => {
  it('have unique ids and descriptions', () => {
    expect(new Set(LOG_DETECTORS.map((d) => d.id)).size).toBe(LOG_DETECTORS.length);
    for (const d of LOG_DETECTORS) expect(d.description.length).toBeGreaterThan(10);
  });

  it('us-ssn: dashed, valid area/group/serial, whole token, not voided', () => {
    const ssn = detector('us-ssn');
    for (const t of ['patient ssn 123-45-6789 updated', 'SSN:899-99-0001', '"ssn":"001-01-0001"'])
      expect(ssn.test(t), t).toBe(true);
    for (const t of [
      '123456789', // no dashes
      '000-12-3456', // area 000
      '666-12-3456', // area 666
      '912-12-3456', // area 9xx (ITINs, advertising)
      '123-00-4567', // group 00
      '123-45-0000', // serial 0000
      '078-05-1120', // voided by SSA
      'order 1-123-45-6789-2', // part of a longer token
      'build v123-45-6789',
      'call 555-123-4567', // phone number shape
      'on 2024-01-15', // date shape
    ])
      expect(ssn.test(t), t).toBe(false);
  });

  it('us-ssn: property — every valid dashed number is found, every invalid area/group/serial is not', () => {
    const area = fc.integer({ min: 1, max: 899 }).filter((a) => a !== 666);
    const valid = fc
      .tuple(area, fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 9999 }))
      .map(([a, g, s]) => `${pad(a, 3)}-${pad(g, 2)}-${pad(s, 4)}`)
      .filter((n) => n !== '078-05-1120' && n !== '219-09-9999');
    fc.assert(fc.property(framed(valid), (t) => detector('us-ssn').test(t)));
    const invalid = fc.oneof(
      fc
        .tuple(
          fc.constantFrom(0, 666, 900, 950, 999),
          fc.integer({ min: 0, max: 99 }),
          fc.integer({ min: 0, max: 9999 }),
        )
        .map(([a, g, s]) => `${pad(a, 3)}-${pad(g, 2)}-${pad(s, 4)}`),
      fc.tuple(area, fc.integer({ min: 0, max: 9999 })).map(([a, s]) => `${pad(a, 3)}-00-${pad(s, 4)}`),
      fc.tuple(area, fc.integer({ min: 0, max: 99 })).map(([a, g]) => `${pad(a, 3)}-${pad(g, 2)}-0000`),
      fc.integer({ min: 1_000_000, max: 899_999_999 }).map((n) => pad(n, 9)),
    );
    fc.assert(fc.property(framed(invalid), (t) => !detector('us-ssn').test(t)));
  });

  it('mrn-label and dob-label need the label and a value of the right shape', () => {
    const mrn = detector('mrn-label');
    for (const t of [
      'MRN: 00123456',
      'patient_mrn=4455667',
      '{"mrn":"12345678"}',
      'Medical Record Number #778899',
    ])
      expect(mrn.test(t), t).toBe(true);
    for (const t of ['MRN lookup failed', 'mrn: abc', 'MRN: 12', 'MRNs: 4', 'term: 123456'])
      expect(mrn.test(t), t).toBe(false);
    const dob = detector('dob-label');
    for (const t of [
      'DOB: 1980-02-29',
      'dob=02/29/1980',
      '"date_of_birth": "29.02.1980"',
      'birthDate: 1975-7-4',
    ])
      expect(dob.test(t), t).toBe(true);
    for (const t of ['dob missing', 'DOB: unknown', 'dobby: 1980-02-29', 'created: 2024-01-15'])
      expect(dob.test(t), t).toBe(false);
  });

  it('dob-label: property — any label spelling with any numeric date is found', () => {
    const label = fc.constantFrom('DOB', 'dob', 'Date of Birth', 'date_of_birth', 'birth-date', 'BirthDate');
    const date = fc.oneof(
      fc
        .tuple(
          fc.integer({ min: 1900, max: 2025 }),
          fc.integer({ min: 1, max: 12 }),
          fc.integer({ min: 1, max: 28 }),
        )
        .map(([y, m, d]) => `${y}-${pad(m, 2)}-${pad(d, 2)}`),
      fc
        .tuple(
          fc.integer({ min: 1, max: 12 }),
          fc.integer({ min: 1, max: 28 }),
          fc.integer({ min: 1900, max: 2025 }),
        )
        .map(([m, d, y]) => `${m}/${d}/${y}`),
    );
    const sep = fc.constantFrom(': ', '=', '":"', ' : ');
    fc.assert(
      fc.property(framed(fc.tuple(label, sep, date).map((p) => p.join(''))), (t) =>
        detector('dob-label').test(t),
      ),
    );
  });

  it('aws-access-key-id: AKIA/ASIA + 16 base32 characters as a whole token, doc examples skipped', () => {
    const key = detector('aws-access-key-id');
    expect(key.test('using key ASIAY34FZKBOKMUTVV7A for s3')).toBe(true);
    expect(key.test('AKIAIOSFODNN7EXAMPLE')).toBe(false); // AWS documentation example
    expect(key.test('AKIAY34FZKBOKMUTVV7')).toBe(false); // 15 after the prefix
    expect(key.test('XAKIAY34FZKBOKMUTVV7A')).toBe(false);
    expect(key.test('akiay34fzkbokmutvv7a')).toBe(false);
    const base32 = fc.string({
      unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'),
      minLength: 16,
      maxLength: 16,
    });
    const id = fc
      .tuple(fc.constantFrom('AKIA', 'ASIA'), base32)
      .map(([p, s]) => p + s)
      .filter((k) => !k.endsWith('EXAMPLE'));
    fc.assert(fc.property(framed(id), (t) => key.test(t)));
    fc.assert(fc.property(framed(id.map((k) => k.slice(0, -1))), (t) => !key.test(t)));
    fc.assert(fc.property(framed(id.map((k) => `${k}Q`)), (t) => !key.test(t)));
  });

  it('aws-session-token: a named value of 40+ characters, not a placeholder', () => {
    const tok = detector('aws-session-token');
    const value = 'IQoJb3JpZ2luX2VjEXAMPLEsyntheticSyntheticSynthetic0123456789abcdef';
    expect(tok.test(`export AWS_SESSION_TOKEN=${value}`)).toBe(true);
    expect(tok.test(`x-amz-security-token: ${value}`)).toBe(true);
    expect(
      tok.test(`GET /o?X-Amz-Security-Token=IQoJ%2Fb3JpZ2luX2Vj${'A'.repeat(40)}&X-Amz-Signature=1`),
    ).toBe(true);
    for (const t of [
      'aws_session_token=<token>',
      // A shell placeholder, as scripts log it before expansion.
      `AWS_SESSION_TOKEN=${'$'}{AWS_SESSION_TOKEN}`,
      'x-amz-security-token: ***',
    ])
      expect(tok.test(t), t).toBe(false);
    const chars = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
    fc.assert(
      fc.property(fc.string({ unit: chars, minLength: 40, maxLength: 400 }), (v) =>
        tok.test(`aws_session_token = ${v}`),
      ),
    );
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 39 }), (v) => !tok.test(`aws_session_token = ${v} `)),
    );
  });

  it('jwt: three base64url segments whose header is JSON with alg', () => {
    const jwt = detector('jwt');
    const token = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ sub: 'synthetic' })}.c2lnbmF0dXJl`;
    expect(jwt.test(`token=${token}`)).toBe(true);
    expect(jwt.test(`${b64url({ alg: 'none' })}.${b64url({ sub: 'x' })}.`)).toBe(true); // unsecured JWT
    expect(jwt.test(`${b64url({ typ: 'JWT' })}.${b64url({ sub: 'x' })}.c2ln`)).toBe(false); // no alg
    expect(jwt.test('eyJhbGciOi.garbage.x')).toBe(false); // header not JSON
    expect(jwt.test('com.example.Service')).toBe(false);
    expect(isJwtHeader('e')).toBe(false);
    const header = fc
      .record({ alg: fc.constantFrom('HS256', 'RS256', 'ES384', 'none'), kid: fc.string({ maxLength: 12 }) })
      .map(b64url);
    const payload = fc
      .dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 16 }))
      .map(b64url);
    const sig = fc
      .uint8Array({ minLength: 0, maxLength: 64 })
      .map((a) => Buffer.from(a).toString('base64url'));
    fc.assert(
      fc.property(framed(fc.tuple(header, payload, sig).map((p) => p.join('.'))), (t) => jwt.test(t)),
    );
    const noAlg = fc
      .record({ typ: fc.constantFrom('JWT', 'JOSE'), kid: fc.string({ maxLength: 12 }) })
      .map(b64url);
    fc.assert(
      fc.property(framed(fc.tuple(noAlg, payload, sig).map((p) => p.join('.'))), (t) => !jwt.test(t)),
    );
  });

  it('bearer-token: an Authorization value of Bearer + 16 or more token68 characters', () => {
    const bearer = detector('bearer-token');
    expect(bearer.test('Authorization: Bearer pw-synthetic-token-0000000000')).toBe(true);
    expect(bearer.test('{"authorization":"bearer abcdefghijklmnop"}')).toBe(true);
    for (const t of [
      'Authorization: Bearer <redacted>',
      'Authorization: Bearer ***',
      'Bearer abcdefghijklmnopqrstu',
    ])
      expect(bearer.test(t), t).toBe(false);
    const t68 = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/');
    fc.assert(
      fc.property(
        framed(
          fc.string({ unit: t68, minLength: 16, maxLength: 200 }).map((v) => `Authorization: Bearer ${v}`),
        ),
        (t) => bearer.test(t),
      ),
    );
    fc.assert(
      fc.property(
        fc.string({ unit: t68, maxLength: 15 }),
        (v) => !bearer.test(`Authorization: Bearer ${v} `),
      ),
    );
  });

  it('never throw, and find nothing in prose without digits or punctuation', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (t) => {
        detectorsMatching(t);
        return true;
      }),
    );
    fc.assert(fc.property(prose, (t) => detectorsMatching(t).length === 0));
  });

  it('name every detector that matches one event', () => {
    expect(
      detectorsMatching('ssn 123-45-6789 Authorization: Bearer pw-synthetic-token-0000000000').sort(),
    ).toEqual(['bearer-token', 'us-ssn']);
  });
});
