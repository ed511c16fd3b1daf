import { describe, expect, it } from 'vitest';
import { gap, P, res, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

const arn = (n: string) => `arn:aws:lambda:us-east-1:111122223333:function:${n}`;
const fn = (n: string, supplementary: Record<string, unknown>) =>
  res('AWS::Lambda::Function', arn(n), { supplementary });
const policy = (statement: Record<string, unknown>) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'lambda:InvokeFunction', ...statement }],
  });

describe('lambda-public-access-prohibited', () => {
  it('fails Principal "*" and {"AWS":"*"} without a narrowing condition, including the NONE URL statement', () => {
    const out = check.evaluate(
      snap([
        fn('star', { Policy: policy({ Sid: 'open', Principal: '*' }) }),
        fn('aws-star', { Policy: policy({ Principal: { AWS: ['*'] } }) }),
        fn('url', {
          Policy: policy({
            Sid: 'FunctionURLAllowPublicAccess',
            Principal: '*',
            Action: 'lambda:InvokeFunctionUrl',
            Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } },
          }),
        }),
      ]),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['fail', 'fail', 'fail']);
    expect(out[0]?.message).toContain('open');
    expect(out[0]?.evidence).toEqual({
      publicStatements: [{ sid: 'open', principal: '*', action: 'lambda:InvokeFunction', condition: null }],
    });
  });

  it('passes no policy, narrowed "*" statements and named principals', () => {
    const out = check.evaluate(
      snap([
        fn('none', { Policy: null }),
        fn('org', {
          Policy: policy({ Principal: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } } }),
        }),
        fn('src', {
          Policy: policy({
            Principal: { Service: 's3.amazonaws.com' },
            Condition: { ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::in' } },
          }),
        }),
        fn('acct', { Policy: policy({ Principal: { AWS: 'arn:aws:iam::444455556666:root' } }) }),
      ]),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
  });

  it('is manual when the policy text cannot be parsed', () => {
    expect(check.evaluate(snap([fn('bad', { Policy: '{not json' })]), P)).toMatchObject([
      { status: 'manual' },
    ]);
  });

  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });

  it('is an error when GetPolicy was denied or the listing failed', () => {
    const out = check.evaluate(
      snap(
        [fn('x', {})],
        [gap('lambda', 'ListTags: AccessDeniedException'), gap('lambda', 'GetPolicy: AccessDeniedException')],
      ),
      P,
    );
    expect(out.map((r) => [r.status, r.message])).toEqual([
      ['error', 'The function policy could not be read: GetPolicy: AccessDeniedException.'],
    ]);
    const listed = check.evaluate(snap([], [gap('lambda', 'ListFunctions: AccessDeniedException')]), P);
    expect(listed).toMatchObject([
      { status: 'error', resourceId: 'arn:aws:lambda:us-east-1:111122223333:function:*' },
    ]);
  });
});
