/**
 * Contract for the shipped data: every JSON in tables/ is byte-identical to the CERT/CC copy in
 * ../shared/data/ssvc (when present), is loaded and registered, and the licence notice sits beside it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOD_26_04_TIMELINES, SHIPPED_TABLES } from './tables.js';

const TABLES = new URL('./tables/', import.meta.url);
const UPSTREAM = new URL('../../../../shared/data/ssvc/', import.meta.url);
const jsonFiles = readdirSync(TABLES).filter((f) => f.endsWith('.json'));

describe('shipped SSVC tables', () => {
  it('keep the CERT/CC licence notice and a README naming source and commit', () => {
    expect(readFileSync(new URL('LICENSE-CERTCC-SSVC-data.txt', TABLES), 'utf8')).toMatch(
      /^Copyright 2026 Carnegie Mellon University\.[\s\S]*MIT \(SEI\)-style license/,
    );
    const readme = readFileSync(new URL('README.md', TABLES), 'utf8');
    expect(readme).toContain('e3b00a25615845960cec9caa1388064739f17728');
    for (const f of jsonFiles) expect(readme, f).toContain(`\`${f}\``);
  });

  it.runIf(existsSync(UPSTREAM)).each(jsonFiles)('%s is unchanged from ../shared/data/ssvc', (file) => {
    expect(readFileSync(new URL(file, TABLES))).toEqual(readFileSync(new URL(file, UPSTREAM)));
  });

  it('registers every table file and the timelines point, by SSVC id', () => {
    const ids = jsonFiles.map((f) => {
      const doc = JSON.parse(readFileSync(new URL(f, TABLES), 'utf8')) as Record<string, string>;
      return `${doc.namespace}:${doc.key}:${doc.version}`;
    });
    expect(new Set(ids)).toEqual(new Set([...SHIPPED_TABLES.keys(), BOD_26_04_TIMELINES.id]));
    expect([...SHIPPED_TABLES.keys()]).toEqual([
      'cisa:DT_CO:2.0.3',
      'ssvc:DT_DP:1.0.0',
      'ssvc:DT_HI:1.0.0',
      'cisa:DT_BOD2604:1.0.0',
    ]);
  });
});
