/**
 * A sampled scan of one log group's recent events for PHI and credentials (pattern #5 of
 * POSTURE-ANCHORS.md: no HIPAA anchor checks it; Prowler's unmapped
 * cloudwatch_log_group_no_secrets_in_logs is the nearest). It reads a bounded number of events
 * from a bounded recent window with FilterLogEvents, runs the detectors of
 * log-sample-detectors.ts over each message in memory, and keeps only counts: how many events
 * were read, and per detector how many matched and where the first one was (log stream name and
 * timestamp, so a person can go and look). Event text and matched values are never kept: the
 * snapshot is stored and shown, and PatchWarden must never store PHI.
 */
import { type CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { detectorsMatching, LOG_DETECTORS } from './log-sample-detectors.js';

/**
 * How far back the scan looks. A day shows what the applications log today, yet stays small
 * enough that FilterLogEvents finds events in one or two pages for most groups.
 */
export const SAMPLE_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * At most this many events per log group. It bounds collection time and API cost on busy
 * groups (FilterLogEvents returns at most 10,000 events a call and has a low per-account
 * request quota); a leak that happens on every request shows up in 200 events.
 */
export const SAMPLE_MAX_EVENTS = 200;

/**
 * At most this many FilterLogEvents calls per group. The API may answer a page with no events and
 * a `nextToken` while it is still searching a large group; without this bound one quiet but large
 * group could hold the collection.
 */
export const SAMPLE_MAX_PAGES = 5;

/** Where a detector first matched: enough to find the event, nothing of its content. */
export interface FirstHit {
  logStreamName: string | null;
  timestamp: string | null;
}

/**
 * The stored outcome of sampling one log group (`supplementary.sensitiveDataSample`). The window
 * is stored as its length, the hours before the snapshot's `collectedAt`: a live collection is
 * compared with the previous one by content without its collection time (import-cloud.ts), and
 * absolute window bounds would make every collection differ.
 */
export interface SensitiveDataSample {
  windowHours: number;
  eventsSampled: number;
  /** More events matched the window than were read (event or page bound reached). */
  truncated: boolean;
  /** Every detector that ran, by id: events matched (each event counted once) and the first. */
  detectors: Record<string, { hits: number; firstHit: FirstHit | null }>;
}

/** The event fields the scan reads. */
export interface SampledEvent {
  logStreamName?: string | undefined;
  timestamp?: number | undefined;
  message?: string | undefined;
}

/** The sampling window ending at `endMs`. */
export function sampleWindow(endMs: number): { startMs: number; endMs: number } {
  return { startMs: endMs - SAMPLE_WINDOW_MS, endMs };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Counts of `events` per detector; the messages are read here and dropped. */
export function summariseSample(events: readonly SampledEvent[], truncated: boolean): SensitiveDataSample {
  const detectors: SensitiveDataSample['detectors'] = {};
  for (const d of LOG_DETECTORS) detectors[d.id] = { hits: 0, firstHit: null };
  for (const e of events) {
    for (const id of detectorsMatching(e.message ?? '')) {
      const d = detectors[id] as SensitiveDataSample['detectors'][string];
      d.hits += 1;
      d.firstHit ??= {
        logStreamName: e.logStreamName ?? null,
        timestamp: e.timestamp === undefined ? null : iso(e.timestamp),
      };
    }
  }
  return {
    windowHours: SAMPLE_WINDOW_MS / 3_600_000,
    eventsSampled: events.length,
    truncated,
    detectors,
  };
}

/** Sample one log group: up to SAMPLE_MAX_EVENTS events of the window over SAMPLE_MAX_PAGES calls. */
export async function sampleLogGroup(
  logs: CloudWatchLogsClient,
  logGroupName: string,
  window: { startMs: number; endMs: number },
): Promise<SensitiveDataSample> {
  const events: SampledEvent[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const out = await logs.send(
      new FilterLogEventsCommand({
        logGroupName,
        startTime: window.startMs,
        endTime: window.endMs,
        limit: SAMPLE_MAX_EVENTS - events.length,
        nextToken,
      }),
    );
    pages += 1;
    for (const e of out.events ?? []) {
      if (events.length < SAMPLE_MAX_EVENTS) events.push(e);
    }
    nextToken = out.nextToken;
  } while (nextToken !== undefined && events.length < SAMPLE_MAX_EVENTS && pages < SAMPLE_MAX_PAGES);
  return summariseSample(events, nextToken !== undefined);
}
