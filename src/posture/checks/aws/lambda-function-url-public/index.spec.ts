import { describe, expect, it } from 'vitest';
import { gap, P, res, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

const arn = (n: string) => `arn:aws:lambda:us-east-1:111122223333:function:${n}`;
const fn = (n: string, urls?: Record<string, unknown>[]) =>
  res('AWS::Lambda::Function', arn(n), {
    supplementary: urls === undefined ? {} : { functionUrlConfigs: urls },
  });
const url = (n: string, authType: string, cors: unknown = null) => ({
  functionUrl: `https://${n}.lambda-url.us-east-1.on.aws/`,
  functionArn: arn(n),
  authType,
  cors,
});

describe('lambda-function-url-public', () => {
  it('fails a function with any URL open to anyone (AuthType NONE)', () => {
    const out = check.evaluate(
      snap([fn('intake', [url('intake', 'NONE', { allowOrigins: ['*'] }), url('intake:live', 'AWS_IAM')])]),
      P,
    );
    expect(out).toMatchObject([{ status: 'fail', resourceId: arn('intake') }]);
    expect(out[0]?.evidence).toEqual({
      functionUrls: [
        { functionArn: arn('intake'), authType: 'NONE', allowOrigins: ['*'] },
        { functionArn: arn('intake:live'), authType: 'AWS_IAM', allowOrigins: [] },
      ],
    });
  });

  it('passes IAM-authenticated URLs and says nothing about functions without a URL', () => {
    const out = check.evaluate(
      snap([fn('reports', [url('reports', 'AWS_IAM', { allowOrigins: ['*'] })]), fn('batch', [])]),
      P,
    );
    expect(out.map((r) => [r.resourceId, r.status])).toEqual([[arn('reports'), 'pass']]);
  });

  it('is manual for an auth type it does not know', () => {
    expect(check.evaluate(snap([fn('x', [url('x', 'CUSTOM')])]), P)).toMatchObject([{ status: 'manual' }]);
  });

  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });

  it('is an error when ListFunctionUrlConfigs was denied', () => {
    const out = check.evaluate(
      snap([fn('x')], [gap('lambda', 'ListFunctionUrlConfigs: AccessDeniedException')]),
      P,
    );
    expect(out.map((r) => [r.status, r.message])).toEqual([
      ['error', 'The function URLs could not be read: ListFunctionUrlConfigs: AccessDeniedException.'],
    ]);
  });
});
