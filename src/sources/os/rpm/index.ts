/**
 * rpm package list adapter: the tab-separated `rpm -qa --qf …` output of a Red Hat family (or
 * any rpm-based) host. See readme.md.
 */
import type { Extraction } from '../../../core/inventory.js';
import type { InventoryAdapter, SourceInput } from '../../types.js';
import { assemble, hostDistro } from '../host.js';
import { firstLine } from '../paragraphs.js';
import { isRpmQaLine, parseRpmQa } from './parse.js';

/**
 * Whether a text is that output, by shape: its first non-blank line has the six columns. rpm's
 * binary database (/var/lib/rpm) is not text, so there is no standard path to recognise; the
 * os-release is looked for beside the file.
 */
export function isRpmQa(text: string): boolean {
  const line = firstLine(text);
  return line !== undefined && isRpmQaLine(line);
}

/** Extract the installed packages of an `rpm -qa` listing (and an `os-release` beside it, if any). */
export async function extractRpmQa(input: SourceInput): Promise<Extraction> {
  const rows = parseRpmQa(input.text, input.file);
  const distro = await hostDistro(input, []);
  return assemble(input, distro, rows);
}

/** Adapter for `rpm -qa --qf '%{NAME}\t%{EPOCH}\t%{VERSION}\t%{RELEASE}\t%{ARCH}\t%{SOURCERPM}\n'`. */
export const rpmQaAdapter: InventoryAdapter = {
  id: 'os/rpm-qa',
  version: '1',
  accepts: (input, parsed) => parsed === undefined && isRpmQa(input.text),
  extract: (input) => extractRpmQa(input),
};
