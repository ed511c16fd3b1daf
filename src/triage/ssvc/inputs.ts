/**
 * From our data to SSVC decision point values. CISA Vulnrichment publishes SSVC per CVE in the CISA
 * ADP container of the CVE record (`containers.adp[].metrics[].other` with `type: "ssvc"`):
 * `content.options` is a list of one-entry objects `{ "Exploitation": "none"|"poc"|"active" }`,
 * `{ "Automatable": "no"|"yes" }`, `{ "Technical Impact": "partial"|"total" }`, `content.version`
 * "2.0.3" = the CISA coordinator tree, whose decision point versions the ids below carry.
 */
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { jsonPointer, validateShape } from '../../core/structured-input.js';
import type { Inputs } from './schema.js';

/** Decision point ids of the inputs Vulnrichment and KEV inform (as used by all shipped tables). */
export const SSVC_POINTS = {
  exploitation: 'ssvc:E:1.1.0',
  automatable: 'ssvc:A:2.0.0',
  technicalImpact: 'ssvc:TI:1.0.0',
} as const;

// Vulnrichment option name → decision point id, and its lower-case value words → value keys
// (SSVC Exploitation 1.1.0 N/P/A, Automatable 2.0.0 N/Y, Technical Impact 1.0.0 P/T).
const VULNRICHMENT: Readonly<Record<string, { point: string; values: Readonly<Record<string, string>> }>> = {
  Exploitation: { point: SSVC_POINTS.exploitation, values: { none: 'N', poc: 'P', active: 'A' } },
  Automatable: { point: SSVC_POINTS.automatable, values: { no: 'N', yes: 'Y' } },
  'Technical Impact': { point: SSVC_POINTS.technicalImpact, values: { partial: 'P', total: 'T' } },
};

const VulnrichmentSsvc = z.object({
  options: z.array(z.record(z.string(), z.string())),
});

/**
 * Decision point values from a Vulnrichment SSVC `content` object; unknown option names or values
 * are INPUT_SCHEMA errors (file + pointer), an option left out stays unknown.
 */
export function vulnrichmentInputs(content: unknown, file: string, base = ''): Inputs {
  const { options } = validateShape(VulnrichmentSsvc, content, file, base);
  const inputs: Record<string, string> = {};
  options.forEach((option, i) => {
    const entries = Object.entries(option);
    if (entries.length !== 1) fail(file, `${base}/options/${i}`, 'expected one option name and value');
    const [name, word] = entries[0]!;
    const pointer = `${base}/options/${i}${jsonPointer([name])}`;
    const spec = VULNRICHMENT[name];
    if (!spec) fail(file, pointer, `unknown SSVC option ${name}`);
    // Object.hasOwn: `values` is a plain object, and "constructor" is not a value.
    const key = Object.hasOwn(spec.values, word) ? spec.values[word] : undefined;
    if (key === undefined) fail(file, pointer, `${word} is not a value of ${name}`);
    if (spec.point in inputs) fail(file, pointer, `${name} given twice`);
    inputs[spec.point] = key;
  });
  return inputs;
}

/**
 * Raise Exploitation to Active when the CVE is in CISA KEV: KEV lists only CVEs with reliable
 * evidence of exploitation in the wild, which is SSVC Exploitation 1.1.0 "Active" ("shared,
 * observable, reliable evidence that the exploit is being used in the wild"). Absence from KEV
 * is not evidence of no exploitation, so an unlisted CVE keeps what it had.
 */
export function withKev(inputs: Inputs, listedInKev: boolean): Inputs {
  if (!listedInKev) return inputs;
  // Drop a short-key `E` too, or evaluate would see Exploitation given twice.
  const rest = Object.entries(inputs).filter(([k]) => k !== 'E' && k !== SSVC_POINTS.exploitation);
  return { ...Object.fromEntries(rest), [SSVC_POINTS.exploitation]: 'A' };
}

function fail(file: string, pointer: string, reason: string): never {
  throw new AppError('INPUT_SCHEMA', { file, pointer, reason });
}
