/**
 * Detectors of PHI and credentials in log event text, for the sampled CloudWatch Logs scan
 * (logs.ts). A detector answers only whether a text matches, never what matched: the matched
 * value is PHI or a secret, and nothing of it may reach the snapshot.
 *
 * Every detector wants a shape and, where the shape alone is common, a label in front of it, to
 * keep false positives down in application logs full of ids, dates and hashes:
 * - `us-ssn`: 3-2-4 digits with dashes only (nine bare digits are order ids and phone numbers),
 *   area not 000, 666 or 900–999, group not 00, serial not 0000 (SSA, "Social Security Number
 *   Randomization"), not inside a longer token (`v123-45-6789`, `1-123-45-6789-2`), and not one
 *   of the numbers SSA voided after they were printed on sample cards (078-05-1120, 219-09-9999).
 * - `mrn-label`: the label MRN (or "medical record number") then `:`, `=` or `#` and 4–12 digits.
 * - `dob-label`: DOB / date of birth / birth date, `:` or `=`, then a date (`1980-02-29`,
 *   `02/29/1980`, `29.02.1980`); the label alone ("dob missing") is not PHI.
 * - `aws-access-key-id`: AKIA (long-term) or ASIA (temporary) + 16 base32 characters, as a whole
 *   token; AWS's documentation examples ending in `EXAMPLE` are skipped.
 * - `aws-session-token`: the names `aws_session_token` / `X-Amz-Security-Token` (environment
 *   variable, header, presigned URL parameter) with a value of 40+ base64 or %-encoded characters;
 *   placeholders (`<token>`, `${AWS_SESSION_TOKEN}`, `***`) do not qualify.
 * - `jwt`: three base64url segments whose first decodes to a JSON object with a string `alg`
 *   (RFC 7519/7515); look-alike dotted identifiers fail the decode.
 * - `bearer-token`: an `Authorization` header or field whose value is `Bearer` + 16 or more token68
 *   characters (RFC 6750); `Bearer <redacted>` and short placeholders do not qualify.
 *
 * The expressions have no nested quantifiers, so their cost stays linear in the event size.
 */

export interface LogDetector {
  /** Stable id, the key of the detector's counts in the snapshot. */
  id: string;
  /** What it looks for, for people reading the snapshot or a finding. */
  description: string;
  /** Whether `text` holds at least one match. */
  test(text: string): boolean;
}

// SSA voided these after they appeared on sample cards in wallets and advertising.
const VOIDED_SSNS = new Set(['078-05-1120', '219-09-9999']);
const SSN = /(?<![\w-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\w-])/g;

const MRN =
  /(?<![a-z0-9])(?:mrn|medical[ _-]?record[ _-]?(?:number|no|num))["']?\s*[:=#]\s*["']?\d{4,12}(?!\d)/i;

const DOB =
  /(?<![a-z0-9])(?:dob|date[ _-]?of[ _-]?birth|birth[ _-]?date)["']?\s*[:=]\s*["']?(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})(?!\d)/i;

const ACCESS_KEY = /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z2-7]{16}(?![A-Za-z0-9])/g;

const SESSION_TOKEN = /(?:aws_session_token|x-amz-security-token)["']?\s*[:=]\s*["']?[A-Za-z0-9/+%]{40,}/i;

const JWT_CANDIDATE = /(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]+)\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

const BEARER = /authorization["']?\s*[:=]\s*["']?bearer\s+[A-Za-z0-9._~+/-]{16,}/i;

function anyMatch(re: RegExp, text: string, accept: (m: RegExpExecArray) => boolean): boolean {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) if (accept(m)) return true;
  return false;
}

/** base64url (RFC 4648 §5, padding optional) → text, or undefined when not decodable. */
function base64UrlText(segment: string): string | undefined {
  if (segment.length % 4 === 1) return undefined;
  return Buffer.from(segment, 'base64url').toString('utf8');
}

/** Whether a JWS header segment decodes to a JSON object naming its algorithm. */
export function isJwtHeader(segment: string): boolean {
  const text = base64UrlText(segment);
  if (text === undefined) return false;
  try {
    const header: unknown = JSON.parse(text);
    return (
      header !== null &&
      typeof header === 'object' &&
      !Array.isArray(header) &&
      typeof (header as { alg?: unknown }).alg === 'string'
    );
  } catch {
    return false;
  }
}

export const LOG_DETECTORS: readonly LogDetector[] = [
  {
    id: 'us-ssn',
    description: 'US Social Security number (ddd-dd-dddd, valid area, group and serial)',
    test: (text) => anyMatch(SSN, text, (m) => !VOIDED_SSNS.has(m[0])),
  },
  {
    id: 'mrn-label',
    description: 'Medical record number after an MRN label',
    test: (text) => MRN.test(text),
  },
  {
    id: 'dob-label',
    description: 'Date of birth after a DOB / date of birth label',
    test: (text) => DOB.test(text),
  },
  {
    id: 'aws-access-key-id',
    description: 'AWS access key id (AKIA… long-term, ASIA… temporary)',
    test: (text) => anyMatch(ACCESS_KEY, text, (m) => !m[0].endsWith('EXAMPLE')),
  },
  {
    id: 'aws-session-token',
    description: 'AWS session token value (aws_session_token, X-Amz-Security-Token)',
    test: (text) => SESSION_TOKEN.test(text),
  },
  {
    id: 'jwt',
    description: 'JSON Web Token (header decodes to JSON with alg)',
    test: (text) => anyMatch(JWT_CANDIDATE, text, (m) => isJwtHeader(m[1] as string)),
  },
  {
    id: 'bearer-token',
    description: 'Authorization: Bearer token',
    test: (text) => BEARER.test(text),
  },
];

/** The ids of the detectors matching `text`. */
export function detectorsMatching(text: string): string[] {
  return LOG_DETECTORS.filter((d) => d.test(text)).map((d) => d.id);
}
