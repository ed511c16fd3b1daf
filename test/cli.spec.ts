import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, sharedData } from './cli.test-helpers.js';

const JUICE = sharedData('sbom/cyclonedx-bom-examples/SBOM__juice-shop__v11.1.2__bom.json');
const PROTONMAIL = sharedData('sbom/cyclonedx-bom-examples/SBOM__protonmail-webclient-v4-0912dff__bom.json');

function freshHome(): string {
  return join(mkdtempSync(join(tmpdir(), 'pw-cli-')), 'home');
}

describe('patchwarden version compare (contract)', () => {
  it.each([
    ['npm', '1.0.0-rc.1', '1.0.0', '<'],
    ['PyPI', '1.0.post1', '1.0', '>'],
    ['PyPI', '1.0', '1.0.0', '='],
    ['Go', '1.2.3', 'v1.2.3+incompatible', '='],
  ])('%s %s vs %s → %s', (eco, a, b, want) => {
    const r = cli(['version', 'compare', eco, a, b]);
    expect(r).toMatchObject({ code: 0, stdout: `${want}\n` });
  });

  it('--batch answers line by line, with "! reason" for invalid versions', () => {
    const r = cli(['version', 'compare', 'PyPI', '--batch'], {
      input: '1.0\t2.0\n2.0b1\t2.0a9\nbogus!\t1.0\nno-tab\n',
    });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.slice(0, 2)).toEqual(['<', '>']);
    expect(lines[2]).toMatch(/^! /);
    expect(lines[3]).toMatch(/^! /);
  });

  it.each([
    ['Debian', 'debian-versions-generated.txt'],
    ['Alpine', 'alpine-versions-generated.txt'],
    ['RubyGems', 'rubygems-versions-generated.txt'],
    ['CRAN', 'cran-versions-generated.txt'],
    ['AlmaLinux', 'redhat-versions.txt'],
  ])('--batch reproduces the native tool on %s (%s)', (eco, file) => {
    const lines = readFileSync(sharedData(`version-fixtures/google-osv-scalibr/${file}`), 'utf8')
      .split('\n')
      .map((l) => /^(\S+) ([<=>]) (\S+)$/.exec(l.trim()))
      .filter((m): m is RegExpExecArray => m !== null);
    const r = cli(['version', 'compare', eco, '--batch'], {
      input: lines.map((m) => `${m[1]}\t${m[3]}\n`).join(''),
    });
    expect(r.code).toBe(0);
    const answers = r.stdout.trimEnd().split('\n');
    expect(answers).toHaveLength(lines.length);
    const wrong = lines.filter((m, i) => answers[i] !== m[2] && !answers[i]!.startsWith('!'));
    expect(wrong).toEqual([]);
    // Lines the scheme rejects are the few each scheme's readme lists; never a silent wrong order.
    expect(answers.filter((a) => a.startsWith('!')).length).toBeLessThan(lines.length / 100);
  });

  it('an unsupported ecosystem or invalid version is a usage error (exit 2)', () => {
    expect(cli(['version', 'compare', 'Nope', '1', '2']).code).toBe(2);
    const bad = cli(['version', 'compare', 'npm', '1.2', '1.2.0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/VERSION_INVALID/);
  });
});

describe('patchwarden scan (contract, no database)', () => {
  it('prints findings for real npm SBOMs against real GHSA records, with true positives and negatives', () => {
    const home = freshHome();
    const r = cli(['scan', JUICE, '--advisories', sharedData('ghsa-osv'), '--format', 'json'], {
      env: { PATCHWARDEN_HOME: home },
    });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      findings: { component: { purl: string }; advisory: string; aliases: string[]; fixed: string | null }[];
    };
    const keys = out.findings.map((f) => `${f.component.purl} ${f.advisory}`);
    expect(out.findings).toContainEqual({
      component: { purl: 'pkg:npm/minimist@1.2.5' },
      advisory: 'GHSA-xvch-5gv4-984h',
      aliases: ['CVE-2021-44906'],
      fixed: '1.2.6',
    });
    expect(keys).toContain('pkg:npm/lodash@2.4.2 GHSA-fvqr-27wr-82fm');
    expect(keys).toContain('pkg:npm/jsonwebtoken@0.4.0 GHSA-27h2-hvpr-p74q');
    // lodash 4.17.19 is past the fix (4.17.5); moment 2.0.0 predates the vulnerable 2.18.0.
    expect(keys).not.toContain('pkg:npm/lodash@4.17.19 GHSA-fvqr-27wr-82fm');
    expect(keys).not.toContain('pkg:npm/moment@2.0.0 GHSA-wc69-rhjr-hc9g');
    // scan never opens the database: PATCHWARDEN_HOME is not even created.
    expect(existsSync(home)).toBe(false);
  });

  it('matches another real SBOM and exits 1 with --fail-on', () => {
    const ok = cli(['scan', PROTONMAIL, '--advisories', sharedData('ghsa-osv/npm'), '--format', 'json']);
    expect(JSON.parse(ok.stdout).findings.length).toBeGreaterThan(0);
    const gate = cli(['scan', PROTONMAIL, '--advisories', sharedData('ghsa-osv/npm'), '--fail-on', 'medium']);
    expect(gate.code).toBe(1);
  });

  it('reads OSV YAML (PyPA) and ignores withdrawn Go records without error', () => {
    const r = cli([
      'scan',
      JUICE,
      '--advisories',
      sharedData('osv/pypa-advisory-database'),
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout).summary;
    expect(summary.advisories + summary.withdrawnIgnored).toBe(248);
    const go = cli(['scan', JUICE, '--advisories', sharedData('osv/golang-vulndb'), '--format', 'json']);
    expect(JSON.parse(go.stdout).summary.withdrawnIgnored).toBeGreaterThan(0);
  });

  it('--vex: an OpenVEX not_affected statement moves the finding to suppressed, with its evidence', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-vex-'));
    const vexFile = join(dir, 'juice.openvex.json');
    writeFileSync(
      vexFile,
      JSON.stringify({
        '@context': 'https://openvex.dev/ns/v0.2.0',
        '@id': 'https://example.invalid/vex/1',
        author: 'synthetic test',
        timestamp: '2026-11-01T00:00:00Z',
        version: 1,
        statements: [
          {
            vulnerability: { name: 'CVE-2021-44906' },
            products: [{ '@id': 'pkg:npm/minimist@1.2.5' }],
            status: 'not_affected',
            justification: 'vulnerable_code_not_in_execute_path',
          },
        ],
      }),
    );
    const r = cli([
      'scan',
      JUICE,
      '--advisories',
      sharedData('ghsa-osv/npm'),
      '--vex',
      vexFile,
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const keys = out.findings.map(
      (f: { component: { purl: string }; advisory: string }) => `${f.component.purl} ${f.advisory}`,
    );
    expect(keys).not.toContain('pkg:npm/minimist@1.2.5 GHSA-xvch-5gv4-984h');
    // The statement names one version: minimist 0.2.1 stays a finding.
    expect(keys).toContain('pkg:npm/minimist@0.2.1 GHSA-xvch-5gv4-984h');
    expect(out.suppressed).toEqual([
      {
        component: { purl: 'pkg:npm/minimist@1.2.5' },
        advisory: 'GHSA-xvch-5gv4-984h',
        vex: expect.objectContaining({
          status: 'not_affected',
          justification: 'vulnerable_code_not_in_execute_path',
          source: expect.objectContaining({ file: vexFile, format: 'openvex', pointer: '/statements/0' }),
        }),
      },
    ]);
  });

  it('a malformed SBOM is exit 2 naming the file and pointer', () => {
    const r = cli([
      'scan',
      sharedData('ghsa-osv/npm/GHSA-xvch-5gv4-984h.json'),
      '--advisories',
      sharedData('ghsa-osv/npm'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/INPUT_UNRECOGNISED/);
    expect(r.stderr).toContain('GHSA-xvch-5gv4-984h.json');
  });
});

describe('patchwarden inventory show (contract, no database)', () => {
  it('prints the asset, components with purls and rejected records', () => {
    const home = freshHome();
    const r = cli(['inventory', 'show', JUICE, '--json'], { env: { PATCHWARDEN_HOME: home } });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.asset).toMatchObject({ name: 'juice-shop', kind: 'application' });
    expect(out.components).toHaveLength(840);
    expect(out.components[0].purl).toMatch(/^pkg:npm\//);
    expect(out.rejected).toEqual([]);
    expect(existsSync(home)).toBe(false);
  });
});

describe('usage', () => {
  it('--help lists commands; unknown commands and options are exit 2', () => {
    expect(cli(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('version compare') });
    expect(cli(['scan', '--help']).stdout).toMatch(/--advisories/);
    expect(cli(['frobnicate']).code).toBe(2);
    expect(cli(['scan', JUICE, '--bogus']).code).toBe(2);
  });
});

describe('the database path end to end (PGlite in PATCHWARDEN_HOME)', () => {
  it('imports, lists findings with tiers and deadlines, verifies the audit chain', () => {
    const env = { PATCHWARDEN_HOME: freshHome() };
    const imp = cli(
      ['import', 'sbom', JUICE, '--asset-id', 'test:juice', '--name', 'juice', '--tag', 'PHI=true', '--json'],
      { env },
    );
    expect(imp.code).toBe(0);
    expect(JSON.parse(imp.stdout)).toMatchObject({ status: 'imported', asset: { phi: true } });
    expect(cli(['import', 'advisories', sharedData('ghsa-osv/npm')], { env }).code).toBe(0);
    const again = cli(
      ['import', 'sbom', JUICE, '--asset-id', 'test:juice', '--tag', 'PHI=true', '--name', 'juice'],
      {
        env,
      },
    );
    expect(again.stdout).toMatch(/nothing changed/);
    const f = cli(['findings', '--json'], { env });
    const findings = JSON.parse(f.stdout).findings as { tier: string; deadline: string; daysLeft: number }[];
    expect(findings).toHaveLength(14);
    expect(new Set(findings.map((x) => x.tier))).toEqual(new Set(['emergency', 'high']));
    // A rematch of unchanged data changes nothing.
    expect(cli(['findings', 'rematch', '--json'], { env }).stdout).toContain('"opened": 0');
    const explain = cli(['findings', 'explain', '1'], { env });
    expect(explain.stdout).toMatch(/Policy:\s+seed-default 1\.1\.0/);
    // Each id explains its own finding, not the soonest one.
    const ids = (JSON.parse(f.stdout).findings as { id: number }[]).map((x) => x.id);
    for (const id of [ids[0], ids.at(-1)]) {
      expect(cli(['findings', 'explain', String(id)], { env }).stdout).toMatch(
        new RegExp(`^Finding #${id}:`),
      );
    }
    expect(cli(['inventory', '--json'], { env }).stdout).toContain('"phiSource": "tag:PHI=true"');
    const verify = cli(['audit', 'verify', '--json'], { env });
    expect(verify.code).toBe(0);
    const chain = JSON.parse(verify.stdout) as { ok: boolean; events: number };
    expect(chain.ok).toBe(true);

    // Malformed inputs: exit 2, the file named, and nothing written (same audit length, same assets).
    const dir = mkdtempSync(join(tmpdir(), 'pw-bad-'));
    const truncated = join(dir, 'truncated.json');
    writeFileSync(truncated, readFileSync(JUICE, 'utf8').slice(0, 4000));
    const junk = join(dir, 'junk.bin');
    writeFileSync(junk, Buffer.alloc(10 * 1024 * 1024, 0x9c));
    const badAdvisory = join(dir, 'advisories');
    mkdirSync(badAdvisory);
    writeFileSync(join(badAdvisory, 'X.json'), '{"id": "X-1", "modified": 7}');
    for (const [args, code] of [
      [['import', 'sbom', truncated], 'INPUT_MALFORMED_JSON'],
      [['import', 'sbom', junk], 'INPUT_UNRECOGNISED'],
      [['import', 'advisories', badAdvisory], 'INPUT_SCHEMA'],
      [['import', 'kev', truncated], 'INPUT_MALFORMED_JSON'],
    ] as const) {
      const r = cli([...args], { env });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(code);
      expect(r.stderr).toContain(dir);
    }
    expect(JSON.parse(cli(['audit', 'verify', '--json'], { env }).stdout).events).toBe(chain.events);
    expect(JSON.parse(cli(['inventory', '--json'], { env }).stdout).assets).toHaveLength(1);
  });
});

describe('finding exceptions (separation of duties, by the login name in the audit actor)', () => {
  it('alice requests, alice cannot approve, bob approves; the deadline moves by the pause', () => {
    const env = { PATCHWARDEN_HOME: freshHome() };
    expect(
      cli(['import', 'sbom', JUICE, '--asset-id', 'test:juice', '--tag', 'PHI=true'], { env }).code,
    ).toBe(0);
    expect(cli(['import', 'advisories', sharedData('ghsa-osv/npm')], { env }).code).toBe(0);
    const before = JSON.parse(cli(['findings', '--json', '--limit', '1'], { env }).stdout).findings[0] as {
      id: number;
      deadline: string;
    };
    const expires = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    const req = cli(
      [
        'findings',
        'exception',
        'request',
        String(before.id),
        '--reason',
        'vendor fix pending',
        '--expires',
        expires,
        '--control',
        'WAF rule',
        '--json',
      ],
      { env: { ...env, USER: 'alice' } },
    );
    expect(req.code).toBe(0);
    const exceptionId = (JSON.parse(req.stdout) as { id: number }).id;
    const self = cli(['findings', 'exception', 'approve', String(exceptionId)], {
      env: { ...env, USER: 'alice' },
    });
    expect(self.code).toBe(2);
    expect(self.stderr).toContain('NOT_PERMITTED');
    expect(
      cli(['findings', 'exception', 'approve', String(exceptionId)], { env: { ...env, USER: 'bob' } }).code,
    ).toBe(0);
    const after = JSON.parse(cli(['findings', 'explain', String(before.id), '--json'], { env }).stdout) as {
      deadline: string;
    };
    expect(Date.parse(after.deadline)).toBeGreaterThan(Date.parse(before.deadline) + 38 * 86_400_000);
    expect(cli(['findings', 'exceptions'], { env }).stdout).toMatch(/in force/);
    expect(cli(['audit', 'verify'], { env }).code).toBe(0);
  });
});
