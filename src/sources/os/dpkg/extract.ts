/**
 * dpkg status stanzas → installed packages. Field meanings: deb-control(5) and dpkg(1)
 * "PACKAGE STATES"; `Source:` with a version in parentheses is deb-src-control(5)/dpkg's way of
 * recording a source version that differs from the binary's (binNMUs `+bN`, epoch-only binaries).
 */
import type { Rejected } from '../../../core/inventory.js';
import { lineRef, type OsPackage } from '../host.js';
import type { Stanza } from './deb822.js';

// dpkg(1): Status is "<want> <flag> <status>". Only the third word says whether the package's
// files are on disk; the first is what the admin asked for (a held package is `hold ok
// installed`, a package selected for removal but not yet removed is `deinstall ok installed`:
// both still run and can be vulnerable).
const WANT = new Set(['unknown', 'install', 'hold', 'deinstall', 'purge']);
const FLAG = new Set(['ok', 'reinstreq', 'hold', 'hold-reinstreq']);
const STATES = new Set([
  'not-installed',
  'config-files',
  'half-installed',
  'unpacked',
  'half-configured',
  'triggers-awaited',
  'triggers-pending',
  'installed',
]);
// Unpacked onwards the new version's files are on disk (dpkg(1): "unpacked: the package is
// unpacked, but not configured"); half-installed means an unpack was interrupted, so which
// version's files are present is unknown, and not-installed/config-files have no code at all.
const ON_DISK = new Set(['unpacked', 'half-configured', 'triggers-awaited', 'triggers-pending', 'installed']);

/** `Source: name` or `Source: name (version)` (deb-control(5), the binNMU form). */
const SOURCE = /^([a-z0-9][a-z0-9+.-]*)(?:\s+\(([^()\s]+)\))?$/;

/** One stanza → the installed package, or the reason it is not one. */
export function readStanza(s: Stanza): OsPackage | Rejected {
  const get = (name: string) => s.fields.get(name)?.value || undefined;
  const name = get('package');
  const arch = get('architecture');
  const id = name && arch ? `${name}:${arch}` : name;
  const reject = (reason: string): Rejected => ({ ref: lineRef(s.line, id), reason });
  if (name === undefined) return reject('no Package field');
  const status = get('status');
  if (status === undefined) return reject('no Status field: cannot tell whether it is installed');
  const [want, flag, state, extra] = status.split(/\s+/);
  if (extra !== undefined || !WANT.has(want ?? '') || !FLAG.has(flag ?? '') || !STATES.has(state ?? '')) {
    return reject(`invalid Status "${status}" (dpkg(1): want flag status)`);
  }
  if (flag !== 'ok') return reject(`broken installation, reinstall required (Status "${status}")`);
  if (!ON_DISK.has(state ?? '')) return reject(`not installed (Status "${status}")`);
  const version = get('version');
  if (version === undefined) return reject('no Version field');
  const pkg: OsPackage = { type: 'deb', name, version, ref: id ?? name, line: s.line };
  if (arch) pkg.arch = arch;
  const source = get('source');
  if (source !== undefined) {
    const m = SOURCE.exec(source);
    if (m?.[1] === undefined) return reject(`unparsable Source "${source}"`);
    const [, sourceName, sourceVersion] = m;
    // purl.ts reads `upstream=<name>` or `upstream=<name>@<version>` (Syft's deb form).
    if (sourceName !== name || sourceVersion !== undefined) {
      pkg.upstream = sourceVersion ? `${sourceName}@${sourceVersion}` : sourceName;
      pkg.sourceName = sourceName;
      if (sourceVersion) pkg.sourceVersion = sourceVersion;
    }
  }
  return pkg;
}
