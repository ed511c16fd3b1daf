/**
 * Reading diagnostic settings (Monitor 2021-05-01-preview `DiagnosticSettingsResource`: items with
 * `properties.workspaceId` / `storageAccountId` / `eventHubAuthorizationRuleId` /
 * `marketplacePartnerId` and `logs[]` of `{ category | categoryGroup, enabled, retentionPolicy }`)
 * against the log categories a check needs. A setting carries a category when an enabled entry
 * names it, or names the `allLogs` category group, or (where the caller accepts it) the `audit`
 * group, which Azure Monitor defines as the logs that record access to data and settings.
 *
 * Records are *kept* when they go to a Log Analytics workspace or a storage account; Event Hubs
 * and partner solutions only stream them on, so where (and whether) they are kept is not visible.
 * `retentionPolicy` (deprecated, storage destination only) deletes records after `days` when
 * `enabled` and days > 0.
 */
import { list, type Obj, obj, str } from './arm.js';

export interface SettingSummary {
  name: string;
  workspaceId: string | null;
  storageAccountId: string | null;
  streamsOnly: boolean;
  /** Enabled categories and groups as written (`group:allLogs` for groups). */
  enabled: string[];
  /** Shortest enabled storage retention among the entries read, in days (null: none). */
  retentionDays: number | null;
}

function entries(setting: unknown): Obj[] {
  const p = obj(obj(setting).properties);
  return list(p.logs).map(obj);
}

/** A setting as evidence. */
export function summarize(setting: unknown): SettingSummary {
  const o = obj(setting);
  const p = obj(o.properties);
  const workspaceId = str(p.workspaceId) ?? null;
  const storageAccountId = str(p.storageAccountId) ?? null;
  const enabledEntries = entries(setting).filter((e) => e.enabled === true);
  const days = enabledEntries.flatMap((e) => {
    const rp = obj(e.retentionPolicy);
    return rp.enabled === true && typeof rp.days === 'number' && rp.days > 0 ? [rp.days] : [];
  });
  return {
    name: str(o.name) ?? '?',
    workspaceId,
    storageAccountId,
    streamsOnly:
      workspaceId === null &&
      storageAccountId === null &&
      (str(p.eventHubAuthorizationRuleId) !== undefined || str(p.marketplacePartnerId) !== undefined),
    enabled: enabledEntries.flatMap((e) => {
      const c = str(e.category);
      const g = str(e.categoryGroup);
      return c !== undefined ? [c] : g !== undefined ? [`group:${g}`] : [];
    }),
    retentionDays: days.length > 0 ? Math.min(...days) : null,
  };
}

/** The required categories a setting does not carry. */
export function missingCategories(
  s: SettingSummary,
  required: readonly string[],
  acceptAuditGroup: boolean,
): string[] {
  const on = new Set(s.enabled.map((e) => e.toLowerCase()));
  if (on.has('group:alllogs') || (acceptAuditGroup && on.has('group:audit'))) return [];
  return required.filter((c) => !on.has(c.toLowerCase()));
}

export type RoutingVerdict = { status: 'pass' | 'fail' | 'manual'; message: string };

/**
 * Whether the settings, together, keep every required category: `pass` when each is kept (in a
 * workspace, or in storage at least `minRetentionDays`), `fail` when one is not kept at all or only
 * for fewer days, `manual` when one is only streamed on.
 */
export function routing(
  settings: readonly unknown[],
  required: readonly string[],
  o: { acceptAuditGroup: boolean; minRetentionDays?: number },
): RoutingVerdict {
  const all = settings.map(summarize);
  const carries = (s: SettingSummary, c: string) =>
    missingCategories(s, [c], o.acceptAuditGroup).length === 0;
  const keeps = (s: SettingSummary) => s.workspaceId !== null || s.storageAccountId !== null;
  const longEnough = (s: SettingSummary) =>
    s.workspaceId !== null ||
    o.minRetentionDays === undefined ||
    s.retentionDays === null ||
    s.retentionDays >= o.minRetentionDays;
  const state = required.map((c) => {
    const carriers = all.filter((s) => carries(s, c));
    if (carriers.some((s) => keeps(s) && longEnough(s))) return 'kept';
    if (carriers.some(keeps)) return 'short';
    return carriers.length > 0 ? 'streamed' : 'missing';
  });
  const named = (want: string) => required.filter((_, i) => state[i] === want);
  if (all.length === 0) return { status: 'fail', message: 'No diagnostic setting: these logs are not kept.' };
  if (named('missing').length > 0) {
    return {
      status: 'fail',
      message: `No diagnostic setting sends ${named('missing').join(', ')} to a workspace or storage account.`,
    };
  }
  if (named('short').length > 0) {
    const days = Math.max(...all.filter(keeps).map((s) => s.retentionDays ?? 0));
    return {
      status: 'fail',
      message: `${named('short').join(', ')} go to storage only and are deleted after ${days} days, less than ${o.minRetentionDays}.`,
    };
  }
  if (named('streamed').length > 0) {
    return {
      status: 'manual',
      message: `${named('streamed').join(', ')} are only streamed to an Event Hub or partner solution: confirm where they are kept.`,
    };
  }
  return {
    status: 'pass',
    message: `Diagnostic settings keep ${required.join(', ')} in a workspace or storage account.`,
  };
}
