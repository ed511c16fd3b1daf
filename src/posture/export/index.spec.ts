import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.js';
import { INPUT } from './fixture.test-helpers.js';
import { toHtml } from './html.js';
import { EXPORT_FORMATS, exportPosture } from './index.js';
import { toOcsf } from './ocsf.js';
import { toSarif } from './sarif.js';

describe('exportPosture', () => {
  it('dispatches each format to its exporter', () => {
    expect(EXPORT_FORMATS).toEqual(['ocsf', 'sarif', 'csv', 'html']);
    expect(exportPosture('ocsf', INPUT)).toBe(toOcsf(INPUT));
    expect(exportPosture('sarif', INPUT)).toBe(toSarif(INPUT));
    expect(exportPosture('csv', INPUT)).toBe(toCsv(INPUT));
    expect(exportPosture('html', INPUT)).toBe(toHtml(INPUT));
  });

  it('is pure: the same input gives the same output', () => {
    for (const f of EXPORT_FORMATS) expect(exportPosture(f, INPUT)).toBe(exportPosture(f, INPUT));
  });
});
