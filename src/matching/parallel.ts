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

/** Match `components` against `advisories` on `threads` workers (default: every core). */
export async function matchInParallel(
  components: readonly MatchableComponent[],
  advisories: readonly Advisory[],
  threads = availableParallelism(),
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
