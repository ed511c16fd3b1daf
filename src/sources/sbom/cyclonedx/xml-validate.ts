/**
 * CycloneDX XML: the spec version from the root namespace, and validation against the official
 * XSD of that version (the `bom-1.x.SNAPSHOT.xsd` files the CycloneDX library ships, which import
 * `spdx.SNAPSHOT.xsd`) with libxml2 compiled to WebAssembly (xmllint-wasm, no native binary).
 *
 * xmllint-wasm is imported on first use only: compiling the wasm and reading the schemas costs
 * ~100 ms, which commands that never read an XML SBOM should not pay. Each call runs xmllint in
 * a worker thread (xmllint-wasm's design: libxml2 may call exit()); `--stream` validates through
 * libxml2's reader so memory stays flat for large BOMs, and `--nonet` forbids any fetch.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppError } from '../../../core/errors.js';
import { isSupportedSpecVersion, type SpecVersion, SUPPORTED_SPEC_VERSIONS } from './schema.js';
import { walk, type XmlElement, xpathOf } from './xml-tree.js';

// CycloneDX XML §namespace: every version has its own target namespace ending in the version.
const NAMESPACE = /^http:\/\/cyclonedx\.org\/schema\/bom\/(\d+\.\d+)$/;

/** The spec version a `<bom>` declares by its namespace; throws INPUT_UNSUPPORTED_SPEC otherwise. */
export function xmlSpecVersion(root: XmlElement, file: string): SpecVersion {
  const found = NAMESPACE.exec(root.uri)?.[1];
  if (isSupportedSpecVersion(found)) return found;
  const shown = (found ?? (root.uri || '(no namespace)')).slice(0, 100);
  throw new AppError('INPUT_UNSUPPORTED_SPEC', {
    file,
    line: root.line,
    column: root.column,
    pointer: '/bom/@xmlns',
    found: shown,
    supported: [...SUPPORTED_SPEC_VERSIONS],
    reason: found
      ? `CycloneDX ${found} is not supported; supported: ${SUPPORTED_SPEC_VERSIONS.join(', ')}`
      : `the <bom> namespace is not http://cyclonedx.org/schema/bom/<version> (found ${shown})`,
  });
}

type Xmllint = typeof import('xmllint-wasm');
let xmllint: Promise<Xmllint> | undefined;
const schemas = new Map<string, Promise<string>>();

function schemaText(name: string): Promise<string> {
  let text = schemas.get(name);
  if (text === undefined) {
    text = readFile(join(schemaDir(), name), 'utf8');
    schemas.set(name, text);
  }
  return text;
}

// The library exports its package.json; the schemas sit in res/schema beside it.
function schemaDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@cyclonedx/cyclonedx-library/package.json')), 'res', 'schema');
}

/**
 * Validate XML text against the XSD of its spec version; the first error becomes INPUT_SCHEMA
 * with the line, the column and an XPath of the element libxml2 names. `root` is the tree saxes
 * built from the same text (already known to be well formed).
 */
export async function validateXmlSchema(
  version: SpecVersion,
  text: string,
  root: XmlElement,
  file: string,
): Promise<void> {
  xmllint ??= import('xmllint-wasm');
  const [{ validateXML }, bom, spdx] = await Promise.all([
    xmllint,
    schemaText(`bom-${version}.SNAPSHOT.xsd`),
    schemaText('spdx.SNAPSHOT.xsd'),
  ]);
  const result = await validateXML({
    xml: [{ fileName: 'bom.xml', contents: asUtf8Declared(text) }],
    schema: [{ fileName: `bom-${version}.SNAPSHOT.xsd`, contents: bom }],
    preload: [{ fileName: 'spdx.SNAPSHOT.xsd', contents: spdx }],
    stream: true,
    modifyArguments: (args) => ['--nonet', ...args],
  });
  if (result.valid) return;
  const first = result.errors.find((e) => e.loc !== null);
  const line = first?.loc?.lineNumber ?? root.line;
  const message = first?.message ?? result.rawOutput.split('\n')[0] ?? '';
  const element = elementAt(root, line, /Element '(?:\{[^}]*\})?([^']+)'/.exec(message)?.[1]);
  throw new AppError('INPUT_SCHEMA', {
    file,
    line,
    ...(element && { column: element.column, pointer: xpathOf(element) }),
    reason: describeXsdError(message),
    schema: `CycloneDX ${version} XSD`,
  });
}

// The text reaches xmllint as UTF-8 whatever the file's encoding was (decodeText turned it into
// a string). A declaration naming another encoding (UTF-16 from PowerShell redirection) would
// make libxml2 decode it wrongly, so the label is rewritten in place, keeping every line intact.
function asUtf8Declared(text: string): string {
  return text.replace(/^(<\?xml[^?]*?\bencoding\s*=\s*)(["'])[^"']*\2/, '$1$2UTF-8$2');
}

// libxml2 reports the line of the element it names. In --stream mode that can be the line where
// the start tag ends, so take the last element of that name starting on or before the line.
function elementAt(root: XmlElement, line: number, name: string | undefined): XmlElement | undefined {
  let best: XmlElement | undefined;
  for (const e of walk(root)) {
    if (e.line > line) break;
    if (name === undefined || e.name === name) best = e;
  }
  return best;
}

/** libxml2's message without its prefix and with namespace URIs dropped from element names. */
export function describeXsdError(message: string): string {
  const reason = message
    .replace(/^.*?Schemas validity error : /, '')
    .replace(/\{http:\/\/cyclonedx\.org\/schema\/[^}]*\}/g, '')
    .trim();
  return reason.length > 300 ? `${reason.slice(0, 299)}…` : reason;
}
