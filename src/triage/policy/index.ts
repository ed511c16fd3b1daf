/**
 * Policy packs: versioned YAML decision tables that give each finding a tier and a clock, the
 * evaluator that applies one or several of them (strictest deadline wins), and the renderer of
 * the written Patch Management Policy and Procedures. See readme.md for the pack format.
 */
export { type Comparator, type Condition, fieldsOf, parseCondition, type Test } from './condition.js';
export { clockText, DOCUMENT_TITLE, policyDocument } from './doc-pack.js';
export { conditionToEnglish } from './english.js';
export {
  type ClockEvents,
  compareDeadlines,
  type Deadline,
  deadlineOf,
  evaluatePack,
  evaluatePacks,
  type PackDecision,
  type PackOutcome,
  type PacksDecision,
} from './evaluate.js';
export { readField, type Truth, truthOf } from './evaluate-condition.js';
export { FIELD_NAMES, FIELDS, type FieldSpec, type FieldValue, fieldSpec, OUTCOME_PREFIX } from './fields.js';
export type { EpssInput, PolicyInputs, RiskRating, SafetyImpact, SsvcInput } from './inputs.js';
export { parsePack } from './load.js';
export {
  CLOCK_STARTS,
  type ClockStart,
  type Days,
  FIX_ON_UPGRADE,
  type PackRule,
  type PackTier,
  type PolicyPack,
} from './pack.js';
export { escapeHtml, escapeMarkdown, type RenderOptions, renderPolicyDocument } from './render.js';
export {
  isShippedPackId,
  loadShippedPack,
  loadShippedPacks,
  SHIPPED_PACK_IDS,
  type ShippedPackId,
} from './shipped.js';
