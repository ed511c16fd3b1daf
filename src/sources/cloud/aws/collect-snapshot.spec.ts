/**
 * The multi-account orchestration over the wire: the real STS and Organizations clients against
 * the loopback AWS, answering in the shapes of the STS API Reference examples (GetCallerIdentity,
 * AssumeRole) and the Organizations ListAccounts example. A tiny collector records which
 * credentials each (account, region) unit received.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../../core/errors.js';
import { collectAwsSnapshot } from './collect-snapshot.js';
import type { AwsServiceCollector } from './context.js';
import { type AwsCall, type FakeAws, jsonError, queryError, startFakeAws } from './fake-aws.test-helpers.js';

const CALLER = '111122223333';
const MEMBER = '444455556666';
const SUSPENDED = '777788889999';
const DENIED = '123456789012';
const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const callerIdentity = `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult>
    <Arn>arn:aws:iam::${CALLER}:user/Alice</Arn>
    <UserId>AKIAI44QH8DHBEXAMPLE</UserId>
    <Account>${CALLER}</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
</GetCallerIdentityResponse>`;

const assumed = (account: string) => `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <AssumedRoleUser>
      <Arn>arn:aws:sts::${account}:assumed-role/PatchWardenReadOnly/patchwarden-collect</Arn>
      <AssumedRoleId>ARO123EXAMPLE123:patchwarden-collect</AssumedRoleId>
    </AssumedRoleUser>
    <Credentials>
      <AccessKeyId>ASIA${account}</AccessKeyId>
      <SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>
      <SessionToken>AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQW</SessionToken>
      <Expiration>2099-07-15T23:28:33.359Z</Expiration>
    </Credentials>
    <PackedPolicySize>6</PackedPolicySize>
  </AssumeRoleResult>
  <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
</AssumeRoleResponse>`;

const account = (id: string, state: string) => ({
  Id: id,
  Arn: `arn:aws:organizations::${CALLER}:account/o-exampleorgid/${id}`,
  Email: `ops+${id}@example.com`,
  Name: `acct-${id}`,
  State: state,
  JoinedMethod: 'INVITED',
  JoinedTimestamp: 1481830215.45,
});

function org(call: AwsCall) {
  switch (call.action) {
    case 'GetCallerIdentity':
      return { body: callerIdentity };
    case 'AssumeRole': {
      const arn = String(call.params.RoleArn);
      const id = /iam::(\d{12}):role\//.exec(arn)?.[1] ?? '';
      if (id === DENIED)
        return queryError(
          'AccessDenied',
          `User is not authorized to perform: sts:AssumeRole on resource: ${arn}`,
          403,
        );
      return { body: assumed(id) };
    }
    case 'ListAccounts':
      // Two pages (NextToken), as the Organizations API pages its answers.
      return call.params.NextToken === undefined
        ? {
            body: JSON.stringify({
              Accounts: [account(CALLER, 'ACTIVE'), account(MEMBER, 'ACTIVE')],
              NextToken: 'AAQAAAAA…page2',
            }),
          }
        : {
            body: JSON.stringify({ Accounts: [account(SUSPENDED, 'SUSPENDED'), account(DENIED, 'ACTIVE')] }),
          };
    default:
      return jsonError('InvalidAction', `unexpected ${call.action}`);
  }
}

// Records who collected what, and returns one resource per unit.
function recorder(seen: string[]): AwsServiceCollector[] {
  const make = (scope: 'global' | 'regional'): AwsServiceCollector => ({
    service: scope,
    scope,
    async collect(ctx) {
      const creds = ctx.client.credentials;
      const key = typeof creds === 'function' ? (await creds()).accessKeyId : creds?.accessKeyId;
      seen.push(`${ctx.account}/${ctx.region}/${key}`);
      return [
        {
          provider: 'aws',
          account: ctx.account,
          region: ctx.region,
          type: scope === 'global' ? 'AWS::IAM::User' : 'AWS::EC2::VPC',
          id: `arn:${ctx.partition}:test:${ctx.region}:${ctx.account}:x`,
          name: 'x',
          tags: {},
          configuration: {},
          supplementary: {},
          source: 'aws-sdk',
        },
      ];
    },
  });
  return [make('global'), make('regional')];
}

describe('collectAwsSnapshot', () => {
  it('collects the caller account alone by default, global once and each region once', async () => {
    fake = await startFakeAws(org);
    const seen: string[] = [];
    const snap = await collectAwsSnapshot(
      { regions: ['us-east-1', 'eu-west-1'], credentials, endpoint: fake.endpoint },
      recorder(seen),
    );
    expect(snap.accounts).toEqual([CALLER]);
    expect(seen.sort()).toEqual([
      `${CALLER}/eu-west-1/AKIDEXAMPLE`,
      `${CALLER}/global/AKIDEXAMPLE`,
      `${CALLER}/us-east-1/AKIDEXAMPLE`,
    ]);
    expect(snap.resources).toHaveLength(3);
    expect(fake.calls.map((c) => c.action)).toEqual(['GetCallerIdentity']);
  });

  it('records a service left out with --service as skipped in each account and region, not as refused', async () => {
    fake = await startFakeAws(org);
    const seen: string[] = [];
    const snap = await collectAwsSnapshot(
      { regions: ['us-east-1', 'eu-west-1'], credentials, endpoint: fake.endpoint, services: ['global'] },
      recorder(seen),
    );
    expect(seen).toEqual([`${CALLER}/global/AKIDEXAMPLE`]);
    expect(snap.gaps).toEqual([
      {
        provider: 'aws',
        account: CALLER,
        region: 'eu-west-1',
        service: 'regional',
        reason: 'not collected (--service left it out)',
        skipped: true,
      },
      {
        provider: 'aws',
        account: CALLER,
        region: 'us-east-1',
        service: 'regional',
        reason: 'not collected (--service left it out)',
        skipped: true,
      },
    ]);
  });

  it('walks the organization, assumes the role in each active member, and reports a refused role as a gap', async () => {
    fake = await startFakeAws(org);
    const seen: string[] = [];
    const progress: string[] = [];
    const snap = await collectAwsSnapshot(
      {
        regions: ['us-east-1'],
        credentials,
        endpoint: fake.endpoint,
        organization: true,
        roleName: 'PatchWardenReadOnly',
        externalId: 'pw-ext-1',
        onProgress: (done, total) => progress.push(`${done}/${total}`),
      },
      recorder(seen),
    );
    expect(snap.accounts).toEqual([CALLER, MEMBER]);
    expect(seen.sort()).toEqual([
      `${CALLER}/global/AKIDEXAMPLE`,
      `${CALLER}/us-east-1/AKIDEXAMPLE`,
      `${MEMBER}/global/ASIA${MEMBER}`,
      `${MEMBER}/us-east-1/ASIA${MEMBER}`,
    ]);
    expect(progress.at(-1)).toBe('4/4');
    expect(snap.gaps).toEqual([
      {
        provider: 'aws',
        account: DENIED,
        region: 'global',
        service: 'sts',
        reason: `AssumeRole arn:aws:iam::${DENIED}:role/PatchWardenReadOnly: AccessDenied (account not collected)`,
      },
    ]);
    const assumes = fake.calls.filter((c) => c.action === 'AssumeRole');
    expect(assumes.map((c) => c.params.RoleArn)).toEqual([
      `arn:aws:iam::${DENIED}:role/PatchWardenReadOnly`,
      `arn:aws:iam::${MEMBER}:role/PatchWardenReadOnly`,
    ]);
    expect(assumes[0]?.params).toMatchObject({
      ExternalId: 'pw-ext-1',
      RoleSessionName: 'patchwarden-collect',
    });
    const lists = fake.calls.filter((c) => c.action === 'ListAccounts');
    expect(lists.map((c) => c.params.NextToken)).toEqual([undefined, 'AAQAAAAA…page2']);
  });

  it('expired caller credentials stop the collection with CLOUD_CREDENTIALS', async () => {
    fake = await startFakeAws(() =>
      queryError('ExpiredToken', 'The security token included in the request is expired', 403),
    );
    const err = await collectAwsSnapshot(
      { regions: ['us-east-1'], credentials, endpoint: fake.endpoint },
      [],
    ).catch((e: unknown) => e);
    expect(isAppError(err, 'CLOUD_CREDENTIALS')).toBe(true);
    expect(isAppError(err) && err.details).toMatchObject({
      operation: 'GetCallerIdentity',
      reason: 'ExpiredToken',
    });
  });

  it('rejects an empty region list', async () => {
    const err = await collectAwsSnapshot({ regions: [] }, []).catch((e: unknown) => e);
    expect(isAppError(err, 'USAGE')).toBe(true);
  });
});
