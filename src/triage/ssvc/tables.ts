/**
 * The SSVC tables PatchWarden ships, copied unchanged from CERTCC/SSVC `data/json/` (see
 * tables/README.md for source commit and licence). Imported as JSON modules rather than read with
 * node:fs: `triage` does no I/O (STYLE.md "Dependencies point inward"), the import resolves
 * relative to this module both in src (vitest) and in dist (tsc emits imported .json files beside
 * the .js), and tsconfig's `module: NodeNext` + `resolveJsonModule` require the `with { type: 'json' }`
 * attribute, which Node ≥ 20.19 (our engines floor) loads without a flag or warning. The values are validated here, once, at import.
 */
import { parseDecisionPoint, parseDecisionTable } from './load.js';
import type { DecisionPoint, DecisionTable } from './schema.js';
import bod2604Json from './tables/cisa_bod_26_04_1_0_0.json' with { type: 'json' };
import bod2604TimelinesJson from './tables/cisa_bod_26_04_remediation_timelines_1_0_0.json' with {
  type: 'json',
};
import coordinatorJson from './tables/cisa_coordinator_2_0_3.json' with { type: 'json' };
import deployerJson from './tables/deployer_patch_application_priority_1_0_0.json' with { type: 'json' };
import humanImpactJson from './tables/human_impact_1_0_0.json' with { type: 'json' };

const DIR = 'src/triage/ssvc/tables';

/** CISA coordinator tree v2.0.3: Exploitation, Automatable, Technical Impact, Mission & Well-Being → Track, Track*, Attend, Act. */
export const CISA_COORDINATOR: DecisionTable = parseDecisionTable(
  coordinatorJson,
  `${DIR}/cisa_coordinator_2_0_3.json`,
);

/** SSVC deployer patch application priority v1.0.0: Exploitation, System Exposure, Automatable, Human Impact → Defer/Scheduled/Out-of-Cycle/Immediate. */
export const DEPLOYER_PATCH_PRIORITY: DecisionTable = parseDecisionTable(
  deployerJson,
  `${DIR}/deployer_patch_application_priority_1_0_0.json`,
);

/** SSVC Human Impact v1.0.0: Safety Impact × Mission Impact → Human Impact (the deployer tree's last input). */
export const HUMAN_IMPACT: DecisionTable = parseDecisionTable(
  humanImpactJson,
  `${DIR}/human_impact_1_0_0.json`,
);

/** CISA BOD 26-04 Table 1 v1.0.0: In KEV, Publicly Exposed, Automatable, Technical Impact → remediation timeline. */
export const BOD_26_04: DecisionTable = parseDecisionTable(bod2604Json, `${DIR}/cisa_bod_26_04_1_0_0.json`);

/** The BOD 26-04 remediation timelines decision point v1.0.0 (the outcome values of BOD_26_04, with definitions). */
export const BOD_26_04_TIMELINES: DecisionPoint = parseDecisionPoint(
  bod2604TimelinesJson,
  `${DIR}/cisa_bod_26_04_remediation_timelines_1_0_0.json`,
);

/** Every shipped table by SSVC id (`namespace:key:version`). */
export const SHIPPED_TABLES: ReadonlyMap<string, DecisionTable> = new Map(
  [CISA_COORDINATOR, DEPLOYER_PATCH_PRIORITY, HUMAN_IMPACT, BOD_26_04].map((t) => [t.id, t]),
);
