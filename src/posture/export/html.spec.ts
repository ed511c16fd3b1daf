import { describe, expect, it } from 'vitest';
import { INPUT } from './fixture.test-helpers.js';
import { escapeHtml, toHtml } from './html.js';

describe('toHtml', () => {
  const html = toHtml(INPUT);

  it('is self-contained: no scripts, no external loads', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\bsrc=/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).toContain("default-src 'none'");
  });

  it('escapes hostile resource names and messages', () => {
    expect(html).toContain('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;');
    expect(html).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;a,b&quot;)');
    expect(html).toContain('name with &quot;quotes&quot;, commas');
    expect(html).toContain('&lt;b&gt;tags&lt;/b&gt;');
    expect(html).toContain('Set a password policy with &lt;length&gt; &gt;= 14 &amp; rotation.');
    expect(escapeHtml(`<a href="x" onclick='y'>&`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;',
    );
  });

  it('summarises each citation (golden row)', () => {
    expect(html).toContain(
      '<tr><td><a href="#cite-164.312_a__2__iv_">164.312(a)(2)(iv)</a></td><td>1</td><td>2</td><td>0</td><td>1</td></tr>',
    );
    expect(html).toContain(
      '<tr><td><a href="#cite-164.308_a__5__ii__D_">164.308(a)(5)(ii)(D)</a></td><td>0</td><td>0</td><td>1</td><td>0</td></tr>',
    );
  });

  it('lists failures first, then errors, manual and passes under each citation', () => {
    const section = html.slice(html.indexOf('<h3 id="cite-164.312_a__2__iv_">'));
    const statuses = [...section.slice(0, section.indexOf('</table>')).matchAll(/<td class="(\w+)">/g)].map(
      (m) => m[1],
    );
    expect(statuses).toEqual(['fail', 'fail', 'error', 'pass']);
  });

  it('gives each check with results its remediation', () => {
    expect(html).toContain('<p><strong>Remediation:</strong> Enable default encryption with SSE-KMS.</p>');
    expect(html).toContain('<pre>aws s3api put-bucket-encryption --bucket NAME ...</pre>');
    expect(html).toContain('snapshot snap-1, collected 2026-01-02T03:04:05.000Z');
    expect(html).toContain('generated 2026-01-02T04:00:00.000Z');
  });
});
