/**
 * One parsed OSV document → the Advisory model (core/advisory.ts). The boundary schema checks the
 * JSON types; the rules that relate members (OSV docs/schema.md, "affected[].ranges[].events
 * fields — Requirements" and "affected[].ranges[].repo field") are checked here while mapping, so
 * every error carries the JSON pointer of the range or event at fault.
 */
import type { Advisory, AffectedPackage, AffectedRange, RangeEvent, Severity } from '../../core/advisory.js';
import { AppError } from '../../core/errors.js';
import { jsonPointer, validateShape } from '../../core/structured-input.js';
import { type OsvEvent, type OsvRange, OsvRecord } from './schema.js';

type Path = Array<string | number>;
type OsvAffected = NonNullable<OsvRecord['affected']>[number];

const EVENT_KEYS = ['introduced', 'fixed', 'last_affected', 'limit'] as const;

/** Validate one parsed OSV document and map it to an Advisory; errors are INPUT_SCHEMA with file and pointer. */
export function parseOsvRecord(value: unknown, file: string): Advisory {
  const record = validateShape(OsvRecord, value, file);
  const advisory: Advisory = {
    id: record.id,
    modified: record.modified,
    aliases: record.aliases ?? [],
    related: record.related ?? [],
    upstream: record.upstream ?? [],
    severity: (record.severity ?? []).map(toSeverity),
    affected: (record.affected ?? []).map((a, i) => toAffected(a, file, ['affected', i])),
    references: (record.references ?? []).map(({ type, url }) => ({ type, url })),
  };
  if (record.published !== undefined) advisory.published = record.published;
  if (record.withdrawn !== undefined) advisory.withdrawn = record.withdrawn;
  if (record.summary !== undefined) advisory.summary = record.summary;
  if (record.details !== undefined) advisory.details = record.details;
  // `database_specific` is free-form; only a string label (GHSA: LOW/MODERATE/HIGH/CRITICAL) is
  // meaningful to triage, anything else another database put there is ignored.
  const label = record.database_specific?.severity;
  if (typeof label === 'string') advisory.sourceSeverity = label;
  return advisory;
}

/** Whether an affected entry came without `package` (GIT-only records): it can match by commit only. */
export function isPackageless(affected: AffectedPackage): boolean {
  return affected.ecosystem === '' && affected.name === '';
}

function toAffected(a: OsvAffected, file: string, at: Path): AffectedPackage {
  // OSV "affected[].package field": entries without a package exist (psf/advisory-database
  // describes CPython by GIT ranges only). They keep ecosystem and name '' — values the schema
  // refuses for a real package and no purl maps to — so a lookup by ecosystem and name can
  // never reach them; see isPackageless and readme.md.
  const out: AffectedPackage = {
    ecosystem: a.package?.ecosystem ?? '',
    name: a.package?.name ?? '',
    ranges: (a.ranges ?? []).map((r, j) => toRange(r, file, [...at, 'ranges', j])),
    versions: a.versions ?? [],
    severity: (a.severity ?? []).map(toSeverity),
  };
  if (a.package?.purl !== undefined) out.purl = a.package.purl;
  return out;
}

function toRange(range: OsvRange, file: string, at: Path): AffectedRange {
  const events = range.events.map((e, k) => toEvent(e, file, [...at, 'events', k]));
  const has = (key: (typeof EVENT_KEYS)[number]) => events.some((e) => key in e);
  // "There must be at least one `introduced` object in the `events` array."
  if (!has('introduced')) fail(file, [...at, 'events'], 'a range needs at least one introduced event');
  // "Entries in the `events` array can contain either `last_affected` or `fixed` events, but not both."
  if (has('fixed') && has('last_affected'))
    fail(file, [...at, 'events'], 'a range holds fixed or last_affected events, not both');
  // "affected[].ranges[].repo field: This field is required if `affected[].ranges[].type` is `GIT`."
  // Commit hashes are not checked for full length although the spec asks for it: real PyPA data
  // (PYSEC-2021-424) carries an abbreviated `fixed: cb35df940a`, which a git resolver still accepts.
  if (range.type === 'GIT' && !range.repo) fail(file, at, 'a GIT range needs a repo');
  const out: AffectedRange = { type: range.type, events };
  if (range.repo !== undefined) out.repo = range.repo;
  return out;
}

function toEvent(e: OsvEvent, file: string, at: Path): RangeEvent {
  // "Only a single type (either introduced, fixed, last_affected, limit) is allowed in each event object."
  const keys = EVENT_KEYS.filter((key) => e[key] !== undefined);
  const [key] = keys;
  const version = key === undefined ? undefined : e[key];
  if (keys.length !== 1 || key === undefined || version === undefined) {
    const found = keys.length === 0 ? 'none' : keys.join(' and ');
    fail(file, at, `an event holds exactly one of ${EVENT_KEYS.join(', ')}; found ${found}`);
  }
  switch (key) {
    case 'introduced':
      return { introduced: version };
    case 'fixed':
      return { fixed: version };
    case 'last_affected':
      return { last_affected: version };
    case 'limit':
      return { limit: version };
  }
}

function toSeverity({ type, score }: { type: string; score: string }): Severity {
  return { type, score };
}

function fail(file: string, path: Path, reason: string): never {
  throw new AppError('INPUT_SCHEMA', { file, pointer: jsonPointer(path), reason });
}
