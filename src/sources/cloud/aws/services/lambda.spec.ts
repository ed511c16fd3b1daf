/**
 * Wire-level tests of the Lambda collector: the real Lambda client against the loopback AWS
 * answering in REST-JSON (`GET /2015-03-31/functions/`, `GET /2017-03-31/tags/<arn>`).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../../../core/errors.js';
import { account, FUNCTIONS, fakeContext } from '../fake-account.test-helpers.js';
import { type FakeAws, restJsonError, startFakeAws } from '../fake-aws.test-helpers.js';
import { lambdaCollector } from './lambda.js';
import { LAMBDA_RUNTIME_DEPRECATION, runtimeDeprecationDate } from './lambda-runtimes.js';

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('lambdaCollector', () => {
  it('collects every function with tags, runtime deprecation and variable names only', async () => {
    fake = await startFakeAws(account());
    const { ctx, gaps } = fakeContext(fake);
    const resources = await lambdaCollector.collect(ctx);
    expect(gaps).toEqual([]);
    expect(resources.map((r) => [r.type, r.id, r.name])).toEqual([
      ['AWS::Lambda::Function', FUNCTIONS.phi.FunctionArn, 'phi-hl7-ingest'],
      ['AWS::Lambda::Function', FUNCTIONS.thumbnailer.FunctionArn, 'thumbnailer'],
      ['AWS::Lambda::Function', FUNCTIONS.container.FunctionArn, 'dicom-convert'],
    ]);
    const [phi, thumb, container] = resources;
    expect(phi).toMatchObject({
      tags: { PHI: 'true', Environment: 'prod' },
      configuration: {
        functionName: 'phi-hl7-ingest',
        runtime: 'python3.8',
        timeout: 900,
        memorySize: 1024,
        role: FUNCTIONS.phi.Role,
        kmskeyArn: FUNCTIONS.phi.KMSKeyArn,
        vpcConfig: {
          subnetIds: FUNCTIONS.phi.VpcConfig.SubnetIds,
          securityGroupIds: FUNCTIONS.phi.VpcConfig.SecurityGroupIds,
        },
        layers: [{ arn: FUNCTIONS.phi.Layers[0]?.Arn, codeSize: 2048 }],
        environmentVariableNames: ['DB_PASSWORD', 'HL7_ENDPOINT'],
      },
      supplementary: { runtimeDeprecation: { date: '2024-10-14' } },
    });
    // Values of environment variables may be secrets or PHI: they never reach the snapshot.
    expect(JSON.stringify(resources)).not.toContain('hunter2');
    expect(JSON.stringify(resources)).not.toContain('lab.internal');
    expect(phi?.configuration.environment).toBeUndefined();
    expect(thumb?.supplementary).toEqual({ runtimeDeprecation: { date: '2026-04-30' } });
    expect(thumb?.configuration.environmentVariableNames).toEqual([]);
    // Container-image functions have no managed runtime to deprecate.
    expect(container?.supplementary).toEqual({});

    expect(fake.calls.map((c) => [c.method, c.path, c.params])).toEqual([
      ['GET', '/2015-03-31/functions', { MaxItems: '50' }],
      ['GET', '/2015-03-31/functions', { MaxItems: '50', Marker: 'functions-page-2' }],
      ['GET', `/2017-03-31/tags/${FUNCTIONS.phi.FunctionArn}`, {}],
      ['GET', `/2017-03-31/tags/${FUNCTIONS.thumbnailer.FunctionArn}`, {}],
      ['GET', `/2017-03-31/tags/${FUNCTIONS.container.FunctionArn}`, {}],
    ]);
  });

  it('records denied tags as a gap and keeps the functions', async () => {
    fake = await startFakeAws(
      account((call) =>
        call.path.startsWith('/2017-03-31/tags/')
          ? restJsonError('AccessDeniedException', 'not authorized to perform: lambda:ListTags', 403)
          : undefined,
      ),
    );
    const { ctx, gaps } = fakeContext(fake);
    const resources = await lambdaCollector.collect(ctx);
    expect(gaps.map((g) => [g.service, g.reason])).toEqual([['lambda', 'ListTags: AccessDeniedException']]);
    expect(resources).toHaveLength(3);
    expect(resources.every((r) => Object.keys(r.tags).length === 0)).toBe(true);
  });

  it('retries TooManyRequestsException (HTTP 429) and then succeeds', async () => {
    let throttled = 0;
    fake = await startFakeAws(
      account((call) => {
        if (call.path !== '/2015-03-31/functions' || throttled > 0) return undefined;
        throttled += 1;
        return restJsonError('TooManyRequestsException', 'Rate exceeded', 429);
      }),
    );
    const { ctx } = fakeContext(fake, { maxAttempts: 3 });
    expect(await lambdaCollector.collect(ctx)).toHaveLength(3);
    expect(fake.calls.filter((c) => c.path === '/2015-03-31/functions')).toHaveLength(3);
  });

  it('fails with CLOUD_THROTTLED when throttling outlasts the retries, CLOUD_CREDENTIALS when expired', async () => {
    fake = await startFakeAws(account(() => restJsonError('TooManyRequestsException', 'Rate exceeded', 429)));
    const throttled = await lambdaCollector
      .collect(fakeContext(fake, { maxAttempts: 3 }).ctx)
      .catch((e: unknown) => e);
    expect(isAppError(throttled, 'CLOUD_THROTTLED')).toBe(true);
    expect(fake.calls).toHaveLength(3);
    await fake.close();
    fake = await startFakeAws(
      account(() => restJsonError('ExpiredTokenException', 'The security token is expired', 403)),
    );
    const expired = await lambdaCollector
      .collect(fakeContext(fake, { maxAttempts: 1 }).ctx)
      .catch((e: unknown) => e);
    expect(isAppError(expired, 'CLOUD_CREDENTIALS')).toBe(true);
  });
});

describe('lambda runtime deprecation table', () => {
  it('holds ISO dates for runtime identifiers and answers undefined for unknown ones', () => {
    for (const [runtime, date] of Object.entries(LAMBDA_RUNTIME_DEPRECATION)) {
      expect(runtime).toMatch(/^[a-z][a-z0-9.-]*$/);
      expect(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(date);
    }
    expect(runtimeDeprecationDate('python3.8')).toBe('2024-10-14');
    expect(runtimeDeprecationDate('cobol85')).toBeUndefined();
    expect(runtimeDeprecationDate(undefined)).toBeUndefined();
  });
});
