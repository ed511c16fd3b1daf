/**
 * Fleet matching on all cores: the components are split into one chunk per worker thread; each
 * worker builds the advisory index once from the same records and matches its chunk. Matching is
 * pure, so the answer is the same as `matchComponents` on one thread (tested), only sooner.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Advisory } from '../core/advisory.js';
import type { MatchableComponent } from './match.js';

/** One match as it crosses the thread boundary: indices into the caller's arrays. */
export interface MatchRef {
  component: number;
  advisory: string;
  fixed: string | null;
  unknown?: string;
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
