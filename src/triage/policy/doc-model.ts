/**
 * A tiny document model between the policy text and its output formats: headings, paragraphs,
 * lists and tables of inline runs. The policy is written once against it; markdown.ts and
 * html.ts each escape for their own syntax, so no policy sentence carries markup.
 */

/** A run of inline text: plain, code (ids, versions), strong, or a link. */
export type Inline = string | { code: string } | { strong: string } | { link: string; href: string };
/** A paragraph, list item or table cell: a sequence of inline runs. */
export type Text = readonly Inline[];

/** One block of the document. */
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'para'; text: Text }
  | { kind: 'list'; ordered: boolean; items: readonly Text[] }
  | { kind: 'table'; head: readonly string[]; rows: readonly (readonly Text[])[] };

/** A rendered-to-be document: title, blocks, and the footer that names the pack. */
export interface PolicyDocument {
  title: string;
  blocks: readonly Block[];
  footer: Text;
}

/** Shorthands that keep the policy text readable. */
export const code = (s: string): Inline => ({ code: s });
export const strong = (s: string): Inline => ({ strong: s });
export const link = (s: string, href: string): Inline => ({ link: s, href });
export const h2 = (text: string): Block => ({ kind: 'heading', level: 2, text });
export const para = (...text: Inline[]): Block => ({ kind: 'para', text });
export const list = (items: readonly (Inline | Text)[], ordered = false): Block => ({
  kind: 'list',
  ordered,
  items: items.map((i) => (Array.isArray(i) ? (i as Text) : [i as Inline])),
});
