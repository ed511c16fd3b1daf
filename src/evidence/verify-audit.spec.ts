import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.js';
import { appendAudit } from '../store/repositories/audit.js';
import { testDrivers } from '../store/testing.test-helpers.js';
import { verifyAuditLog } from './verify-audit.js';

for (const driver of testDrivers()) {
  describe(`audit chain on ${driver.name}`, () => {
    let db: Db;
    beforeEach(async () => {
      db = await driver.open();
      for (let i = 1; i <= 6; i++) {
        await db.transaction((tx) =>
          appendAudit(tx, {
            actor: 'test',
            action: 'asset.created',
            entityType: 'asset',
            entityId: String(i),
            data: { n: i, nested: { b: [1, 'x'], a: null }, ratio: 0.1 },
            at: new Date(Date.UTC(2026, 0, i, 12, 0, 0, 123)),
          }),
        );
      }
    });
    afterEach(async () => {
      await db.close();
    });

    // Tampering needs the trigger out of the way, as a superuser or the file's owner could do.
    async function tamper(sql: string): Promise<void> {
      await db.exec(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete;
        ${sql};
        ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete;`);
    }

    it('verifies an intact chain and reports its head', async () => {
      const report = await verifyAuditLog(db);
      expect(report).toMatchObject({ ok: true, events: 6, firstBreak: null });
      expect(report.head).toMatch(/^[0-9a-f]{64}$/);
    });

    it('rejects UPDATE, DELETE and TRUNCATE in the database itself', async () => {
      await expect(db.query(`UPDATE audit_events SET actor = 'mallory' WHERE seq = 2`)).rejects.toThrow(
        /append-only/,
      );
      await expect(db.query('DELETE FROM audit_events WHERE seq = 2')).rejects.toThrow(/append-only/);
      await expect(db.exec('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
      expect((await verifyAuditLog(db)).ok).toBe(true);
    });

    it('names the first edited row', async () => {
      await tamper(`UPDATE audit_events SET data = '{"n": 999}' WHERE seq = 4`);
      const report = await verifyAuditLog(db);
      expect(report.ok).toBe(false);
      expect(report.firstBreak).toMatchObject({ position: 4, seq: 4, problem: 'hash-mismatch' });
    });

    it('names the position of a deleted row', async () => {
      await tamper('DELETE FROM audit_events WHERE seq = 3');
      expect((await verifyAuditLog(db)).firstBreak).toMatchObject({
        position: 3,
        seq: 4,
        problem: 'sequence-gap',
      });
    });

    it('names the first of two swapped rows', async () => {
      await tamper(`UPDATE audit_events SET seq = 1000 WHERE seq = 5;
        UPDATE audit_events SET seq = 5 WHERE seq = 2;
        UPDATE audit_events SET seq = 2 WHERE seq = 1000`);
      expect((await verifyAuditLog(db)).firstBreak).toMatchObject({
        position: 2,
        problem: 'prev-hash-mismatch',
      });
    });

    it('detects a rewritten tail whose hashes were recomputed without the prefix', async () => {
      await tamper(`UPDATE audit_events SET prev_hash = repeat('a', 64) WHERE seq = 6`);
      expect((await verifyAuditLog(db)).firstBreak).toMatchObject({
        position: 6,
        problem: 'prev-hash-mismatch',
      });
    });

    it('rolls the event back with the change it records', async () => {
      await expect(
        db.transaction(async (tx) => {
          await appendAudit(tx, { actor: 't', action: 'x', entityType: 'y', entityId: '1', data: {} });
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect((await verifyAuditLog(db)).events).toBe(6);
    });
  });
}
