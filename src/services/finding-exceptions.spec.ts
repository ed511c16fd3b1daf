import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../core/errors.js';
import { verifyAuditLog } from '../evidence/verify-audit.js';
import type { Db } from '../store/db.js';
import { listFindings } from '../store/repositories/findings.js';
import { testDrivers } from '../store/testing.test-helpers.js';
import { decideException, requestException } from './finding-exceptions.js';
import { importAdvisories } from './import-advisories.js';
import { importSbom } from './import-sbom.js';
import { GHSA_NPM, JUICE_SHOP } from './shared-data.test-helpers.js';

const at = new Date('2026-11-01T00:00:00.000Z');
const days = (n: number) => new Date(at.getTime() + n * 86_400_000);

for (const driver of testDrivers()) {
  describe(`finding exceptions on ${driver.name}`, () => {
    let db: Db;
    let findingId = 0;
    let base = '';
    beforeAll(async () => {
      db = await driver.open();
      await importSbom(db, JUICE_SHOP, {
        actor: 'test',
        at,
        asset: { externalId: 'test:juice', tags: { PHI: 'true' } },
      });
      await importAdvisories(db, GHSA_NPM, { actor: 'test', at });
      const [f] = await listFindings(db, { state: 'open' });
      findingId = f!.id;
      base = f!.deadline!;
    });
    afterAll(async () => db.close());

    const finding = async () => (await listFindings(db, { id: findingId }))[0]!;

    it('a requested exception changes nothing until someone else approves it', async () => {
      const e = await requestException(db, {
        findingId,
        reason: 'vendor fix breaks the HL7 interface; WAF rule blocks the vector',
        controls: ['WAF virtual patch', 'network segmentation'],
        expiresAt: days(31),
        actor: 'cli:alice',
        at: days(1),
      });
      expect((await finding()).deadline).toBe(base);
      const self = await decideException(db, e.id, 'approve', { actor: 'cli:alice', at: days(1) }).catch(
        (x: unknown) => x,
      );
      expect(isAppError(self, 'NOT_PERMITTED')).toBe(true);

      const ok = await decideException(db, e.id, 'approve', { actor: 'cli:bob', at: days(1) });
      expect(ok.findings.retiered).toBe(1);
      const f = await finding();
      // Paused for the approved window: 30 days from approval to expiry.
      expect(f.deadline).toBe(new Date(Date.parse(base) + 30 * 86_400_000).toISOString());
      expect(f.inputs).toMatchObject({
        controls: { compensating: true, list: ['WAF virtual patch', 'network segmentation'] },
        clock: { paused: [{ exceptions: [e.id], days: 30 }] },
      });
      expect((f.inputs as { triage: { reason: string } }).triage.reason).toContain(
        `paused by exception #${e.id}`,
      );

      // Revoked after 10 days: the pause is what really ran.
      await decideException(db, e.id, 'revoke', { actor: 'cli:bob', at: days(11) });
      expect((await finding()).deadline).toBe(new Date(Date.parse(base) + 10 * 86_400_000).toISOString());
      const again = await decideException(db, e.id, 'revoke', { actor: 'cli:bob', at: days(12) }).catch(
        (x: unknown) => x,
      );
      expect(isAppError(again, 'NOT_PERMITTED')).toBe(true);
      expect((await verifyAuditLog(db)).ok).toBe(true);
    });

    it('requests need a reason and a future expiry; unknown findings are NOT_FOUND', async () => {
      const r = (x: Partial<Parameters<typeof requestException>[1]>) =>
        requestException(db, {
          findingId,
          reason: 'r',
          controls: [],
          expiresAt: days(40),
          actor: 'a',
          at: days(2),
          ...x,
        }).catch((e: unknown) => e);
      expect(isAppError(await r({ reason: ' ' }), 'USAGE')).toBe(true);
      expect(isAppError(await r({ expiresAt: days(1) }), 'USAGE')).toBe(true);
      expect(isAppError(await r({ findingId: 999_999 }), 'NOT_FOUND')).toBe(true);
    });
  });
}
