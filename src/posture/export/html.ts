/**
 * A self-contained HTML report of one posture run: inline CSS, no scripts, no external resources,
 * every interpolated value escaped (HTML Living Standard §13.1: text and attribute values escape
 * `& < > " '`). Sections: a summary per HIPAA citation with the resources behind it, failures
 * first, then each check's remediation.
 */

import { byCitation, type CitationGroup } from '../by-citation.js';
import type { CheckResult, CheckStatus, PostureCheck } from '../check.js';
import { STATUSES } from '../check.js';
import { checkLookup, type ExportInput } from './input.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe in HTML content and in quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

// Failures first, then gaps, then what a person must look at, then passes.
const STATUS_ORDER: Record<CheckStatus, number> = { fail: 0, error: 1, manual: 2, pass: 3 };

const CSS = `body{font-family:system-ui,sans-serif;margin:2rem;color:#1a1a1a}
table{border-collapse:collapse;margin:0.5rem 0 1.5rem;width:100%}
th,td{border:1px solid #ccc;padding:0.3rem 0.5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}.fail{color:#a00;font-weight:600}.error{color:#a60}.manual{color:#05a}.pass{color:#070}
code{word-break:break-all}`;

/** The HTML report for the input. */
export function toHtml(input: ExportInput): string {
  const checkOf = checkLookup(input.checks);
  const groups = byCitation(input.results, input.checks);
  for (const g of groups)
    g.results.sort(
      (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || cmp(a.findingId, b.findingId),
    );
  const reported = new Set(input.results.map((r) => r.checkId));
  const title = `PatchWarden HIPAA posture report — ${input.snapshot.provider.toUpperCase()}`;
  const snapshot = input.snapshot.id !== undefined ? `snapshot ${input.snapshot.id}, ` : '';
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    // CSP: nothing may load or run, even if escaping were ever bypassed.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(title)}</title><style>${CSS}</style></head><body>`,
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(`${snapshot}collected ${input.snapshot.collectedAt}; accounts ${input.snapshot.accounts.join(', ')}; generated ${input.generatedAt.toISOString()}`)}</p>`,
    '<h2>Summary by HIPAA citation</h2>',
    summaryTable(groups),
    ...groups.map((g) => citationSection(g, checkOf)),
    '<h2>Remediation</h2>',
    ...input.checks.filter((c) => reported.has(c.id)).map(remediationSection),
    '</body></html>',
    '',
  ].join('\n');
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function summaryTable(groups: readonly CitationGroup<CheckResult>[]): string {
  const head = `<tr><th>Citation</th>${STATUSES.map((s) => `<th>${s}</th>`).join('')}</tr>`;
  const rows = groups.map(({ citation, counts }) => {
    const cells = STATUSES.map((s) => `<td>${counts[s]}</td>`).join('');
    return `<tr><td><a href="#${escapeHtml(anchor(citation))}">${escapeHtml(citation)}</a></td>${cells}</tr>`;
  });
  return `<table><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

function anchor(citation: string): string {
  return `cite-${citation.replace(/[^A-Za-z0-9.]/g, '_')}`;
}

function citationSection(
  { citation, results }: CitationGroup<CheckResult>,
  checkOf: (id: string) => PostureCheck,
): string {
  const head =
    '<tr><th>Status</th><th>Check</th><th>Severity</th><th>Account</th><th>Region</th><th>Resource</th><th>Message</th></tr>';
  const rows = results.map((r) => {
    const check = checkOf(r.checkId);
    const cells = [check.id, check.severity, r.account, r.region].map((v) => `<td>${escapeHtml(v)}</td>`);
    return `<tr><td class="${escapeHtml(r.status)}">${escapeHtml(r.status)}</td>${cells.join('')}<td><code>${escapeHtml(r.resourceId)}</code><br>${escapeHtml(r.resourceType)}</td><td>${escapeHtml(r.message)}</td></tr>`;
  });
  return `<h3 id="${escapeHtml(anchor(citation))}">${escapeHtml(citation)}</h3><table><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

function remediationSection(check: PostureCheck): string {
  const parts = [
    `<h3>${escapeHtml(check.title)} <small>(${escapeHtml(check.id)}, ${escapeHtml(check.severity)})</small></h3>`,
    `<p><strong>Risk:</strong> ${escapeHtml(check.risk)}</p>`,
    `<p><strong>Remediation:</strong> ${escapeHtml(check.remediation.text)}</p>`,
  ];
  if (check.remediation.cli !== undefined) parts.push(`<pre>${escapeHtml(check.remediation.cli)}</pre>`);
  if (check.remediation.terraform !== undefined)
    parts.push(`<pre>${escapeHtml(check.remediation.terraform)}</pre>`);
  // Shown as text, not a link: a report opened offline should not invite a click to an unchecked URL.
  if (check.remediation.url !== undefined)
    parts.push(`<p>Reference: <code>${escapeHtml(check.remediation.url)}</code></p>`);
  return parts.join('\n');
}
