/**
 * An organisation's posture parameters (`posture scan --params FILE`, or
 * `PATCHWARDEN_POSTURE_PARAMS`): a YAML or JSON object overriding some of DEFAULT_PARAMS. Unknown
 * keys and wrong types are refused with the JSON pointer, so a misspelt key never leaves a default
 * silently in force. Values looser than a guardrail are accepted here: the scan reports them
 * (guardrails.ts), which is the point of writing them down.
 */
import { z } from 'zod';
import { parseYamlText, validateShape } from '../core/structured-input.js';
import type { PostureParams } from './check.js';
import { DEFAULT_PARAMS } from './params.js';

const days = z.number().int().min(0).max(36_500);
const port = z.number().int().min(0).max(65_535);

const Overrides = z
  .strictObject({
    passwordMaxAgeDays: days,
    accessKeyMaxAgeDays: days,
    accessKeyWarnAgeDays: days,
    backupMaxIntervalDays: days,
    phiRetentionDays: days,
    minTlsVersion: z.enum(['1.2', '1.3']),
    amiMaxAgeDays: days,
    lambdaMaxTimeoutSeconds: z.number().int().min(1).max(900),
    adminPorts: z.array(port).min(1),
    requiredPhiTags: z.array(z.string().min(1)),
    credentialUnusedDays: days,
    stoppedInstanceMaxDays: days,
    certificateMinValidDays: days,
    secretRotationMaxDays: days,
    backupMinRetentionDays: days,
  } satisfies Record<keyof PostureParams, z.ZodType>)
  .partial();

/** The parameters in force: DEFAULT_PARAMS with the file's overrides (YAML is a superset of JSON). */
export function parsePostureParams(text: string, file: string): PostureParams {
  // `minTlsVersion: 1.2` is a YAML number; accept it as the version it plainly means.
  const raw = parseYamlText(text, file) ?? {};
  if (
    raw !== null &&
    typeof raw === 'object' &&
    typeof (raw as { minTlsVersion?: unknown }).minTlsVersion === 'number'
  )
    (raw as { minTlsVersion: unknown }).minTlsVersion = (
      raw as { minTlsVersion: number }
    ).minTlsVersion.toFixed(1);
  const overrides = validateShape(Overrides, raw, file);
  return { ...DEFAULT_PARAMS, ...overrides } as PostureParams;
}

/** Read a parameters file (bounded: it is a short settings document). */
export async function loadPostureParams(file: string): Promise<PostureParams> {
  const { readBoundedFile } = await import('../io/read-bounded.js');
  const { decodeText } = await import('../io/decode-text.js');
  return parsePostureParams(decodeText(await readBoundedFile(file, 256 * 1024), file), file);
}
