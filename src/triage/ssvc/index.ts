/**
 * SSVC decision tables as data: load CERT/CC JSON, evaluate exactly or under partial information,
 * map Vulnrichment/KEV facts to inputs, and read BOD 26-04 remediation timelines. See readme.md.
 */
export { type Bod2604Facts, type BodTimeline, bod2604Inputs, bodTimeline, timelineOf } from './bod.js';
export {
  type Evaluation,
  evaluate,
  type PossibleOutcomes,
  pickInputs,
  possibleOutcomes,
} from './evaluate.js';
export { SSVC_POINTS, vulnrichmentInputs, withKev } from './inputs.js';
export {
  combinations,
  parseDecisionPoint,
  parseDecisionPointText,
  parseDecisionTable,
  parseDecisionTableText,
  ssvcId,
} from './load.js';
export type { DecisionPoint, DecisionTable, DecisionValue, Inputs, MappingRow } from './schema.js';
export {
  BOD_26_04,
  BOD_26_04_TIMELINES,
  CISA_COORDINATOR,
  DEPLOYER_PATCH_PRIORITY,
  HUMAN_IMPACT,
  SHIPPED_TABLES,
} from './tables.js';
