/**
 * Boundary schemas for Syft's native JSON (`syft -o syft-json`): only the fields the adapter
 * reads. Field names: anchore/syft `schema/json/schema-<version>.json` (`Document`, `Package`,
 * `Source`, `LinuxRelease`, `DpkgDbEntry`, `RpmDbEntry`, `ApkDbEntry`, `ImageMetadata`). Unread
 * fields (locations, licences, files, layers, relationships) stay out of the domain.
 */
import { z } from 'zod';

/** JSON schema majors this adapter reads: 1.x (2020) through 16.x (current). */
export const SUPPORTED_SCHEMA_MAJORS = { min: 1, max: 16 } as const;

// Schema ≤ 11 writes CPEs as strings, 12+ as `{ cpe, source }` objects (schema `CPE`).
const Cpe = z.union([z.string(), z.object({ cpe: z.string() })]);

/** `Package`: one catalogued artifact. `id` is absent in schema 1.0.x; `metadata` depends on `type`. */
export const Artifact = z.object({
  id: z.string().optional(),
  name: z.string(),
  version: z.string(),
  type: z.string(),
  purl: z.string().optional(),
  cpes: z.array(Cpe).nullish(),
  metadata: z.unknown().optional(),
});
export type SyftArtifact = z.infer<typeof Artifact>;

/**
 * `LinuxRelease` (os-release of the scanned root). Schema 1.x had only `name`/`version`; later
 * ones add `id` and `versionID` (os-release ID and VERSION_ID), which are preferred.
 */
const Distro = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  versionID: z.string().optional(),
  version: z.string().optional(),
});
export type SyftDistro = z.infer<typeof Distro>;

/**
 * `Source`: what was scanned. Schema ≤ 8 keeps the details in `target` (an object for images,
 * the path string for directories and files); later ones in `metadata`, with `name`/`version`
 * set by `--source-name`/`--source-version` or derived by Syft.
 */
const Source = z.object({
  type: z.string(),
  name: z.string().optional(),
  version: z.string().optional(),
  target: z.unknown().optional(),
  metadata: z.unknown().optional(),
});
export type SyftSource = z.infer<typeof Source>;

/** The document: descriptor and schema identify Syft; artifacts, distro and source are read. */
export const SyftDocument = z.object({
  descriptor: z.object({ name: z.literal('syft'), version: z.string().optional() }),
  schema: z.object({ version: z.string() }),
  artifacts: z.array(Artifact),
  distro: Distro.nullish(),
  source: Source.optional(),
});
export type SyftDoc = z.infer<typeof SyftDocument>;

/** `ImageMetadata` (schema ≥ 9 `source.metadata`, earlier `source.target`): the image's identity. */
export const ImageMetadata = z.object({
  userInput: z.string().optional(),
  imageID: z.string().optional(),
  manifestDigest: z.string().optional(),
  // Go nil slices marshal as null.
  repoDigests: z.array(z.string()).nullish(),
  tags: z.array(z.string()).nullish(),
});
export type SyftImage = z.infer<typeof ImageMetadata>;

/** `DirectoryMetadata` / `FileMetadata`: the scanned path. */
export const PathMetadata = z.object({ path: z.string() });

/** `DpkgDbEntry` / `DpkgArchiveEntry`: dpkg `Source:` split into name and (binNMU) version. */
export const DebMetadata = z.object({
  source: z.string().optional(),
  sourceVersion: z.string().optional(),
});

/** `RpmDbEntry` / `RpmArchive`: EPOCH (null when the header has none) and SOURCERPM. */
export const RpmMetadata = z.object({
  epoch: z.number().int().nonnegative().nullish(),
  sourceRpm: z.string().optional(),
});

/** `ApkDbEntry`: the `o:` origin, the APKBUILD the package was built from. */
export const ApkMetadata = z.object({ originPackage: z.string().optional() });
