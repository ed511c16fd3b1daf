/**
 * Request pacing and retries for the NVD CVE API 2.0 (https://nvd.nist.gov/developers/start-here,
 * "Rate Limits" and "Best Practices"): the API is rate-limited per IP or per API key over a rolling
 * window, asks clients to sleep between requests (about six seconds without a key), and answers
 * 403 or 503 when a client goes faster or the service is busy. Those two are retried here with
 * exponential backoff; every other failure is final and left to the mirror's atomic switch.
 */
import { isAppError } from '../../core/errors.js';
import { type DownloadOptions, type DownloadResult, downloadFile } from './download.js';
import { NVD_API } from './sources.js';

/** How to pace and retry; delays in milliseconds, `sleep` replaceable in tests. */
export interface NvdPacing {
  /** Minimum time between the starts of two requests. */
  delayMs: number;
  /** Retries of a 403/503 answer (default 3). */
  retries?: number | undefined;
  /** First backoff; doubled for each further retry (default 10 s). */
  retryDelayMs?: number | undefined;
  sleep?: ((ms: number) => Promise<void>) | undefined;
}

/** The pacing NVD asks for: ~6 s between requests without an API key, ~0.6 s with one. */
export function defaultNvdDelayMs(apiKey: string | undefined): number {
  return apiKey ? NVD_API.minDelayMsWithKey : NVD_API.minDelayMsWithoutKey;
}

// 403 is what NVD sends when the rate limit is exceeded; 503 when the service is overloaded.
const RETRYABLE = new Set([403, 503]);

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A downloadFile that waits `delayMs` between request starts and retries 403/503 with backoff. */
export function pacedDownloader(pacing: NvdPacing): (o: DownloadOptions) => Promise<DownloadResult> {
  const sleep = pacing.sleep ?? defaultSleep;
  const retries = pacing.retries ?? 3;
  const retryDelayMs = pacing.retryDelayMs ?? 10_000;
  let last = Number.NEGATIVE_INFINITY;
  const paced = async () => {
    const wait = last + pacing.delayMs - Date.now();
    if (wait > 0) await sleep(wait);
    last = Date.now();
  };
  return async (o) => {
    for (let attempt = 0; ; attempt++) {
      await paced();
      try {
        return await downloadFile(o);
      } catch (err) {
        const status = isAppError(err) ? err.details.status : undefined;
        if (attempt >= retries || typeof status !== 'number' || !RETRYABLE.has(status)) throw err;
        await sleep(retryDelayMs * 2 ** attempt);
      }
    }
  };
}
