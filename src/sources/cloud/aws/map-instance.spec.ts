import { describe, expect, it } from 'vitest';
import { applicationComponent, packageFlavour, partitionOf, toExtraction } from './map-instance.js';

describe('packageFlavour', () => {
  it.each([
    ['Amazon Linux', 'Linux', { type: 'rpm', namespace: 'amzn', distroPrefix: 'amzn' }],
    ['Red Hat Enterprise Linux', 'Linux', { type: 'rpm', namespace: 'redhat', distroPrefix: 'rhel' }],
    ['Ubuntu', 'Linux', { type: 'deb', namespace: 'ubuntu', distroPrefix: 'ubuntu' }],
    ['Debian GNU/Linux', 'Linux', { type: 'deb', namespace: 'debian', distroPrefix: 'debian' }],
    ['Microsoft Windows Server 2022 Datacenter', 'Windows', { type: 'generic' }],
    ['FreeBSD', 'Linux', undefined],
  ])('%s → %o', (PlatformName, PlatformType, expected) => {
    expect(packageFlavour({ PlatformName, PlatformType: PlatformType as 'Linux' })).toEqual(expected);
  });
});

describe('applicationComponent', () => {
  it('spells Windows applications as generic purls without an ecosystem', () => {
    const c = applicationComponent(
      { Name: 'Google Chrome', Version: '124.0.6367.61' },
      { type: 'generic' },
      '10.0.20348',
      'r',
    );
    expect(c).toEqual({
      purl: 'pkg:generic/Google%20Chrome@124.0.6367.61',
      ecosystem: null,
      name: 'Google Chrome',
      version: '124.0.6367.61',
      ref: 'r',
    });
  });

  it('gives Debian packages their OSV release', () => {
    const c = applicationComponent(
      { Name: 'libc6', Version: '2.36-9+deb12u7' },
      { type: 'deb', namespace: 'debian', distroPrefix: 'debian' },
      '12',
      'r',
    );
    expect(c).toMatchObject({
      ecosystem: 'Debian',
      name: 'libc6',
      version: '2.36-9+deb12u7',
      distroRelease: 'Debian:12',
    });
  });

  it('rejects an entry without a name', () => {
    expect(applicationComponent({ Version: '1' }, { type: 'generic' }, undefined, 'r')).toEqual({
      ref: 'r',
      reason: 'AWS:Application entry has no Name',
    });
  });
});

describe('toExtraction', () => {
  it('rejects applications, naming the platform, when the platform does not tell the package type', () => {
    const x = toExtraction({
      instanceId: 'mi-0123456789abcdef0',
      region: 'us-gov-west-1',
      account: '111122223333',
      info: { InstanceId: 'mi-0123456789abcdef0', PlatformName: 'FreeBSD', PlatformType: 'Linux' },
      applications: [{ Name: 'curl', Version: '8.7.1' }],
    });
    expect(x.asset.externalId).toBe(
      'arn:aws-us-gov:ssm:us-gov-west-1:111122223333:managed-instance/mi-0123456789abcdef0',
    );
    expect(x.asset.internetExposed).toBeUndefined();
    expect(x.components).toEqual([]);
    expect(x.rejected).toEqual([
      {
        ref: 'mi-0123456789abcdef0/AWS:Application/0',
        reason: 'platform FreeBSD does not tell the package type',
      },
    ]);
  });

  it('names ARN partitions', () => {
    expect([partitionOf('eu-west-1'), partitionOf('cn-north-1'), partitionOf('us-gov-east-1')]).toEqual([
      'aws',
      'aws-cn',
      'aws-us-gov',
    ]);
  });
});
