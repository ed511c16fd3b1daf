/**
 * `collect aws` and `import aws-config` as a user runs them: the built CLI in a subprocess, its
 * credentials from the AWS SDK's standard chain (environment variables), its endpoint from
 * `AWS_ENDPOINT_URL` (the SDK's own setting) pointing at the loopback fake AWS in this process.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateOcsfEvent } from '../src/posture/export/ocsf-validate.test-helpers.js';
import { sarifSchemaErrors } from '../src/posture/export/sarif-validate.test-helpers.js';
import { wholeAccount } from '../src/services/cloud-fixture.test-helpers.js';
import { type FakeAws, startFakeAws } from '../src/sources/cloud/aws/fake-aws.test-helpers.js';
import { cliAsync } from './cli.test-helpers.js';

describe('patchwarden collect aws (subprocess, standard credential chain, loopback AWS)', () => {
  let fake: FakeAws;
  let denied: FakeAws;
  const home = join(mkdtempSync(join(tmpdir(), 'pw-cloud-')), 'home');
  const env = (endpoint: string) => ({
    PATCHWARDEN_HOME: home,
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    AWS_ENDPOINT_URL: endpoint,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
  });
  beforeAll(async () => {
    fake = await startFakeAws(wholeAccount());
    denied = await startFakeAws(wholeAccount((call) => call.service === 'ssm'));
  });
  afterAll(async () => {
    await fake.close();
    await denied.close();
  });

  it('collects EC2 and SSM into host assets with PHI from the tags; exit 0', async () => {
    const r = await cliAsync(
      ['collect', 'aws', '--region', 'us-east-1', '--service', 'ec2', '--service', 'ssm', '--json'],
      { env: env(fake.endpoint) },
    );
    expect(r.stderr).not.toContain('CLOUD_');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { status: string; assets: number; gaps: { skipped?: boolean }[] };
    expect(out).toMatchObject({ status: 'imported', assets: 2 });
    // The services left out are recorded as skipped, not as refused (exit 0 above).
    expect(out.gaps.length).toBeGreaterThan(0);
    expect(out.gaps.every((g) => g.skipped === true)).toBe(true);
    // The credentials the SDK found in the environment signed the requests.
    expect(fake.calls.every((c) => c.accessKeyId === 'AKIDEXAMPLE')).toBe(true);
    const inv = await cliAsync(['inventory', '--phi', '--json'], { env: env(fake.endpoint) });
    const assets = (JSON.parse(inv.stdout) as { assets: { name: string; phiSource: string }[] }).assets;
    expect(assets.map((a) => [a.name, a.phiSource])).toEqual([['ehr-api-1', 'tag:PHI=true']]);
  });

  it('posture scan evaluates the stored snapshot: seeded misconfigurations fail, exit 1', async () => {
    const r = await cliAsync(['posture', 'scan', '--json'], { env: env(fake.endpoint) });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as {
      results: { checkId: string; status: string; resourceId: string }[];
    };
    const failed = new Set(out.results.filter((x) => x.status === 'fail').map((x) => x.checkId));
    for (const id of [
      'ec2-imdsv2-required',
      'ec2-sg-admin-ports-open',
      'ec2-ami-age',
      'ebs-volume-encrypted',
      'ec2-public-subnet-phi',
    ])
      expect(failed).toContain(id);
    const text = await cliAsync(['posture', 'scan'], { env: env(fake.endpoint) });
    expect(text.stdout).toMatch(/^45 CFR 164\.3\d\d/m);
    for (const format of ['ocsf', 'sarif', 'csv', 'html']) {
      const out = join(home, '..', `posture.${format}`);
      const x = await cliAsync(['posture', 'scan', '--format', format, '--out', out], {
        env: env(fake.endpoint),
      });
      expect(x.code).toBe(1);
      const written = readFileSync(out, 'utf8');
      expect(written).toContain('ec2-imdsv2-required');
      // Against the official schemas (vendored: src/posture/export/schemas/).
      if (format === 'ocsf')
        for (const event of JSON.parse(written) as unknown[]) expect(validateOcsfEvent(event)).toEqual([]);
      if (format === 'sarif') expect(sarifSchemaErrors(JSON.parse(written))).toEqual([]);
    }
    // An organisation's parameters and a PHI-only scope, as a user passes them.
    const paramsFile = join(home, '..', 'org-posture.yaml');
    writeFileSync(paramsFile, 'accessKeyMaxAgeDays: 900\n');
    const scoped = await cliAsync(['posture', 'scan', '--phi', '--params', paramsFile, '--json'], {
      env: env(fake.endpoint),
    });
    const body = JSON.parse(scoped.stdout) as { results: { checkId: string; message: string }[] };
    expect(body.results.some((r) => r.message.startsWith('parameter accessKeyMaxAgeDays loosened'))).toBe(
      true,
    );
    const bad = await cliAsync(
      ['posture', 'scan', '--params', paramsFile.replace('.yaml', '-missing.yaml')],
      {
        env: env(fake.endpoint),
      },
    );
    expect(bad.code).toBe(2);
    const checks = await cliAsync(['posture', 'checks', '--json'], { env: env(fake.endpoint) });
    expect((JSON.parse(checks.stdout) as { checks: unknown[] }).checks.length).toBeGreaterThanOrEqual(60);
  });

  it('a denied service is a gap on stderr and exit 3', async () => {
    const r = await cliAsync(
      ['collect', 'aws', '--region', 'us-east-1', '--service', 'ec2', '--service', 'ssm'],
      {
        env: env(denied.endpoint),
      },
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/gap: 111122223333 us-east-1 ssm: DescribeInstanceInformation: AccessDenied/);
  });

  it('an unknown service or a malformed account id is a usage error (exit 2)', async () => {
    const a = await cliAsync(['collect', 'aws', '--region', 'us-east-1', '--service', 'ec3'], {
      env: env(fake.endpoint),
    });
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('--service ec3');
    const b = await cliAsync(['collect', 'aws', '--region', 'us-east-1', '--account', '1234'], {
      env: env(fake.endpoint),
    });
    expect(b.code).toBe(2);
  });

  it('import aws-config: a malformed snapshot names the pointer, exit 2', async () => {
    const file = join(home, '..', 'bad-config.json');
    writeFileSync(
      file,
      JSON.stringify({ configurationItems: [{ resourceType: 'EC2 Instance', resourceId: 'i-1' }] }),
    );
    const r = await cliAsync(['import', 'aws-config', file], { env: env(fake.endpoint) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/configurationItems/0/resourceType');
  });
});
