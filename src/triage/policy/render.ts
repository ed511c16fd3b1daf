/**
 * `patchwarden policy render`: the written policy of a pack as CommonMark (GFM tables) or as one
 * self-contained HTML file (inline CSS, no scripts, no external resources — it goes into the OCR
 * evidence binder and must open offline). Every piece of text is escaped for its format.
 */
import type { Block, Inline, PolicyDocument, Text } from './doc-model.js';
import { policyDocument } from './doc-pack.js';
import type { PolicyPack } from './pack.js';

/** Options of `renderPolicyDocument`. */
export interface RenderOptions {
  format: 'markdown' | 'html';
  /** The covered entity or business associate the policy belongs to. */
  organisation?: string;
}

/** The Patch Management Policy and Procedures document of a pack, as Markdown or HTML. */
export function renderPolicyDocument(pack: PolicyPack, options: RenderOptions): string {
  const doc = policyDocument(pack, options.organisation);
  return options.format === 'html' ? toHtml(doc, pack) : toMarkdown(doc);
}

// ---- Markdown (CommonMark + GFM tables) ----

/** Escape plain text so CommonMark shows it literally (spec §2.4: any ASCII punctuation may be escaped). */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_[\]<>|]/g, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

function mdInline(i: Inline): string {
  if (typeof i === 'string') return escapeMarkdown(i);
  if ('code' in i) {
    // A code span's fence must be longer than any backtick run inside it (CommonMark §6.1).
    const run = Math.max(0, ...(i.code.match(/`+/g) ?? []).map((m) => m.length));
    const fence = '`'.repeat(run + 1);
    const pad = i.code.startsWith('`') || i.code.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${i.code.replace(/\s+/g, ' ').replace(/\|/g, '\\|')}${pad}${fence}`;
  }
  if ('strong' in i) {
    // `** x**` is not emphasis (CommonMark §6.2 flanking rules): keep the spaces outside.
    const [, lead, body, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(i.strong)!;
    return body ? `${lead}**${escapeMarkdown(body)}**${trail}` : i.strong;
  }
  const href = i.href.replace(/[<>\s]/g, encodeURIComponent);
  return i.link === i.href ? `<${href}>` : `[${escapeMarkdown(i.link)}](<${href}>)`;
}

const mdText = (t: Text) => t.map(mdInline).join('');

function mdBlock(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${escapeMarkdown(b.text)}`;
    case 'para':
      // A paragraph that starts like a list marker or heading would become one.
      return mdText(b.text)
        .replace(/^(\d+)([.)])/, '$1\\$2')
        .replace(/^([-+#])/, '\\$1');
    case 'list':
      return b.items.map((item, n) => `${b.ordered ? `${n + 1}.` : '-'} ${mdText(item)}`).join('\n');
    case 'table':
      return [
        `| ${b.head.map(escapeMarkdown).join(' | ')} |`,
        `|${b.head.map(() => '---|').join('')}`,
        ...b.rows.map((row) => `| ${row.map(mdText).join(' | ')} |`),
      ].join('\n');
  }
}

function toMarkdown(doc: PolicyDocument): string {
  return `${[...doc.blocks.map(mdBlock), '---', mdText(doc.footer)].join('\n\n')}\n`;
}

// ---- HTML ----

/** Escape text for HTML element content and double- or single-quoted attributes. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function htmlInline(i: Inline): string {
  if (typeof i === 'string') return escapeHtml(i);
  if ('code' in i) return `<code>${escapeHtml(i.code)}</code>`;
  if ('strong' in i) return `<strong>${escapeHtml(i.strong)}</strong>`;
  // Only web links: a pack is user input and a javascript: URL must not become clickable.
  if (!/^https?:\/\//i.test(i.href)) return escapeHtml(i.link);
  return `<a href="${escapeHtml(i.href)}">${escapeHtml(i.link)}</a>`;
}

const htmlText = (t: Text) => t.map(htmlInline).join('');

function htmlBlock(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`;
    case 'para':
      return `<p>${htmlText(b.text)}</p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>\n${b.items.map((i) => `<li>${htmlText(i)}</li>`).join('\n')}\n</${tag}>`;
    }
    case 'table':
      return [
        '<table>',
        `<thead><tr>${b.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
        '<tbody>',
        ...b.rows.map((row) => `<tr>${row.map((c) => `<td>${htmlText(c)}</td>`).join('')}</tr>`),
        '</tbody>',
        '</table>',
      ].join('\n');
  }
}

const CSS = `body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1a1a1a;margin:0;background:#fff}
main,footer{max-width:60rem;margin:0 auto;padding:0 1.5rem}
h1{font-size:1.8rem;margin:2rem 0 .5rem}h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.9rem}
th,td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}th{background:#f3f3f3}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.88em;background:#f5f5f5;padding:0 .2em;overflow-wrap:anywhere}
footer{margin:2rem auto;padding-top:1rem;border-top:1px solid #ccc;color:#555;font-size:.85rem}
@media print{body{font-size:11pt}a{color:inherit}}`;

function toHtml(doc: PolicyDocument, pack: PolicyPack): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="PatchWarden">
<meta name="patchwarden-policy-pack" content="${escapeHtml(`${pack.id}@${pack.version} sha256:${pack.digest}`)}">
<title>${escapeHtml(doc.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${doc.blocks.map(htmlBlock).join('\n')}
</main>
<footer><p>${htmlText(doc.footer)}</p></footer>
</body>
</html>
`;
}
