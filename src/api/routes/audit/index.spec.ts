import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../evidence/audit-chain.js';
import { testDrivers } from '../../../store/testing.test-helpers.js';
import { expectErrorBody, openSeededApp, type SeededApp } from '../../testing.test-helpers.js';

for (const driver of testDrivers()) {
  describe(`audit routes on ${driver.name}`, () => {
    let s: SeededApp;
    beforeAll(async () => {
      s = await openSeededApp(driver);
    });
    afterAll(async () => {
      await s.close();
    });

    it('lists the most recent events newest first, up to limit', async () => {
      const res = await s.app.inject('/api/audit?limit=3');
      expect(res.statusCode).toBe(200);
      const { events } = res.json<{ events: AuditEvent[] }>();
      expect(events).toHaveLength(3);
      expect(events.map((e) => e.seq)).toEqual([events[0]!.seq, events[0]!.seq - 1, events[0]!.seq - 2]);
      expect(events[1]!.hash).toBe(events[0]!.prevHash);
      expect(Object.keys(events[0]!).sort()).toEqual(
        ['action', 'actor', 'at', 'data', 'entityId', 'entityType', 'hash', 'prevHash', 'seq'].sort(),
      );
    });

    it('records the imports that seeded the store', async () => {
      const { events } = (await s.app.inject('/api/audit?limit=1000')).json<{ events: AuditEvent[] }>();
      const actions = new Set(events.map((e) => e.action));
      for (const a of ['import.advisories', 'import.sbom', 'asset.created', 'finding.opened'])
        expect(actions).toContain(a);
      expect(events.at(-1)!.seq).toBe(1);
    });

    it('answers 400 for a limit out of range', async () => {
      const body = expectErrorBody(await s.app.inject('/api/audit?limit=1001'), 400, 'INPUT_SCHEMA');
      expect(body.details).toMatchObject({ in: 'querystring', param: 'limit', pointer: '/limit' });
    });

    it('verifies the chain', async () => {
      const { events } = (await s.app.inject('/api/audit?limit=1')).json<{ events: AuditEvent[] }>();
      const res = await s.app.inject('/api/audit/verify');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        ok: true,
        events: events[0]!.seq,
        head: events[0]!.hash,
        firstBreak: null,
      });
    });

    // Runs last: it tampers with the log. A broken chain is still a 200 with the break located,
    // and the nullable firstBreak object must keep its fields through the serializer.
    it('reports the first broken position with ok false', async () => {
      await s.db.exec(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete;
        UPDATE audit_events SET actor = 'mallory' WHERE seq = 2;
        ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete;`);
      const res = await s.app.inject('/api/audit/verify');
      expect(res.statusCode).toBe(200);
      const report = res.json<{
        ok: boolean;
        events: number;
        head: null;
        firstBreak: Record<string, unknown>;
      }>();
      expect(report).toMatchObject({ ok: false, events: 1, head: null });
      expect(report.firstBreak).toMatchObject({ position: 2, seq: 2, problem: 'hash-mismatch' });
      expect(report.firstBreak.expected).toMatch(/^[0-9a-f]{64}$/);
      expect(report.firstBreak.found).toMatch(/^[0-9a-f]{64}$/);
    });
  });
}
