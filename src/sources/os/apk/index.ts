/**
 * apk installed database adapter: /lib/apk/db/installed of an Alpine (or Wolfi, Chainguard)
 * host or image. See readme.md.
 */
import type { Extraction } from '../../../core/inventory.js';
import type { InventoryAdapter, SourceInput } from '../../types.js';
import { assemble, hostDistro } from '../host.js';
import { isApkInstalled, parseApkInstalled } from './parse.js';

/**
 * Where apk keeps the database inside a root filesystem: /lib/apk/db/installed, and
 * /usr/lib/apk/db/installed on usr-merged layouts (apk-tools 3).
 */
export const APK_INSTALLED_PATHS = ['lib/apk/db/installed', 'usr/lib/apk/db/installed'] as const;

/** Extract the installed packages of an apk database (and the host's os-release, if beside it). */
export async function extractApkInstalled(input: SourceInput): Promise<Extraction> {
  const packages = parseApkInstalled(input.text, input.file);
  // Longest layout first, so `<root>/usr/lib/apk/db/installed` yields <root>, not <root>/usr.
  const distro = await hostDistro(input, [...APK_INSTALLED_PATHS].reverse());
  return assemble(input, distro, packages);
}

/** Adapter for apk's installed-package database. */
export const apkInstalledAdapter: InventoryAdapter = {
  id: 'os/apk-installed',
  version: '1',
  accepts: (input, parsed) => parsed === undefined && isApkInstalled(input.text),
  extract: (input) => extractApkInstalled(input),
};
