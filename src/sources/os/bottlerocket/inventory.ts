/**
 * Bottlerocket application inventory entries → purls and ComponentRecords. The purl follows
 * Trivy (pkg/purl, "bottlerocket package" test): type `bottlerocket`, no namespace, version
 * `<Version>-<Release>`, qualifiers `arch`, `epoch` (when not 0) and `distro=bottlerocket-<VERSION_ID>`.
 * `bottlerocket` is not a registered purl type and OSV has no Bottlerocket ecosystem, so purl.ts
 * maps it to `ecosystem: null`: the packages are inventoried, matched by CPE/CSAF sources or not
 * at all, never against another distro's advisories.
 */
import { PackageURL } from 'packageurl-js';
import { isAppError } from '../../../core/errors.js';
import type { ComponentRecord, Rejected } from '../../../core/inventory.js';
import { parsePurl, versionWithEpoch } from '../../purl.js';
import type { BottlerocketApplication } from './schema.js';

/** The purl type Trivy gives Bottlerocket packages. */
export const BOTTLEROCKET_PURL_TYPE = 'bottlerocket';

/**
 * One entry → its component, or why it is not one. `distroQualifier` is `bottlerocket-<VERSION_ID>`
 * when the host's os-release is known; `ref` locates the entry (`/Content/<i>`) for rejections.
 */
export function applicationComponent(
  app: BottlerocketApplication,
  ref: string,
  distroQualifier: string | undefined,
): ComponentRecord | Rejected {
  if (app.Name === '') return { ref, reason: 'empty Name' };
  if (app.Version === '') return { ref: `${app.Name} (${ref})`, reason: 'empty Version' };
  const epoch = app.Epoch ?? '';
  // rpm EPOCH is an unsigned integer; Trivy fails the whole file on anything else (strconv.Atoi).
  if (epoch !== '' && !/^\d+$/.test(epoch)) {
    return { ref: `${app.Name} (${ref})`, reason: `invalid Epoch "${epoch}"` };
  }
  const version = app.Release ? `${app.Version}-${app.Release}` : app.Version;
  const qualifiers: Record<string, string> = {};
  if (app.Architecture) qualifiers.arch = app.Architecture;
  // Trivy stores the epoch as an int and writes the qualifier only when it is not 0; rpm orders
  // a missing epoch as 0, so nothing is lost.
  if (epoch !== '' && !/^0+$/.test(epoch)) qualifiers.epoch = epoch.replace(/^0+/, '');
  if (distroQualifier) qualifiers.distro = distroQualifier;
  let purl: string;
  try {
    purl = new PackageURL(
      BOTTLEROCKET_PURL_TYPE,
      undefined,
      app.Name,
      version,
      qualifiers,
      undefined,
    ).toString();
  } catch (err) {
    return {
      ref: `${app.Name} (${ref})`,
      reason: `invalid purl: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
  // Read the purl back so the record says exactly what purl.ts derives from it (ecosystem null).
  let info: ReturnType<typeof parsePurl>;
  try {
    info = parsePurl(purl);
  } catch (err) {
    if (!isAppError(err)) throw err;
    return { ref: `${app.Name} (${ref})`, reason: err.details.reason ?? 'invalid purl' };
  }
  return {
    purl,
    ecosystem: info.ecosystem,
    name: info.name,
    version: versionWithEpoch(info),
    ref: nevra(app.Name, qualifiers.epoch, version, app.Architecture),
  };
}

/** rpm's identity of an installed package, `glibc-1:2.43-1.….br1.x86_64`, as the rpm adapter's ref. */
function nevra(name: string, epoch: string | undefined, version: string, arch: string | undefined): string {
  return `${name}-${epoch ? `${epoch}:` : ''}${version}${arch ? `.${arch}` : ''}`;
}
