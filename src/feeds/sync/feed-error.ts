/**
 * Feed-sync failures: AppErrors with the FEED_* codes of the registry (exit 3, upstream), which
 * also carry the code in `feedCode` and `details.feedCode` for callers that branch on it.
 */
import { AppError, type ErrorCode, type ErrorDetails } from '../../core/errors.js';

/** The feed error codes, each mapped to its registry code. */
export const FEED_ERRORS = {
  FEED_UNAVAILABLE: { code: 'FEED_UNAVAILABLE' },
  FEED_CHECKSUM: { code: 'FEED_CHECKSUM' },
  FEED_INVALID: { code: 'FEED_INVALID' },
} as const satisfies Record<string, { code: ErrorCode }>;

export type FeedErrorCode = keyof typeof FEED_ERRORS;

/** An AppError (so CLI and API edges map it) that also names the intended FEED_* code. */
export class FeedError extends AppError {
  readonly feedCode: FeedErrorCode;

  constructor(feedCode: FeedErrorCode, details: ErrorDetails = {}, options?: { cause?: unknown }) {
    super(FEED_ERRORS[feedCode].code, { ...details, feedCode }, options);
    this.feedCode = feedCode;
  }
}

/** True when `err` is a FeedError, optionally of one feed code. */
export function isFeedError(err: unknown, feedCode?: FeedErrorCode): err is FeedError {
  return err instanceof FeedError && (feedCode === undefined || err.feedCode === feedCode);
}
