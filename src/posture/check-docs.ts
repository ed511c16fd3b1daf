/**
 * docs/checks/ generated from the check metadata (issue 6): one page per check and an index by
 * HIPAA citation. Pure: returns file name → Markdown; scripts/gen-check-docs.mjs writes them, and
 * check-docs.spec.ts fails when the committed pages differ from what the checks say.
 */
import type { PostureCheck } from './check.js';
import { HIPAA_SECURITY_RULE } from './frameworks/hipaa.js';
import { describeGuardrail, GUARDRAILS } from './guardrails.js';
import { DEFAULT_PARAMS } from './params.js';

const code = (s: string) => `\`\`\`\n${s.trim()}\n\`\`\``;

// The parameters a check reads, with their defaults and the guardrail the runner holds them to.
function paramsSection(c: PostureCheck): string[] {
  if (!c.params?.length) return [];
  return [
    '## Parameters',
    '',
    'Set per organisation with `posture scan --params FILE`; a value looser than its guardrail is evaluated at the guardrail and fails this check once per account.',
    '',
    '| parameter | default | guardrail |',
    '|---|---|---|',
    ...c.params.map((p) => {
      const g = GUARDRAILS[p];
      const v = DEFAULT_PARAMS[p];
      return `| \`${p}\` | ${Array.isArray(v) ? v.join(', ') : String(v)} | ${g ? `${describeGuardrail(g)} (${g.citation}: ${g.why})` : '—'} |`;
    }),
    '',
  ];
}

/** The Markdown page of one check. */
export function checkPage(c: PostureCheck): string {
  const r = c.remediation;
  return [
    `# ${c.id}`,
    '',
    `**${c.title}**`,
    '',
    `| provider | severity | resource type | HIPAA (45 CFR) |`,
    `|---|---|---|---|`,
    `| ${c.provider} | ${c.severity} | \`${c.resourceType}\` | ${c.citations.join(', ')} |`,
    '',
    '## Risk',
    '',
    c.risk.trim(),
    '',
    '## Remediation',
    '',
    r.text.trim(),
    ...(r.cli ? ['', '### CLI', '', code(r.cli)] : []),
    ...(r.terraform ? ['', '### Terraform', '', code(r.terraform)] : []),
    ...(r.url ? ['', `Reference: ${r.url}`] : []),
    '',
    ...paramsSection(c),
    `Results: \`pass\`, \`fail\`, \`manual\` or \`error\` per resource, with the configuration values read as evidence. Source: \`src/posture/checks/${c.provider}/${c.id}/index.ts\`.`,
    '',
  ].join('\n');
}

/** Every page: `<provider>/<id>.md` per check and `README.md`, the index by citation. */
export function checkDocs(checks: readonly PostureCheck[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of [...checks].sort((a, b) => a.id.localeCompare(b.id)))
    out.set(`${c.provider}/${c.id}.md`, checkPage(c));
  const byId = new Map(checks.map((c) => [c.id, c]));
  const index = [
    '# Posture checks',
    '',
    `Generated from the check metadata by \`node scripts/gen-check-docs.mjs\` (tested: these pages match the code). ${checks.length} checks: ${checks.filter((c) => c.provider === 'aws').length} AWS, ${checks.filter((c) => c.provider === 'azure').length} Azure. See also \`docs/coverage.md\`.`,
    '',
    ...HIPAA_SECURITY_RULE.flatMap((req) => [
      `## ${req.citation} ${req.title}`,
      '',
      ...req.checks.map((id) => {
        const c = byId.get(id);
        return c ? `- [${id}](${c.provider}/${id}.md) — ${c.title} (${c.severity})` : `- ${id}`;
      }),
      '',
    ]),
  ].join('\n');
  out.set('README.md', index);
  return out;
}
