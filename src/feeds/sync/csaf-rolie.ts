/**
 * CSAF documents listed by a ROLIE feed (CSAF 2.0 §7.1.15 Requirement 15) as mirror files. Each
 * entry links the document (`rel="self"`), its hash file (`rel="hash"`, Requirement 18) and its
 * OpenPGP signature (`rel="signature"`, Requirement 19). CISA's OT feed links `.sha512` files.
 */
import { z } from 'zod';
import { validateShape } from '../../core/structured-input.js';
import type { ChecksumAlgorithm } from './checksum.js';
import { FeedError } from './feed-error.js';
import type { FeedFile } from './sources.js';

const Link = z.object({ rel: z.string(), href: z.string() });
const Rolie = z.object({
  feed: z.object({
    entry: z.array(z.object({ id: z.string(), link: z.array(Link) })),
  }),
});

/** Options: which advisories to take (by tracking id, e.g. /^ICSMA-/) and how to rewrite URLs (mirrors). */
export interface CsafSelection {
  include?: ((trackingId: string) => boolean) | undefined;
  rewrite?: ((url: string) => string) | undefined;
}

/**
 * The files for the documents of a parsed ROLIE feed: the document itself, verified against its
 * hash link. Entries without a hash link are refused (`trusted` is the default) because CISA
 * publishes one for every document; pass `trusted: false` for providers that do not.
 */
export function csafDocumentFiles(
  rolie: unknown,
  file: string,
  selection: CsafSelection & { trusted?: boolean } = {},
): FeedFile[] {
  const { feed } = validateShape(Rolie, rolie, file);
  const rewrite = selection.rewrite ?? ((u: string) => u);
  const files: FeedFile[] = [];
  for (const entry of feed.entry) {
    if (selection.include && !selection.include(entry.id)) continue;
    const self = entry.link.find((l) => l.rel === 'self')?.href;
    if (!self) continue;
    const name = new URL(self).pathname.split('/').pop() ?? '';
    const hash = entry.link.find((l) => l.rel === 'hash' && /\.sha(256|512)$/.test(l.href))?.href;
    if (!hash && selection.trusted !== false) {
      throw new FeedError('FEED_CHECKSUM', {
        file,
        entry: entry.id,
        reason: 'no hash link (CSAF 2.0 requirement 18)',
      });
    }
    const algorithm: ChecksumAlgorithm | undefined = hash?.endsWith('.sha512')
      ? 'sha512'
      : hash
        ? 'sha256'
        : undefined;
    files.push({
      name,
      url: rewrite(self),
      checksum: hash && algorithm ? { url: rewrite(hash), algorithm } : undefined,
    });
  }
  return files;
}
