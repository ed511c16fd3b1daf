// Worker side of parallel.ts: build the index, match one chunk, post indices back.
import { parentPort, workerData } from 'node:worker_threads';
import type { Advisory } from '../core/advisory.js';
import { buildAdvisoryIndex } from './advisory-index.js';
import { type MatchableComponent, matchComponents } from './match.js';
import type { MatchRef } from './parallel.js';

const { components, advisories, offset } = workerData as {
  components: (MatchableComponent & { i?: number })[];
  advisories: Advisory[];
  offset: number;
};
const indexed = components.map((c, i) => ({ ...c, i: offset + i }));
const result = matchComponents(indexed, buildAdvisoryIndex(advisories));
const refs: MatchRef[] = [
  ...result.matches.map((m) => ({
    component: m.component.i,
    advisory: m.advisory.id,
    fixed: m.fixed,
    ...(m.epochAssumed ? { epochAssumed: true as const } : {}),
  })),
  ...result.unknown.map((u) => ({
    component: u.component.i,
    advisory: u.advisory.id,
    fixed: null,
    unknown: u.reason,
  })),
];
parentPort!.postMessage(refs);
