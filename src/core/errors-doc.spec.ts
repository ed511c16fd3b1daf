/**
 * docs/errors.md is tested against the registry (STYLE.md "Errors"; fastify tests its error docs the
 * same way): one `## CODE` section per code, in registry order, each stating the code's HTTP status,
 * exit code and message in fixed line formats (`- HTTP status: 400`, `- Exit code: 2`,
 * `- Message: …`), and each with "When it happens" and "How to solve" paragraphs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorCode, EXIT } from './errors.js';

const DOC = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
const CODES = Object.keys(ERROR_CODES) as ErrorCode[];

// A code heading is `## ` followed by an upper-case identifier; prose headings use ordinary words.
const CODE_HEADING = /^[A-Z][A-Z0-9_]*$/;

interface Section {
  heading: string;
  body: string;
}

/** Split the document at `## ` headings (not `###`); text before the first one is dropped. */
function sections(markdown: string): Section[] {
  const out: Section[] = [];
  let current: Section | undefined;
  let fence = false;
  for (const line of markdown.split(/\r?\n/)) {
    if (line.startsWith('```')) fence = !fence;
    const h2 = fence ? null : /^## (.+?)\s*$/.exec(line);
    if (h2) {
      current = { heading: h2[1] ?? '', body: '' };
      out.push(current);
    } else if (current) {
      current.body += `${line}\n`;
    }
  }
  return out;
}

const all = sections(DOC);
const codeSections = all.filter((s) => CODE_HEADING.test(s.heading));
const byCode = new Map(codeSections.map((s) => [s.heading, s]));

/** The value of a `- Label: value` line, or undefined when the section has none or several. */
function field(body: string, label: string): string | undefined {
  const found = [...body.matchAll(new RegExp(`^- ${label}: (.+?)\\s*$`, 'gm'))];
  return found.length === 1 ? found[0]?.[1] : undefined;
}

describe('docs/errors.md', () => {
  it('has a section for every registered code', () => {
    const missing = CODES.filter((c) => !byCode.has(c));
    expect(missing).toEqual([]);
  });

  it('names no code that is not in the registry, and none twice', () => {
    const headings = codeSections.map((s) => s.heading);
    expect(headings.filter((h) => !Object.hasOwn(ERROR_CODES, h))).toEqual([]);
    expect(headings.filter((h, i) => headings.indexOf(h) !== i)).toEqual([]);
  });

  it('keeps the code sections in registry order, after the prose sections', () => {
    expect(codeSections.map((s) => s.heading)).toEqual(CODES);
    const firstCode = all.findIndex((s) => CODE_HEADING.test(s.heading));
    const proseAfterCodes = all.slice(firstCode).filter((s) => !CODE_HEADING.test(s.heading));
    expect(proseAfterCodes.map((s) => s.heading)).toEqual([]);
  });

  describe.each(CODES)('%s', (code) => {
    const spec = ERROR_CODES[code];
    const body = byCode.get(code)?.body ?? '';

    it('states the HTTP status, exit code and message of the registry', () => {
      expect(field(body, 'HTTP status')).toBe(String(spec.status));
      expect(field(body, 'Exit code')).toBe(String(spec.exit));
      expect(field(body, 'Message')).toBe(spec.message);
    });

    it('says when it happens and how to solve it', () => {
      expect(body).toMatch(/^\*\*When it happens\.\*\* \S/m);
      expect(body).toMatch(/^\*\*How to solve\.\*\* \S/m);
    });
  });

  it('lists every CLI exit code in the exit-code table', () => {
    const table = all.find((s) => s.heading === 'CLI exit codes')?.body ?? '';
    const rows = [...table.matchAll(/^\| (\d+) +\| `(\w+)` +\|/gm)].map((m) => [m[2], Number(m[1])]);
    expect(Object.fromEntries(rows)).toEqual(EXIT);
  });

  it('documents the API error body fields', () => {
    const api = all.find((s) => s.heading === 'API error body')?.body ?? '';
    for (const key of ['statusCode', 'code', 'error', 'message']) expect(api).toContain(`"${key}"`);
  });
});
