/**
 * What Syft's package-database metadata says about an OS package's source package and epoch,
 * for purls that do not carry them (Syft before 0.40 wrote neither `upstream` nor `epoch`
 * qualifiers). OSV's Debian/Ubuntu/Alpine/Red Hat advisories are keyed by the source package
 * (MATCHING-NOTES §0.2), so this is what the matcher needs.
 */
import { validateShape } from '../../../core/structured-input.js';
import { splitSourceRpm } from '../../os/rpm/parse.js';
import { ApkMetadata, DebMetadata, RpmMetadata, type SyftArtifact } from './schema.js';

/** Source package and epoch from an artifact's metadata; empty for other artifact types. */
export interface OsMetadata {
  sourceName?: string;
  sourceVersion?: string;
  /** rpm EPOCH when the header has one (RpmDbEntry `epoch`, null otherwise). */
  epoch?: number;
}

/**
 * Read the metadata of a deb, rpm or apk artifact (by Syft's artifact `type`); a metadata object
 * of the wrong shape throws INPUT_SCHEMA at `pointer` + the field.
 */
export function osMetadata(artifact: SyftArtifact, file: string, pointer: string): OsMetadata {
  const raw = artifact.metadata;
  if (raw === undefined || raw === null) return {};
  const base = `${pointer}/metadata`;
  switch (artifact.type) {
    case 'deb': {
      // deb-control(5): `Source: name (version)`; Syft splits it and leaves sourceVersion empty
      // when the source version equals the binary's, name empty when it equals the package's.
      const m = validateShape(DebMetadata, raw, file, base);
      const out: OsMetadata = {};
      if (m.source) out.sourceName = m.source;
      if (m.source && m.sourceVersion) out.sourceVersion = m.sourceVersion;
      return out;
    }
    case 'rpm': {
      const m = validateShape(RpmMetadata, raw, file, base);
      const out: OsMetadata = {};
      // `<name>-<version>-<release>.src.rpm`, split from the right as the rpm adapter does.
      const srpm = m.sourceRpm ? splitSourceRpm(m.sourceRpm) : null;
      if (srpm) {
        out.sourceName = srpm.name;
        out.sourceVersion = `${srpm.version}-${srpm.release}`;
      }
      if (typeof m.epoch === 'number') out.epoch = m.epoch;
      return out;
    }
    case 'apk': {
      // Every sub-package of an APKBUILD shares its pkgver-pkgrel: no separate source version.
      const m = validateShape(ApkMetadata, raw, file, base);
      return m.originPackage ? { sourceName: m.originPackage } : {};
    }
    default:
      return {};
  }
}
