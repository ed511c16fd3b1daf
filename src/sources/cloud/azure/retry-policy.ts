/**
 * The retry policy of the Resource Graph client. @azure/arm-resourcegraph 4.x runs on
 * @azure/ms-rest-js, whose default retries wait 30 s between 5xx attempts and give up on a 429
 * without `Retry-After`; we replace them (`noRetryPolicy`) with one bounded, configurable policy:
 * - 429, 408 and 5xx (but 501/505) are retried, honouring `Retry-After` (seconds or HTTP date,
 *   RFC 9110 §10.2.3), then Resource Graph's `x-ms-user-quota-resets-after` (hh:mm:ss), else an
 *   exponential back-off from `baseDelayMs`; every wait is capped at `maxDelayMs`.
 * - Resource Graph meters each user (Azure docs "Guidance for throttled requests in Azure Resource
 *   Graph": `x-ms-user-quota-remaining`, `x-ms-user-quota-resets-after`); when a response says the
 *   quota is spent, the next request waits for the window to reset instead of earning a 429.
 * The policy sits innermost (after deserialisation), so it sees raw statuses before they become
 * errors.
 */
import type { ResourceGraphModels } from '@azure/arm-resourcegraph';

type PolicyFactories = NonNullable<ResourceGraphModels.ResourceGraphClientOptions['requestPolicyFactories']>;
/** One ms-rest-js request policy factory (typed through the client's options, not ms-rest-js). */
export type RequestPolicyFactory = Extract<PolicyFactories, unknown[]>[number];
type RequestPolicy = ReturnType<RequestPolicyFactory['create']>;
type WebResource = Parameters<RequestPolicy['sendRequest']>[0];

export interface AzureRetryOptions {
  /** Retries after the first attempt (default 4). */
  maxRetries?: number;
  /** First back-off when the service names no delay (default 1 s), doubled per attempt. */
  baseDelayMs?: number;
  /** Longest single wait (default 60 s); a longer `Retry-After` is cut to it. */
  maxDelayMs?: number;
}

const DEFAULTS = { maxRetries: 4, baseDelayMs: 1_000, maxDelayMs: 60_000 } as const;

/** Options with defaults filled in. */
export function retrySettings(o: AzureRetryOptions = {}): Required<AzureRetryOptions> {
  return {
    maxRetries: o.maxRetries ?? DEFAULTS.maxRetries,
    baseDelayMs: o.baseDelayMs ?? DEFAULTS.baseDelayMs,
    maxDelayMs: o.maxDelayMs ?? DEFAULTS.maxDelayMs,
  };
}

/** Whether a status is worth another attempt (transient by RFC 9110 and ARM guidance). */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 408 || (status >= 500 && status !== 501 && status !== 505);
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date; undefined when unusable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Resource Graph's `x-ms-user-quota-resets-after` (`hh:mm:ss`) as milliseconds. */
export function parseQuotaReset(value: string | undefined): number | undefined {
  const m = value === undefined ? null : /^(\d+):(\d{2}):(\d{2})(?:\.\d+)?$/.exec(value.trim());
  if (!m) return undefined;
  return ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000;
}

/** The wait before retry number `attempt` (0-based), from the response headers or back-off. */
export function retryDelay(
  header: (name: string) => string | undefined,
  attempt: number,
  settings: Required<AzureRetryOptions>,
  now: number,
): number {
  const named =
    parseRetryAfter(header('retry-after'), now) ?? parseQuotaReset(header('x-ms-user-quota-resets-after'));
  const wait = named ?? settings.baseDelayMs * 2 ** attempt;
  return Math.min(wait, settings.maxDelayMs);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The ms-rest-js policy factory: retries as above and paces requests by the Resource Graph quota. */
export function azureRetryPolicy(options: AzureRetryOptions = {}): RequestPolicyFactory {
  const settings = retrySettings(options);
  // Shared by every request of one client: the quota belongs to the caller, not to one request.
  let notBefore = 0;
  return {
    create(next: RequestPolicy): RequestPolicy {
      return {
        async sendRequest(request: WebResource) {
          for (let attempt = 0; ; attempt++) {
            const wait = notBefore - Date.now();
            if (wait > 0) await sleep(Math.min(wait, settings.maxDelayMs));
            let response: Awaited<ReturnType<RequestPolicy['sendRequest']>>;
            try {
              response = await next.sendRequest(request.clone());
            } catch (err) {
              // ms-rest-js reports socket failures (reset, timeout) as REQUEST_SEND_ERROR.
              const code = (err as { code?: unknown } | null)?.code;
              if (code !== 'REQUEST_SEND_ERROR' || attempt >= settings.maxRetries) throw err;
              await sleep(retryDelay(() => undefined, attempt, settings, Date.now()));
              continue;
            }
            const header = (name: string) => response.headers.get(name);
            if (header('x-ms-user-quota-remaining') === '0') {
              const reset = parseQuotaReset(header('x-ms-user-quota-resets-after'));
              if (reset !== undefined) notBefore = Date.now() + reset;
            }
            if (!isRetryableStatus(response.status) || attempt >= settings.maxRetries) return response;
            await sleep(retryDelay(header, attempt, settings, Date.now()));
          }
        },
      };
    },
  };
}
