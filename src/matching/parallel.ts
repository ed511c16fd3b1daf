/**
 * Fleet matching on all cores: the components are split into one chunk per worker thread; each
 * worker builds the advisory index once from the same records and matches its chunk. Matching is
 * pure, so the answer is the same as `matchComponents` on one thread (tested), only sooner.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Advisory } from '../core/advisory.js';
import { buildAdvisoryIndex, packageKey } from './advisory-index.js';
import { type MatchableComponent, type MatchResult, matchComponents, matchKey } from './match.js';

/** One match as it crosses the thread boundary: indices into the caller's arrays. */
export interface MatchRef {
  component: number;
  advisory: string;
  fixed: string | null;
  unknown?: string;
  epochAssumed?: true;
}

/** Below this many components one thread is faster than starting workers and cloning the feed. */
export const PARALLEL_THRESHOLD = 100_000;

/**
 * Match on one thread for small inputs and on every core for a fleet; the result has the same
 * shape as `matchComponents` (matches and unknown verdicts; `skipped` counts are only kept on
 * one thread — callers that need them on a fleet ask `matchComponents` per asset).
 */
export async function matchAll<C extends MatchableComponent>(
  components: readonly C[],
  advisories: readonly Advisory[],
  threads = availableParallelism(),
  threshold = PARALLEL_THRESHOLD,
): Promise<MatchResult<C>> {
  if (components.length < threshold || threads < 2) {
    return matchComponents(components, buildAdvisoryIndex(advisories));
  }
  const byId = new Map(advisories.map((a) => [a.id, a]));
  const result: MatchResult<C> = {
    matches: [],
    unknown: [],
    skipped: { noEcosystem: 0, noVersion: 0, unsupportedEcosystem: {}, unknownRelease: 0 },
    unknownRelease: [],
  };
  for (const ref of await matchInParallel(components, advisories, threads)) {
    const component = components[ref.component]!;
    const advisory = byId.get(ref.advisory)!;
    const key = packageKey(component.ecosystem!, matchKey(component).name);
    const affected =
      advisory.affected.find((a) => a.ecosystem && packageKey(a.ecosystem, a.name) === key) ??
      advisory.affected[0]!;
    if (ref.unknown !== undefined)
      result.unknown.push({ component, advisory, affected, reason: ref.unknown });
    else {
      result.matches.push({
        component,
        advisory,
        affected,
        fixed: ref.fixed,
        ...(ref.epochAssumed ? { epochAssumed: true as const } : {}),
      });
    }
  }
  return result;
}

const WORKER = new URL('./parallel-worker.js', import.meta.url);

// A fleet runs the same package versions on many assets: match each distinct one once.
function identity(c: MatchableComponent): string {
  return [
    c.ecosystem,
    c.name,
    c.version,
    c.sourceName ?? '',
    c.sourceVersion ?? '',
    c.distroRelease ?? '',
  ].join('\u0000');
}

/**
 * Match `components` against `advisories` on `threads` workers (default: every core). Distinct
 * package versions are matched once and the result fanned out to every component that has them.
 */
export async function matchInParallel(
  components: readonly MatchableComponent[],
  advisories: readonly Advisory[],
  threads = availableParallelism(),
): Promise<MatchRef[]> {
  const firstOf = new Map<string, number>();
  const holders: number[][] = [];
  const distinct: MatchableComponent[] = [];
  components.forEach((c, i) => {
    const id = identity(c);
    const at = firstOf.get(id);
    if (at === undefined) {
      firstOf.set(id, distinct.length);
      holders.push([i]);
      distinct.push({
        purl: c.purl,
        ecosystem: c.ecosystem,
        name: c.name,
        version: c.version,
        sourceName: c.sourceName,
        sourceVersion: c.sourceVersion,
        distroRelease: c.distroRelease,
      });
    } else holders[at]!.push(i);
  });
  const refs = await matchDistinct(distinct, advisories, threads);
  return refs.flatMap((r) => holders[r.component]!.map((component) => ({ ...r, component })));
}

async function matchDistinct(
  components: readonly MatchableComponent[],
  advisories: readonly Advisory[],
  threads: number,
): Promise<MatchRef[]> {
  const n = Math.max(1, Math.min(threads, Math.ceil(components.length / 1000)));
  const size = Math.ceil(components.length / n);
  const jobs: Promise<MatchRef[]>[] = [];
  for (let i = 0; i < n; i++) {
    const offset = i * size;
    const chunk = components.slice(offset, offset + size);
    jobs.push(
      new Promise((resolve, reject) => {
        const w = new Worker(WORKER, { workerData: { components: chunk, advisories, offset } });
        w.once('message', (refs: MatchRef[]) => {
          resolve(refs);
          void w.terminate();
        });
        w.once('error', reject);
        w.once('exit', (code) => {
          if (code !== 0) reject(new Error(`matching worker exited with code ${code}`));
        });
      }),
    );
  }
  return (await Promise.all(jobs)).flat();
}
