// Regression: RPM distributions' OSV data (AlmaLinux ALSA) names binary rpms with binary EVRs;
// Debian-family data names source packages. Found with a real `rpm -qa` listing of AlmaLinux 9.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readAdvisories } from '../feeds/osv/read-advisories.js';
import { readInventoryFile } from '../sources/read-inventory.js';
import { buildAdvisoryIndex } from './advisory-index.js';
import { matchComponents, matchKey } from './match.js';

const LISTING = fileURLToPath(new URL('../sources/os/rpm/fixtures/almalinux-9.rpm-qa.txt', import.meta.url));
const ALMA9 = fileURLToPath(
  new URL('../../../shared/data/osv/almalinux-osv-database/almalinux9', import.meta.url),
);

describe('distro match keys', () => {
  it('Debian-family match by source package and version, RPM distros by binary name and EVR', () => {
    const deb = {
      purl: 'x',
      ecosystem: 'Debian',
      name: 'liblzma5',
      version: '5.1-2+b3',
      sourceName: 'xz-utils',
      sourceVersion: '5.1-2',
    };
    expect(matchKey(deb)).toEqual({ name: 'xz-utils', version: '5.1-2' });
    const rpm = {
      purl: 'y',
      ecosystem: 'AlmaLinux',
      name: 'python3',
      version: '3.9.25-3.el9_7.1',
      sourceName: 'python3.9',
      sourceVersion: '3.9.25-3.el9_7.1',
    };
    expect(matchKey(rpm)).toEqual({ name: 'python3', version: '3.9.25-3.el9_7.1' });
  });

  it('an AlmaLinux 9 rpm -qa listing matches ALSA records by binary rpm, with the binary epoch', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pw-alma-'));
    const listing = join(root, 'rpm-qa.txt');
    copyFileSync(LISTING, listing);
    writeFileSync(join(root, 'os-release'), 'NAME="AlmaLinux"\nID="almalinux"\nVERSION_ID="9.7"\n');
    const inventory = await readInventoryFile(listing);
    expect(inventory.components.every((c) => c.distroRelease === 'AlmaLinux:9')).toBe(true);
    const advisories = (await readAdvisories(ALMA9)).records.map((r) => r.advisory);
    const { matches } = matchComponents(inventory.components, buildAdvisoryIndex(advisories));
    const hits = new Set(matches.map((m) => `${m.component.name} ${m.advisory.id}`));
    // Filed under binary names whose source rpm is named differently (python3.9, vim).
    expect([...hits].some((h) => h.startsWith('python3 '))).toBe(true);
    expect([...hits].some((h) => h.startsWith('vim-minimal '))).toBe(true);
    // nginx-core is 2:1.20.1 as installed (its source rpm name carries no epoch): ALSA-2026:6923's
    // 1:1.24 fix is below it; ALSA-2026:36331's 2:1.20.1-28 fix is above it.
    expect(hits.has('nginx-core ALSA-2026:6923')).toBe(false);
    expect(hits.has('nginx-core ALSA-2026:36331')).toBe(true);
  });
});
