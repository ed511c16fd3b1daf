import { describe, expect, it } from 'vitest';
import { applicationComponent, applicationComponents, packageFlavour } from './ssm-applications.js';

describe('packageFlavour', () => {
  it.each([
    ['Amazon Linux', 'Linux', { type: 'rpm', namespace: 'amzn', distroPrefix: 'amzn' }],
    ['Red Hat Enterprise Linux', 'Linux', { type: 'rpm', namespace: 'redhat', distroPrefix: 'rhel' }],
    ['Ubuntu', 'Linux', { type: 'deb', namespace: 'ubuntu', distroPrefix: 'ubuntu' }],
    ['Debian GNU/Linux', 'Linux', { type: 'deb', namespace: 'debian', distroPrefix: 'debian' }],
    ['Microsoft Windows Server 2022 Datacenter', 'Windows', { type: 'generic' }],
    ['FreeBSD', 'Linux', undefined],
  ])('%s → %o', (PlatformName, PlatformType, expected) => {
    expect(packageFlavour({ PlatformName, PlatformType })).toEqual(expected);
  });
});

describe('applicationComponent', () => {
  it('spells rpm packages with arch, a non-zero epoch and the distro qualifier', () => {
    const c = applicationComponent(
      {
        Name: 'openssl-libs',
        Version: '3.0.8',
        Release: '1.amzn2023.0.12',
        Epoch: '1',
        Architecture: 'x86_64',
      },
      { type: 'rpm', namespace: 'amzn', distroPrefix: 'amzn' },
      '2023',
      'r',
    );
    // Amazon Linux has no OSV ecosystem (distro.ts): the package stays, unmatched.
    expect(c).toEqual({
      purl: 'pkg:rpm/amzn/openssl-libs@3.0.8-1.amzn2023.0.12?arch=x86_64&distro=amzn-2023&epoch=1',
      ecosystem: null,
      name: 'openssl-libs',
      version: '3.0.8-1.amzn2023.0.12',
      ref: 'r',
    });
  });

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

  it('gives Debian and Ubuntu packages their OSV release', () => {
    expect(
      applicationComponent(
        { Name: 'libc6', Version: '2.36-9+deb12u7' },
        { type: 'deb', namespace: 'debian', distroPrefix: 'debian' },
        '12',
        'r',
      ),
    ).toMatchObject({
      ecosystem: 'Debian',
      name: 'libc6',
      version: '2.36-9+deb12u7',
      distroRelease: 'Debian:12',
    });
    expect(
      applicationComponent(
        { Name: 'openssl', Version: '3.0.2-0ubuntu1.15', Architecture: 'amd64' },
        { type: 'deb', namespace: 'ubuntu', distroPrefix: 'ubuntu' },
        '22.04',
        'r',
      ),
    ).toEqual({
      purl: 'pkg:deb/ubuntu/openssl@3.0.2-0ubuntu1.15?arch=amd64&distro=ubuntu-22.04',
      ecosystem: 'Ubuntu',
      name: 'openssl',
      version: '3.0.2-0ubuntu1.15',
      distroRelease: 'Ubuntu:22.04:LTS',
      ref: 'r',
    });
  });

  it('rejects an entry without a name', () => {
    expect(applicationComponent({ Version: '1' }, { type: 'generic' }, undefined, 'r')).toEqual({
      ref: 'r',
      reason: 'AWS:Application entry has no Name',
    });
  });
});

describe('applicationComponents', () => {
  it('rejects every entry, naming the platform, when the platform does not tell the package type', () => {
    const r = applicationComponents(
      [{ Name: 'curl', Version: '8.7.1' }],
      { PlatformName: 'FreeBSD', PlatformType: 'Linux' },
      'mi-0123456789abcdef0',
    );
    expect(r).toEqual({
      components: [],
      rejected: [
        {
          ref: 'mi-0123456789abcdef0/AWS:Application/0',
          reason: 'platform FreeBSD does not tell the package type',
        },
      ],
    });
  });
});
