/** Wire-level tests of the IAM collector (query protocol, `Marker`/`IsTruncated` pagination). */
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../../../core/errors.js';
import { type FakeAws, queryError, startFakeAws } from '../fake-aws.test-helpers.js';
import {
  ACCOUNT,
  dataAccount,
  fakeContext,
  PHI_READ_V2,
  S3_STAR,
  TRUST,
} from './fake-data-account.test-helpers.js';
import { decodePolicyDocuments, iamCollector } from './iam.js';

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const byType = (out: { type: string; id: string }[]) => out.map((r) => [r.type, r.id]);

describe('iamCollector', () => {
  it('collects principals, policies, the password policy and root from every page', async () => {
    fake = await startFakeAws(dataAccount());
    const { ctx, gaps } = fakeContext(fake);
    const out = await iamCollector.collect(ctx);
    expect(gaps).toEqual([]);
    expect(byType(out)).toEqual([
      ['AWS::IAM::PasswordPolicy', `arn:aws:iam::${ACCOUNT}:account-password-policy`],
      ['AWS::IAM::RootAccount', `arn:aws:iam::${ACCOUNT}:root`],
      ['AWS::IAM::User', `arn:aws:iam::${ACCOUNT}:user/alice`],
      ['AWS::IAM::User', `arn:aws:iam::${ACCOUNT}:user/service/bob`],
      ['AWS::IAM::Group', `arn:aws:iam::${ACCOUNT}:group/clinicians`],
      ['AWS::IAM::Role', `arn:aws:iam::${ACCOUNT}:role/ehr-app-role`],
      ['AWS::IAM::Policy', `arn:aws:iam::${ACCOUNT}:policy/phi-readers`],
      // AWS-managed: kept because attached here; AdministratorAccess (0 attachments) is not.
      ['AWS::IAM::Policy', 'arn:aws:iam::aws:policy/ReadOnlyAccess'],
    ]);
    expect(out.every((r) => r.region === 'global' && r.account === ACCOUNT)).toBe(true);
    const get = (name: string) => out.find((r) => r.name === name);

    const policy = get('account-password-policy');
    expect(policy?.configuration).toEqual({
      minimumPasswordLength: 8,
      requireSymbols: false,
      requireNumbers: true,
      requireUppercaseCharacters: true,
      requireLowercaseCharacters: true,
      allowUsersToChangePassword: true,
      expirePasswords: true,
      maxPasswordAge: 365,
      hardExpiry: false,
    });
    expect(policy?.supplementary).toEqual({ configured: true });

    const root = get('<root_account>');
    expect(root?.configuration).toMatchObject({
      accountMFAEnabled: false,
      accountAccessKeysPresent: true,
      accountSigningCertificatesPresent: false,
      users: 2,
    });
    expect(root?.supplementary).toMatchObject({
      virtualMfa: false,
      credentialReport: { mfa_active: false, access_key_1_active: true, password_enabled: 'not_supported' },
    });

    const alice = get('alice');
    expect(alice?.tags).toEqual({ Team: 'clinical' });
    expect(alice?.configuration).toMatchObject({
      userName: 'alice',
      groupList: ['clinicians'],
      attachedManagedPolicies: [
        { policyName: 'ReadOnlyAccess', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
      ],
      userPolicyList: [{ policyName: 'self-service', policyDocument: { Version: '2012-10-17' } }],
      createDate: '2023-12-01T08:00:00.000Z',
    });
    expect(alice?.supplementary.credentialReport).toEqual({
      user: 'alice',
      arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
      user_creation_time: '2023-12-01T08:00:00+00:00',
      password_enabled: true,
      password_last_used: '2025-01-05T08:00:00+00:00',
      password_last_changed: '2023-12-01T08:05:00+00:00',
      password_next_rotation: '2024-11-25T08:05:00+00:00',
      mfa_active: false,
      access_key_1_active: true,
      access_key_1_last_rotated: '2024-01-10T09:00:00+00:00',
      access_key_1_last_used_date: '2025-01-04T12:00:00+00:00',
      access_key_2_active: false,
      access_key_2_last_rotated: null,
    });
    expect(get('bob')?.supplementary.credentialReport).toMatchObject({
      password_enabled: false,
      mfa_active: true,
    });

    expect(get('ehr-app-role')?.tags).toEqual({ PHI: 'true' });
    expect(get('ehr-app-role')?.configuration).toMatchObject({
      assumeRolePolicyDocument: TRUST,
      rolePolicyList: [{ policyName: 's3-everything', policyDocument: S3_STAR }],
      roleLastUsed: { lastUsedDate: '2025-01-06T10:00:00.000Z', region: 'us-east-1' },
    });
    expect(get('clinicians')?.configuration).toMatchObject({
      attachedManagedPolicies: [{ policyName: 'phi-readers' }],
    });
    // Only the default version, the one in force, is kept.
    expect(get('phi-readers')?.configuration).toMatchObject({
      defaultVersionId: 'v2',
      attachmentCount: 1,
      policyVersionList: [{ versionId: 'v2', isDefaultVersion: true, document: PHI_READ_V2 }],
    });

    const sent = fake.calls.map((c) => c.params);
    expect(sent.filter((p) => p.Action === 'GetAccountAuthorizationDetails')).toEqual([
      { Action: 'GetAccountAuthorizationDetails', Version: '2010-05-08' },
      {
        Action: 'GetAccountAuthorizationDetails',
        Version: '2010-05-08',
        Marker: 'EXAMPLEkakv9BCuUNFDtxWSyfzetYwEx2ADc8dnzfvERF5S6YMvXKx41t6gCl',
      },
    ]);
    expect(sent.find((p) => p.Action === 'ListVirtualMFADevices')).toEqual({
      Action: 'ListVirtualMFADevices',
      Version: '2010-05-08',
      AssignmentStatus: 'Assigned',
    });
  });

  it('records "no password policy" (NoSuchEntity) as configured: false, not a gap', async () => {
    fake = await startFakeAws(
      dataAccount((call) =>
        call.action === 'GetAccountPasswordPolicy'
          ? queryError(
              'NoSuchEntity',
              `The Password Policy with domain name ${ACCOUNT} cannot be found.`,
              404,
            )
          : undefined,
      ),
    );
    const { ctx, gaps } = fakeContext(fake);
    const out = await iamCollector.collect(ctx);
    expect(gaps).toEqual([]);
    const policy = out.find((r) => r.type === 'AWS::IAM::PasswordPolicy');
    expect(policy?.configuration).toEqual({});
    expect(policy?.supplementary).toEqual({ configured: false });
  });

  it('polls GenerateCredentialReport until COMPLETE', async () => {
    let generated = 0;
    fake = await startFakeAws(
      dataAccount((call) => {
        if (call.action !== 'GenerateCredentialReport' || generated++ > 0) return undefined;
        return {
          body: '<GenerateCredentialReportResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GenerateCredentialReportResult><Description>No report exists. Starting a new report generation task</Description><State>STARTED</State></GenerateCredentialReportResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></GenerateCredentialReportResponse>',
        };
      }),
    );
    const { ctx } = fakeContext(fake);
    const out = await iamCollector.collect(ctx);
    expect(generated).toBe(2);
    expect(out.find((r) => r.name === 'alice')?.supplementary.credentialReport).toBeDefined();
  });

  it('turns a denied API into a gap and collects the rest', async () => {
    fake = await startFakeAws(
      dataAccount((call) =>
        call.action === 'GetAccountAuthorizationDetails'
          ? queryError(
              'AccessDenied',
              'User is not authorized to perform: iam:GetAccountAuthorizationDetails',
              403,
            )
          : undefined,
      ),
    );
    const { ctx, gaps } = fakeContext(fake);
    const out = await iamCollector.collect(ctx);
    expect(gaps.map((g) => g.reason)).toEqual(['GetAccountAuthorizationDetails: AccessDenied']);
    expect(out.map((r) => r.type)).toEqual(['AWS::IAM::PasswordPolicy', 'AWS::IAM::RootAccount']);
  });

  it('retries Throttling and then succeeds', async () => {
    let throttled = 0;
    fake = await startFakeAws(
      dataAccount((call) => {
        if (call.action !== 'GetAccountSummary' || throttled > 0) return undefined;
        throttled += 1;
        return queryError('Throttling', 'Rate exceeded', 400);
      }),
    );
    const { ctx, gaps } = fakeContext(fake, { maxAttempts: 3 });
    const out = await iamCollector.collect(ctx);
    expect(gaps).toEqual([]);
    expect(throttled).toBe(1);
    expect(out.find((r) => r.type === 'AWS::IAM::RootAccount')?.configuration.accountMFAEnabled).toBe(false);
  });

  it('stops with CLOUD_CREDENTIALS on an expired token', async () => {
    fake = await startFakeAws(
      dataAccount(() =>
        queryError('ExpiredToken', 'The security token included in the request is expired', 403),
      ),
    );
    const { ctx } = fakeContext(fake);
    const err = await iamCollector.collect(ctx).catch((e: unknown) => e);
    expect(isAppError(err) && err.code).toBe('CLOUD_CREDENTIALS');
  });
});

describe('decodePolicyDocuments', () => {
  it('decodes URL-encoded documents and keeps undecodable text as sent', () => {
    expect(
      decodePolicyDocuments({
        RolePolicyList: [{ PolicyName: 'p', PolicyDocument: encodeURIComponent('{"Version":"2012-10-17"}') }],
        AssumeRolePolicyDocument: '%E0%A4%A',
      }),
    ).toEqual({
      RolePolicyList: [{ PolicyName: 'p', PolicyDocument: { Version: '2012-10-17' } }],
      AssumeRolePolicyDocument: '%E0%A4%A',
    });
  });
});
