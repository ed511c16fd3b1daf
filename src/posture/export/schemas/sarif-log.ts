/**
 * The SARIF 2.1.0 rules the official JSON schema cannot express, as a zod schema over the parts of
 * a log this exporter writes. Conformance itself (required properties, enums, no unknown
 * properties) is checked against the OASIS schema (sarif-validate.test-helpers.ts); this adds the
 * cross-field rules of the specification text and typed access for the tests:
 * - §3.27.10: `level` SHALL be `none` unless `kind` is `fail`;
 * - §3.27.6: `ruleIndex` points at the driver rule whose `id` is the result's `ruleId`.
 */
import { z } from 'zod';

const message = z.object({ text: z.string() });

const reportingDescriptor = z.object({
  id: z.string(),
  defaultConfiguration: z.object({ level: z.string() }),
});

const result = z
  .object({
    ruleId: z.string(),
    ruleIndex: z.number().int(),
    kind: z.string(),
    level: z.string(),
    message,
    locations: z.array(
      z.object({
        logicalLocations: z.array(
          z.object({ name: z.string(), fullyQualifiedName: z.string(), kind: z.string() }),
        ),
      }),
    ),
    partialFingerprints: z.record(z.string(), z.string()),
  })
  .refine((r) => r.kind === 'fail' || r.level === 'none', {
    message: '§3.27.10: level must be none unless kind is fail',
  });

export const sarifLog = z.object({
  runs: z.array(
    z
      .object({
        tool: z.object({
          driver: z.object({
            name: z.string(),
            informationUri: z.string().optional(),
            rules: z.array(reportingDescriptor),
          }),
        }),
        results: z.array(result),
      })
      .refine((run) => run.results.every((r) => run.tool.driver.rules[r.ruleIndex]?.id === r.ruleId), {
        message: '§3.27.6: ruleIndex does not point at ruleId',
      }),
  ),
});
