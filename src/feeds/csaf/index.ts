/**
 * CSAF 2.0 advisories (vendor advisories, CISA ICS/ICSMA advisories, VEX) → device matches.
 * See readme.md.
 */
export { compareGeneric, compareGenericText, type GenericVersion, parseGeneric } from './generic-version.js';
export { type DeviceFacts, deviceFacts, type MatchHow, modelPattern, normalName } from './identity.js';
export {
  type DeviceMatch,
  type DeviceMatchResult,
  type DeviceNonMatch,
  type MatchConfidence,
  matchDevices,
  type NonMatchReason,
} from './match-devices.js';
export { parseCsafAdvisory } from './parse-csaf-advisory.js';
export { parseCsafText, readCsafFile } from './read-csaf.js';
export * from './types.js';
export { parseVersionPhrase, VERSION_PHRASES } from './version-phrase.js';
export {
  type Comparator,
  type Constraint,
  type Containment,
  containsVersion,
  describeSpec,
  parseExactVersion,
  parseVers,
  parseVersionRange,
  type VersionSpec,
} from './version-spec.js';
