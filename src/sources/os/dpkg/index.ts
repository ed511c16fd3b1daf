/**
 * dpkg status adapter: /var/lib/dpkg/status of a Debian or Ubuntu host or image. See readme.md.
 */
import type { Extraction } from '../../../core/inventory.js';
import type { InventoryAdapter, SourceInput } from '../../types.js';
import { assemble, hostDistro } from '../host.js';
import { paragraphs } from '../paragraphs.js';
import { parseDeb822 } from './deb822.js';
import { readStanza } from './extract.js';

/** Where dpkg keeps its database inside a root filesystem (dpkg(1) "FILES"). */
export const DPKG_STATUS_PATH = 'var/lib/dpkg/status';

/**
 * Whether a text is a dpkg status file: its first paragraph is a deb822 stanza with both a
 * Package and a Status field. Package indices (apt's `Packages`) and debian/control have
 * Package but no Status, so they are not mistaken for an installed-package database.
 */
export function isDpkgStatus(text: string): boolean {
  const first = paragraphs(text.slice(0, 256 * 1024))[0];
  if (first === undefined || !/^Package:/i.test(first.lines[0]?.text ?? '')) return false;
  return first.lines.some((l) => /^Status:/i.test(l.text));
}

/** Extract the installed packages of a dpkg status file (and the host's os-release, if beside it). */
export async function extractDpkgStatus(input: SourceInput): Promise<Extraction> {
  const stanzas = parseDeb822(input.text, input.file);
  const distro = await hostDistro(input, [DPKG_STATUS_PATH]);
  return assemble(input, distro, stanzas.map(readStanza));
}

/** Adapter for dpkg's status database (deb822 text). */
export const dpkgStatusAdapter: InventoryAdapter = {
  id: 'os/dpkg-status',
  version: '1',
  accepts: (input, parsed) => parsed === undefined && isDpkgStatus(input.text),
  extract: (input) => extractDpkgStatus(input),
};
