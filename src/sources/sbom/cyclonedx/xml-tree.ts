/**
 * XML text → a small element tree with positions, through saxes (a non-validating, namespace-
 * aware parser that reports line and column). Only what the CycloneDX reader needs: elements
 * with their namespace, unprefixed attributes and text. Nothing here is CycloneDX-specific.
 *
 * No DTD is ever processed: a DOCTYPE is refused before any entity could be declared, which
 * closes entity-expansion ("billion laughs") and external-entity (XXE) attacks. saxes itself
 * expands only the five predefined entities (XML 1.0 §4.6) and character references.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { AppError } from '../../../core/errors.js';
import { lineColumnAt } from '../../../core/structured-input.js';

/** One element: local name, namespace URI, unprefixed attributes, child elements and text. */
export interface XmlElement {
  readonly name: string;
  readonly uri: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** Character data directly inside the element (text and CDATA), untrimmed. */
  text: string;
  /** 1-based line and column of the `<` that opens the element. */
  readonly line: number;
  readonly column: number;
  readonly parent: XmlElement | undefined;
}

/** Whether the text could be an XML document whose root element has the local name `root`. */
export function hasXmlRoot(text: string, root: string): boolean {
  const found = rootName(text);
  return found !== undefined && found.replace(/^[^:]*:/, '') === root;
}

// Skip the prolog (XML 1.0 §2.8: declaration, comments, processing instructions, doctype) and
// read the root element's qualified name. A sniff for adapter detection, not a parser: the
// real parse (with a DOCTYPE refused) happens in extract.
function rootName(text: string): string | undefined {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text.charAt(i))) i++;
    if (text.startsWith('<?', i)) i = after(text, '?>', i);
    else if (text.startsWith('<!--', i)) i = after(text, '-->', i);
    else if (text.startsWith('<!DOCTYPE', i)) {
      // An internal subset `[...]` may hold `>` (in declarations): skip to its `]` first.
      const bracket = text.indexOf('[', i);
      const close = text.indexOf('>', i);
      const from = bracket !== -1 && bracket < close ? after(text, ']', bracket) : i;
      i = from === -1 ? -1 : after(text, '>', from);
    } else break;
    if (i <= 0) return undefined;
  }
  return /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(i, i + 256))?.[1];
}

function after(text: string, token: string, from: number): number {
  const at = text.indexOf(token, from);
  return at === -1 ? -1 : at + token.length;
}

/** Parse XML text into an element tree; syntax errors and any DOCTYPE throw INPUT_MALFORMED_XML. */
export function parseXmlTree(text: string, file: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let root: XmlElement | undefined;
  let current: XmlElement | undefined;
  let start = { line: 1, column: 1 };
  const fail = (reason: string, at = { line: parser.line, column: parser.column + 1 }) =>
    new AppError('INPUT_MALFORMED_XML', { file, ...at, reason });

  parser.on('doctype', () => {
    throw fail('a DOCTYPE is not accepted: DTDs and entity declarations are not processed', start);
  });
  // opentagstart fires once the name and the character after it are read: `<` is name.length
  // + 2 characters back from the (0-based) next column.
  parser.on('opentagstart', (tag) => {
    start = { line: parser.line, column: parser.column - tag.name.length - 1 };
  });
  parser.on('opentag', (tag) => {
    const element = makeElement(tag as SaxesTagNS, start, current);
    if (current) current.children.push(element);
    else root = element;
    current = element;
  });
  parser.on('closetag', () => {
    current = current?.parent;
  });
  const onText = (t: string) => {
    if (current) current.text += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('error', (err) => {
    const amp = bareAmpersand(text, parser.position);
    if (amp !== undefined) throw fail('unescaped "&" (write &amp;)', lineColumnAt(text, amp));
    // saxes prefixes "line:column: " (no file name is given to it) and ends with a full stop.
    throw fail(err.message.replace(/^\d+:\d+: /, '').replace(/\.$/, ''));
  });
  // saxes reports a DOCTYPE only once it is complete; the error names the line where it starts.
  const doctypeAt = /^\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*)*<!DOCTYPE/.exec(text);
  if (doctypeAt) {
    const before = text.slice(0, doctypeAt[0].length - '<!DOCTYPE'.length);
    const lines = before.split('\n');
    start = { line: lines.length, column: (lines.at(-1) ?? '').length + 1 };
  }
  parser.write(text).close();
  if (root === undefined) throw fail('no root element');
  return root;
}

// saxes reads a reference up to the next `;`, so a bare `&` (the usual hand-editing mistake,
// "AT&T") is reported far away as an unclosed tag. On failure only, look for the first `&`
// that does not start a reference (XML 1.0 §4.1), outside CDATA sections, comments and PIs.
const AMPERSAND =
  /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|&(?!(?:[A-Za-z_][\w.-]*|#\d+|#x[\dA-Fa-f]+);)/g;

function bareAmpersand(text: string, end: number): number | undefined {
  AMPERSAND.lastIndex = 0;
  for (let m = AMPERSAND.exec(text); m !== null && m.index < end; m = AMPERSAND.exec(text)) {
    if (m[0] === '&') return m.index;
  }
  return undefined;
}

function makeElement(
  tag: SaxesTagNS,
  at: { line: number; column: number },
  parent: XmlElement | undefined,
): XmlElement {
  const attrs: Record<string, string> = {};
  // Unprefixed attributes have no namespace (Namespaces in XML §6.2): those are CycloneDX's own.
  // Prefixed ones (xsi:schemaLocation, extension namespaces) are not part of the model.
  for (const a of Object.values(tag.attributes)) if (a.uri === '') attrs[a.local] = a.value;
  return { name: tag.local, uri: tag.uri, attrs, children: [], text: '', ...at, parent };
}

/** An XPath to the element, with `[n]` wherever the parent has several children of that name. */
export function xpathOf(element: XmlElement): string {
  const steps: string[] = [];
  for (let e: XmlElement | undefined = element; e; e = e.parent) {
    const siblings = e.parent?.children.filter((c) => c.name === e.name) ?? [e];
    steps.unshift(siblings.length > 1 ? `${e.name}[${siblings.indexOf(e) + 1}]` : e.name);
  }
  return `/${steps.join('/')}`;
}

/** Every element of the tree in document order. */
export function* walk(element: XmlElement): Generator<XmlElement> {
  yield element;
  for (const child of element.children) yield* walk(child);
}
