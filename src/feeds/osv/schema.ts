/**
 * Boundary schema for OSV records (ossf/osv-schema `validation/schema.json`, OSV 1.7): only the
 * members PatchWarden reads, with the JSON types the schema gives them. Unknown members are
 * stripped, not refused: the schema gains fields and ecosystems faster than we release, and
 * `ecosystem_specific` / `database_specific` are free-form by definition (OSV "affected[].
 * ecosystem_specific field"). The rules that relate several members (one key per event, GIT needs
 * `repo`, at least one `introduced`, `fixed` xor `last_affected`) live in parse-record.ts, where
 * they run on a shape that is already known to be valid.
 *
 * Strictness rule: refuse what would change how a record matches (range types, events, package
 * identity, timestamps used to pick the newest copy); keep display and triage data verbatim.
 */
import { z } from 'zod';

// OSV "id, modified fields": RFC 3339 in UTC, e.g. `2021-12-10T00:40:56Z` (the schema's
// `timestamp` $def, anchored here). Ingest compares these to keep the newest duplicate.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const Timestamp = z.string().regex(TIMESTAMP, 'must be an RFC 3339 UTC timestamp, e.g. 2024-01-31T12:00:00Z');

// Members the schema types as `["array", "null"]` (Go's encoding of an empty slice): null = none.
const nullableList = <T extends z.ZodType>(item: T) => z.array(item).nullish();
const optionalList = <T extends z.ZodType>(item: T) => z.array(item).optional();
const JsonObject = z.record(z.string(), z.unknown());

// OSV "severity field": the type list grows (CVSS_V4 arrived in 1.6), so any type is kept
// verbatim and triage ignores the ones it does not know. Likewise reference types and URLs are
// display data: kept as given, never a reason to refuse a record.
const Severity = z.object({ type: z.string(), score: z.string() });

// OSV "affected[].ranges[].events fields": each value is a version string of the range's type.
// An empty string can be ordered by no scheme, so it is refused here rather than at match time.
const Version = z.string().min(1, 'a version must not be empty');
const Event = z.object({
  introduced: Version.optional(),
  fixed: Version.optional(),
  last_affected: Version.optional(),
  limit: Version.optional(),
});

// OSV "affected[].ranges[].type field": the evaluator's semantics depend on it, so unknown types
// are refused (an unknown type silently matching nothing would be a false negative).
/** The range types OSV defines; anything else is refused. */
export const RANGE_TYPES = ['SEMVER', 'ECOSYSTEM', 'GIT'] as const;
const Range = z.object({
  type: z.enum(RANGE_TYPES),
  repo: z.string().optional(),
  events: z.array(Event).min(1, 'a range needs at least one event'),
  database_specific: JsonObject.optional(),
});

// OSV "affected[].package field": both members required. Non-empty here so that the empty
// strings the parser uses for a package-less entry can never collide with a real package.
const Package = z.object({
  ecosystem: z.string().min(1, 'the ecosystem must not be empty'),
  name: z.string().min(1, 'the package name must not be empty'),
  purl: z.string().optional(),
});

const Affected = z.object({
  package: Package.optional(),
  severity: nullableList(Severity),
  ranges: optionalList(Range),
  versions: optionalList(z.string()),
  ecosystem_specific: JsonObject.optional(),
  database_specific: JsonObject.optional(),
});

const Reference = z.object({ type: z.string(), url: z.string() });

/** The OSV record as it arrives, before it is mapped to the Advisory model. */
export const OsvRecord = z.object({
  id: z.string().min(1, 'the id must not be empty'),
  modified: Timestamp,
  published: Timestamp.optional(),
  withdrawn: Timestamp.optional(),
  aliases: nullableList(z.string()),
  related: optionalList(z.string()),
  upstream: optionalList(z.string()),
  summary: z.string().optional(),
  details: z.string().optional(),
  severity: nullableList(Severity),
  affected: nullableList(Affected),
  references: nullableList(Reference),
  // Free-form per database; GHSA puts its LOW/MODERATE/HIGH/CRITICAL label in `severity`.
  database_specific: z.object({ severity: z.unknown().optional() }).loose().optional(),
});

export type OsvRecord = z.infer<typeof OsvRecord>;
export type OsvRange = z.infer<typeof Range>;
export type OsvEvent = z.infer<typeof Event>;
