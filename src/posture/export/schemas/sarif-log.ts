/**
 * A zod boundary schema for the SARIF 2.1.0 subset this exporter writes, following the OASIS
 * specification's required properties (§3.13 sarifLog: version, runs; §3.14 run: tool; §3.18
 * tool: driver; §3.19 toolComponent: name; §3.49 reportingDescriptor: id; §3.27 result: message)
 * and its enums (§3.27.9 kind, §3.27.10 level, including "level SHALL be none unless kind is
 * fail"). Written from the specification, not the official JSON Schema file, which is not vendored.
 */
import { z } from 'zod';

const message = z.object({ text: z.string() }).strict();
const propertyBag = z.record(z.string(), z.unknown());
const level = z.enum(['none', 'note', 'warning', 'error']);

const reportingDescriptor = z
  .object({
    id: z.string().min(1),
    name: z.string().optional(),
    shortDescription: message.optional(),
    fullDescription: message.optional(),
    help: message.optional(),
    helpUri: z.string().optional(),
    defaultConfiguration: z.object({ level }).strict().optional(),
    properties: propertyBag.optional(),
  })
  .strict();

const result = z
  .object({
    ruleId: z.string(),
    ruleIndex: z.number().int().min(-1),
    kind: z.enum(['notApplicable', 'pass', 'fail', 'review', 'open', 'informational']),
    level,
    message,
    locations: z.array(
      z
        .object({
          logicalLocations: z.array(
            z.object({ name: z.string(), fullyQualifiedName: z.string(), kind: z.string() }).strict(),
          ),
        })
        .strict(),
    ),
    partialFingerprints: z.record(z.string(), z.string()),
    properties: propertyBag.optional(),
  })
  .strict()
  .refine((r) => r.kind === 'fail' || r.level === 'none', {
    message: '§3.27.10: level must be none unless kind is fail',
  });

export const sarifLog = z
  .object({
    $schema: z.string().optional(),
    version: z.literal('2.1.0'),
    runs: z.array(
      z
        .object({
          tool: z
            .object({
              driver: z
                .object({
                  name: z.string().min(1),
                  informationUri: z.string().optional(),
                  rules: z.array(reportingDescriptor),
                })
                .strict(),
            })
            .strict(),
          properties: propertyBag.optional(),
          results: z.array(result),
        })
        .strict()
        // §3.27.6 ruleIndex: the rule at that index has the result's ruleId.
        .refine((run) => run.results.every((r) => run.tool.driver.rules[r.ruleIndex]?.id === r.ruleId), {
          message: 'ruleIndex does not point at ruleId',
        }),
    ),
  })
  .strict();
