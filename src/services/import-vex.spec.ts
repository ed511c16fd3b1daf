import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../evidence/verify-audit.js';
import type { Db } from '../store/db.js';
import { listFindings } from '../store/repositories/findings.js';
import { testDrivers } from '../store/testing.test-helpers.js';
import { importAdvisories } from './import-advisories.js';
import { importSbom } from './import-sbom.js';
import { importVex } from './import-vex.js';
import { GHSA_NPM, JUICE_SHOP, tableFingerprint } from './shared-data.test-helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'pw-vex-'));
function openVex(
  name: string,
  status: string,
  timestamp: string,
  extra: Record<string, unknown> = {},
): string {
  const file = join(tmp, name);
  writeFileSync(
    file,
    JSON.stringify({
      '@context': 'https://openvex.dev/ns/v0.2.0',
      '@id': `https://example.invalid/vex/${name}`,
      author: 'synthetic supplier',
      timestamp,
      version: 1,
      statements: [
        {
          vulnerability: { name: 'CVE-2021-44906' },
          products: [{ '@id': 'pkg:npm/minimist@1.2.5' }],
          status,
          ...extra,
        },
      ],
    }),
  );
  return file;
}

for (const driver of testDrivers()) {
  describe(`import vex on ${driver.name}`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await driver.open();
      await importAdvisories(db, GHSA_NPM, { actor: 'test' });
      await importSbom(db, JUICE_SHOP, {
        actor: 'test',
        asset: { externalId: 'vex:juice', tags: { PHI: 'true' } },
      });
    });
    afterAll(async () => {
      await db.close();
    });
    const minimist = async () =>
      (await listFindings(db, {})).find(
        (f) => f.component.purl === 'pkg:npm/minimist@1.2.5' && f.advisory.id === 'GHSA-xvch-5gv4-984h',
      )!;

    it('a not_affected statement closes the finding, naming the statement as evidence', async () => {
      const file = openVex('a.json', 'not_affected', '2026-11-01T00:00:00Z', {
        justification: 'vulnerable_code_not_in_execute_path',
      });
      const r = await importVex(db, file, { actor: 'test' });
      expect(r).toMatchObject({ status: 'imported', format: 'openvex', statements: 1, assetsRefreshed: 1 });
      const f = await minimist();
      expect(f.state).toBe('not_affected');
      expect(f.inputs.fixState).toBe('not-affected');
      expect(f.inputs.vex).toMatchObject({
        status: 'not_affected',
        justification: 'vulnerable_code_not_in_execute_path',
        source: { file, format: 'openvex', pointer: '/statements/0' },
      });
      // The other minimist (0.2.1) is not named by the statement.
      const other = (await listFindings(db, {})).find((x) => x.component.purl === 'pkg:npm/minimist@0.2.1');
      expect(other?.state).toBe('open');
      const before = await tableFingerprint(db);
      expect((await importVex(db, file, { actor: 'test' })).status).toBe('unchanged');
      expect(await tableFingerprint(db)).toBe(before);
    });

    it('a later affected statement reopens it; the chain still verifies', async () => {
      await importVex(
        db,
        openVex('b.json', 'affected', '2026-11-10T00:00:00Z', { action_statement: 'upgrade' }),
        {
          actor: 'test',
        },
      );
      const f = await minimist();
      expect(f.state).toBe('open');
      expect(f.inputs.vex).toMatchObject({ status: 'affected' });
      expect(f.inputs.fixState).toBe('fix-available');
      const { rows } = await db.query<{ action: string }>(
        `SELECT action FROM audit_events WHERE entity_type = 'finding' AND entity_id = $1 ORDER BY seq`,
        [String(f.id)],
      );
      expect(rows.map((r) => r.action)).toEqual(['finding.opened', 'finding.vex', 'finding.reopened']);
      expect((await verifyAuditLog(db)).ok).toBe(true);
    });
  });
}
