import { describe, expect, it } from 'vitest';
import { missingCategories, routing, summarize } from './diagnostics.js';

const setting = (properties: Record<string, unknown>) => ({ name: 's', properties });

describe('diagnostics', () => {
  it('summarises destinations, enabled categories and the shortest storage retention', () => {
    expect(
      summarize(
        setting({
          storageAccountId: '/sa',
          workspaceId: '',
          logs: [
            { category: 'A', enabled: true, retentionPolicy: { enabled: true, days: 30 } },
            { category: 'B', enabled: false, retentionPolicy: { enabled: true, days: 1 } },
            { categoryGroup: 'audit', enabled: true },
          ],
        }),
      ),
    ).toEqual({
      name: 's',
      workspaceId: null,
      storageAccountId: '/sa',
      streamsOnly: false,
      enabled: ['A', 'group:audit'],
      retentionDays: 30,
    });
  });
  it('accepts the audit group only when told to; allLogs always', () => {
    const s = summarize(setting({ logs: [{ categoryGroup: 'audit', enabled: true }] }));
    expect(missingCategories(s, ['X'], true)).toEqual([]);
    expect(missingCategories(s, ['X'], false)).toEqual(['X']);
  });
  it('combines settings: each category kept by one of them is enough', () => {
    const v = routing(
      [
        setting({ workspaceId: '/ws', logs: [{ category: 'A', enabled: true }] }),
        setting({ storageAccountId: '/sa', logs: [{ category: 'B', enabled: true }] }),
      ],
      ['A', 'B'],
      { acceptAuditGroup: false, minRetentionDays: 10 },
    );
    expect(v.status).toBe('pass');
  });
});
