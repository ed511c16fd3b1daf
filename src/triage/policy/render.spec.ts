import { describe, expect, it } from 'vitest';
import { parsePack } from './load.js';
import { packText } from './policy.test-helpers.js';
import { escapeHtml, escapeMarkdown, renderPolicyDocument } from './render.js';
import { loadShippedPack, SHIPPED_PACK_IDS } from './shipped.js';

const md = (id: string) => renderPolicyDocument(loadShippedPack(id), { format: 'markdown' });
const html = (id: string) => renderPolicyDocument(loadShippedPack(id), { format: 'html' });

describe('renderPolicyDocument — shipped packs', () => {
  it.each(SHIPPED_PACK_IDS)('%s: the sections, every tier and rule, and the footer naming the pack', (id) => {
    const pack = loadShippedPack(id);
    const doc = md(id);
    expect(doc.startsWith('# Patch Management Policy and Procedures\n')).toBe(true);
    for (const h of [
      '1. Purpose',
      '2. Scope',
      '3. Roles and responsibilities',
      '4. Remediation tiers and clocks',
      '5. The remediation clock',
      '6. Procedure',
      '7. Exceptions and compensating controls',
      '8. Evidence and records',
      '9. Review',
      '10. Sources',
    ]) {
      expect(doc).toContain(`\n## ${h}\n`);
    }
    // OCR's five steps, in order.
    const steps = [
      'Evaluation.',
      'Patch testing (isolated system).',
      'Approval.',
      'Deployment.',
      'Verification and testing.',
    ];
    const at = steps.map((s, n) => doc.indexOf(`${n + 1}. **${s}**`));
    expect(at.every((p, n) => p > 0 && (n === 0 || p > at[n - 1]!))).toBe(true);
    for (const t of pack.tiers) {
      const clock = t.days === 'fix-on-upgrade' ? 'fix on system upgrade' : `${t.days} calendar days`;
      expect(doc).toContain(`| \`${t.id}\` | ${clock} |`);
    }
    pack.rules.forEach((r, n) => {
      expect(doc).toContain(`| ${n + 1} | \`${r.id}\` |`);
    });
    expect(doc).toContain(`sha256 \`${pack.digest}\``);
    expect(doc).toContain(`policy pack \`${pack.id}\` version \`${pack.version}\``);
    expect(doc).toContain('The approver is never the requester');
    expect(doc).toContain('164.316(b)(2)(i)');
    expect(doc.endsWith('\n')).toBe(true);
    expect(doc).not.toMatch(/undefined|null|\[object Object\]/);
  });

  it('seed-default: the golden rows', () => {
    const doc = md('seed-default');
    expect(doc).toContain(
      '| `emergency` | 7 calendar days | Critical severity, KEV listing or active exploitation on an asset that holds ePHI — patch out of cycle. |',
    );
    expect(doc).toContain(
      "| 2 | `emergency-kev` | the asset creates, receives, maintains or transmits ePHI and (the vulnerability is listed in CISA's Known Exploited Vulnerabilities (KEV) catalog or SSVC Exploitation is active) | `emergency` | 7 calendar days |",
    );
    expect(doc).toContain(
      '| 5 | `standard` | any other finding | `standard` | 90 calendar days | Any other finding. |',
    );
    expect(doc).toContain('The clock starts when a finding is first identified on an asset.');
    expect(doc).toContain('is due 2026-01-05 + 7 days = 2026-01-12.');
    expect(doc).toContain('at least every 12 months');
  });

  it('hipaa-nprm-2025 and cisa-bod-26-04: clocks and conditions from the pack', () => {
    const nprm = md('hipaa-nprm-2025');
    expect(nprm).toContain('| `critical` | 15 calendar days |');
    expect(nprm).toContain('| `high` | 30 calendar days |');
    expect(nprm).toContain(
      'at the later of the day the finding is identified and the day the vendor publishes a patch',
    );
    expect(nprm).toMatch(/Proposed, not final/);
    const bod = md('cisa-bod-26-04');
    expect(bod).toContain('| `3-days` | 3 calendar days |');
    expect(bod).toContain('| `fix-on-upgrade` | fix on system upgrade |');
    expect(bod).toContain('“Fix on system upgrade” has no calendar date');
    expect(bod).toContain(
      'the outcome of the SSVC decision table cisa-bod-26-04 is “3DF” or “3 days & forensic investigation”',
    );
  });

  it('changing one day in a copy of the pack changes the document (and its digest)', () => {
    const original = parsePack(packText('seed-default'), 'packs/seed-default.yaml');
    const edited = parsePack(
      packText('seed-default').replace('    days: 30\n', '    days: 21\n'),
      'copy.yaml',
    );
    const a = renderPolicyDocument(original, { format: 'markdown' });
    const b = renderPolicyDocument(edited, { format: 'markdown' });
    expect(a).toContain('| `high` | 30 calendar days |');
    expect(b).toContain('| `high` | 21 calendar days |');
    expect(b).toContain(
      '| 3 | `high-phi` | the asset creates, receives, maintains or transmits ePHI | `high` | 21 calendar days |',
    );
    expect(b).not.toContain(original.digest);
    expect(renderPolicyDocument(edited, { format: 'html' })).toContain('<td>21 calendar days</td>');
  });
});

describe('HTML output', () => {
  it('is one self-contained document: inline CSS, no scripts, no external resources', () => {
    const doc = html('cisa-bod-26-04');
    expect(doc.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(doc).toContain('<style>');
    expect(doc).not.toMatch(/<script|<link |src=|@import/);
    expect(doc).toContain('<meta name="patchwarden-policy-pack" content="cisa-bod-26-04@1.0.0 sha256:');
    expect(doc).toContain('<td><code>3-days</code></td><td>3 calendar days</td>');
    expect(doc.match(/<table>/g)).toHaveLength(3);
  });

  it('escapes every piece of text, including pack-supplied text and the organisation', () => {
    const hostile = parsePack(
      packText('seed-default')
        .replace(
          'title: PatchWarden seed default (7 / 30 / 90 days)',
          'title: "<script>alert(1)</script> & \'x\'"',
        )
        .replace('explain: Any other finding.', 'explain: "a | b <img src=x onerror=y> *bold* `tick`"'),
      'evil.yaml',
    );
    const h = renderPolicyDocument(hostile, { format: 'html', organisation: 'Acme <b>"Health"</b> & Co' });
    expect(h).not.toContain('<script>alert');
    expect(h).not.toContain('<img');
    expect(h).toContain('&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#39;x&#39;');
    expect(h).toContain(
      '<title>Patch Management Policy and Procedures — Acme &#60;b&#62;&#34;Health&#34;&#60;/b&#62; &#38; Co</title>',
    );
    const m = renderPolicyDocument(hostile, { format: 'markdown', organisation: 'Acme <b>' });
    expect(m).toContain('**Organisation:** Acme \\<b\\>');
    // The pipe would split the table cell; markup characters are shown literally.
    expect(m).toContain('a \\| b \\<img src=x onerror=y\\> \\*bold\\* \\`tick\\` |');
  });

  it('escapers cover the characters that matter', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
    expect(escapeMarkdown('a_b *c* [d](e) <f> | \\ `g` &amp;\nnext')).toBe(
      'a\\_b \\*c\\* \\[d\\](e) \\<f\\> \\| \\\\ \\`g\\` \\&amp; next',
    );
  });
});
