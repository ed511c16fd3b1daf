/**
 * Package-URL identity by text (purl-spec: `pkg:type/namespace/name@version?qualifiers#subpath`),
 * without parsing: what asset identity and VEX product matching compare.
 */

/** The purl without qualifiers and subpath. */
export function purlWithoutQualifiers(purl: string): string {
  return purl.replace(/[?#].*$/, '');
}

/** The purl without version, qualifiers and subpath: the package, whatever version. */
export function versionlessPurl(purl: string): string {
  return purlWithoutQualifiers(purl).replace(/@[^/@]*$/, '');
}

/** Whether a purl names a version (`@…` after the name). */
export function purlHasVersion(purl: string): boolean {
  return /@[^/@]*$/.test(purlWithoutQualifiers(purl));
}
