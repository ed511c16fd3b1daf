/**
 * `rpm -qa --qf '%{NAME}\t%{EPOCH}\t%{VERSION}\t%{RELEASE}\t%{ARCH}\t%{SOURCERPM}\n'` output:
 * one installed package per line. rpm prints `(none)` for a tag the header lacks (rpm
 * queryformat docs: "(none)" for missing values) — EPOCH on most packages, ARCH and SOURCERPM
 * on the gpg-pubkey pseudo-packages that stand for imported signing keys.
 */
import { AppError } from '../../../core/errors.js';
import type { Rejected } from '../../../core/inventory.js';
import { lineRef, type OsPackage } from '../host.js';

/** The queryformat this adapter reads, to quote in docs and errors. */
export const RPM_QUERYFORMAT = '%{NAME}\\t%{EPOCH}\\t%{VERSION}\\t%{RELEASE}\\t%{ARCH}\\t%{SOURCERPM}\\n';

const NONE = '(none)';
const COLUMNS = 6;

/**
 * Whether a line has the shape of that output: six tab-separated columns, EPOCH `(none)` or
 * digits, SOURCERPM `(none)` or a `*.rpm` file name.
 */
export function isRpmQaLine(line: string): boolean {
  const cols = line.split('\t');
  return (
    cols.length === COLUMNS &&
    cols[0] !== '' &&
    /^(?:\(none\)|\d+)$/.test(cols[1] ?? '') &&
    /^(?:\(none\)|\S+\.rpm)$/.test(cols[5] ?? '')
  );
}

/**
 * A source RPM file name → source package name and version-release. Parsed from the right,
 * as rpm names it (`%{NAME}-%{VERSION}-%{RELEASE}.src.rpm`): version and release cannot
 * contain `-` (rpmbuild refuses it), names can (`python-pyasn1-0.4.8-7.el9_7.src.rpm`).
 * `.nosrc.rpm` is the same for packages built with NoSource.
 */
export function splitSourceRpm(srpm: string): { name: string; version: string; release: string } | null {
  const m = /^(.+)-([^-]+)-([^-]+)\.(?:no)?src\.rpm$/.exec(srpm);
  if (!m?.[1] || !m[2] || !m[3]) return null;
  return { name: m[1], version: m[2], release: m[3] };
}

/** Parse the whole output; a line of the wrong shape throws INPUT_SCHEMA with file and line. */
export function parseRpmQa(text: string, file: string): Array<OsPackage | Rejected> {
  const out: Array<OsPackage | Rejected> = [];
  text
    .replace(/^\uFEFF/, '')
    .split('\n')
    .forEach((raw, index) => {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (line.trim() === '') return;
      const cols = line.split('\t');
      if (cols.length !== COLUMNS) {
        throw new AppError('INPUT_SCHEMA', {
          file,
          line: index + 1,
          reason: `expected ${COLUMNS} tab-separated columns (${RPM_QUERYFORMAT}), found ${cols.length}`,
        });
      }
      if (cols[0] === '') throw new AppError('INPUT_SCHEMA', { file, line: index + 1, reason: 'empty NAME' });
      out.push(readRow(cols as [string, string, string, string, string, string], index + 1));
    });
  return out;
}

function readRow(cols: [string, string, string, string, string, string], line: number): OsPackage | Rejected {
  const [name, epoch, version, release, arch, srpm] = cols;
  const ref = (reason: string): Rejected => ({ ref: lineRef(line, name), reason });
  // rpm(8): gpg-pubkey-<keyid>-<created> "packages" are the keys `rpm --import` added; they are
  // headers without a payload or a source RPM, nothing runs from them.
  if (name === 'gpg-pubkey') return ref('gpg-pubkey is an imported signing key, not a package');
  if (version === '' || version === NONE) return ref('no VERSION');
  if (release === '' || release === NONE) return ref('no RELEASE');
  if (epoch !== NONE && !/^\d+$/.test(epoch)) return ref(`invalid EPOCH "${epoch}"`);
  const vr = `${version}-${release}`;
  const pkg: OsPackage = { type: 'rpm', name, version: vr, ref: '', line };
  if (epoch !== NONE) pkg.epoch = epoch;
  if (arch !== NONE && arch !== '') pkg.arch = arch;
  // NEVRA, rpm's own identity of an installed package (`openssl-libs-1:3.0.7-27.el9.x86_64`).
  pkg.ref = `${name}-${pkg.epoch ? `${pkg.epoch}:` : ''}${vr}${pkg.arch ? `.${pkg.arch}` : ''}`;
  if (srpm !== NONE) {
    const source = splitSourceRpm(srpm);
    if (source === null) return ref(`unparsable SOURCERPM "${srpm}"`);
    // Syft's form: the whole SRPM file name as `upstream`; purl.ts splits it the same way.
    pkg.upstream = srpm;
    pkg.sourceName = source.name;
    pkg.sourceVersion = `${source.version}-${source.release}`;
  }
  return pkg;
}
