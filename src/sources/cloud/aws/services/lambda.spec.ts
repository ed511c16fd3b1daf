/**
 * Wire-level tests of the Lambda collector: the real Lambda client against the loopback AWS
 * answering in REST-JSON (`GET /2015-03-31/functions/`, `GET /2017-03-31/tags/<arn>`,
 * `GET /2015-03-31/functions/<name>/policy`, `GET /2021-10-31/functions/<name>/urls`). The compute
 * fixture (fake-account) has no policies or URLs; the data fixture (fake-data-account) seeds them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../../../core/errors.js';
import { account, FUNCTIONS, fakeContext } from '../fake-account.test-helpers.js';
import { type AwsCall, type FakeAws, restJsonError, startFakeAws } from '../fake-aws.test-helpers.js';
import {
  DATA_FUNCTIONS,
  dataAccount,
  fakeContext as dataContext,
  INTAKE_POLICY,
  lambdaExposureAnswer,
  REPORTS_POLICY,
} from './fake-data-account.test-helpers.js';
import { lambdaCollector } from './lambda.js';
import { LAMBDA_RUNTIME_DEPRECATION, runtimeDeprecationDate } from './lambda-runtimes.js';

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

// The compute fixture answering GetPolicy (no policy) and ListFunctionUrlConfigs (none) too.
const computeAccount = (
  override: (call: AwsCall) => ReturnType<typeof lambdaExposureAnswer> = () => undefined,
) => account((call) => override(call) ?? lambdaExposureAnswer(call));

describe('lambdaCollector', () => {
  it('collects every function with tags, runtime deprecation and variable names only', async () => {
    fake = await startFakeAws(computeAccount());
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
    expect(thumb?.supplementary).toEqual({
      runtimeDeprecation: { date: '2026-04-30' },
      Policy: null,
      functionUrlConfigs: [],
    });
    expect(thumb?.configuration.environmentVariableNames).toEqual([]);
    // Container-image functions have no managed runtime to deprecate.
    expect(container?.supplementary).toEqual({ Policy: null, functionUrlConfigs: [] });

    expect(fake.calls.map((c) => [c.method, c.path, c.params])).toEqual([
      ['GET', '/2015-03-31/functions', { MaxItems: '50' }],
      ['GET', '/2015-03-31/functions', { MaxItems: '50', Marker: 'functions-page-2' }],
      ['GET', `/2017-03-31/tags/${FUNCTIONS.phi.FunctionArn}`, {}],
      ['GET', `/2017-03-31/tags/${FUNCTIONS.thumbnailer.FunctionArn}`, {}],
      ['GET', `/2017-03-31/tags/${FUNCTIONS.container.FunctionArn}`, {}],
      ['GET', '/2015-03-31/functions/phi-hl7-ingest/policy', {}],
      ['GET', '/2015-03-31/functions/thumbnailer/policy', {}],
      ['GET', '/2015-03-31/functions/dicom-convert/policy', {}],
      ['GET', '/2021-10-31/functions/phi-hl7-ingest/urls', { MaxItems: '50' }],
      ['GET', '/2021-10-31/functions/thumbnailer/urls', { MaxItems: '50' }],
      ['GET', '/2021-10-31/functions/dicom-convert/urls', { MaxItems: '50' }],
    ]);
  });

  it('reads resource-based policies and function URLs (NONE and AWS_IAM, over pages)', async () => {
    fake = await startFakeAws(dataAccount());
    const { ctx, gaps } = dataContext(fake, { region: 'us-east-1' });
    const resources = await lambdaCollector.collect(ctx);
    expect(gaps).toEqual([]);
    const byName = Object.fromEntries(resources.map((r) => [r.name, r]));
    expect(byName.intake?.tags).toEqual({ PHI: 'true' });
    expect(JSON.parse(byName.intake?.supplementary.Policy as string)).toEqual(INTAKE_POLICY);
    expect(byName.intake?.supplementary.functionUrlConfigs).toEqual([
      {
        functionUrl: 'https://intake.lambda-url.us-east-1.on.aws/',
        functionArn: DATA_FUNCTIONS.intake.FunctionArn,
        creationTime: '2024-09-01T10:00:00.000Z',
        lastModifiedTime: '2024-09-01T10:00:00.000Z',
        authType: 'NONE',
        invokeMode: 'BUFFERED',
        cors: { allowOrigins: ['*'], allowMethods: ['POST'], allowCredentials: false, maxAge: 0 },
      },
      {
        functionUrl: 'https://intakelive.lambda-url.us-east-1.on.aws/',
        functionArn: `${DATA_FUNCTIONS.intake.FunctionArn}:live`,
        creationTime: '2024-09-01T10:00:00.000Z',
        lastModifiedTime: '2024-09-01T10:00:00.000Z',
        authType: 'AWS_IAM',
        invokeMode: 'BUFFERED',
        cors: null,
      },
    ]);
    expect(JSON.parse(byName['reports-export']?.supplementary.Policy as string)).toEqual(REPORTS_POLICY);
    expect(byName['reports-export']?.supplementary.functionUrlConfigs).toMatchObject([
      { authType: 'AWS_IAM' },
    ]);
    // ResourceNotFoundException from GetPolicy is "no policy", not a failure.
    expect(byName['nightly-batch']?.supplementary).toMatchObject({ Policy: null, functionUrlConfigs: [] });
    const urlCalls = fake.calls.filter((c) => c.path === '/2021-10-31/functions/intake/urls');
    expect(urlCalls.map((c) => c.params)).toEqual([{ MaxItems: '50' }, { MaxItems: '50', Marker: '1' }]);
  });

  it('records a denied GetPolicy or ListFunctionUrlConfigs as a gap, leaving the key missing', async () => {
    fake = await startFakeAws(
      dataAccount((call) =>
        call.path.endsWith('/policy') || call.path.endsWith('/urls')
          ? restJsonError('AccessDeniedException', 'not authorized', 403)
          : undefined,
      ),
    );
    const { ctx, gaps } = dataContext(fake, { region: 'us-east-1' });
    const resources = await lambdaCollector.collect(ctx);
    expect(gaps.map((g) => [g.service, g.reason])).toEqual([
      ['lambda', 'GetPolicy: AccessDeniedException'],
      ['lambda', 'ListFunctionUrlConfigs: AccessDeniedException'],
    ]);
    expect(resources).toHaveLength(3);
    for (const r of resources) {
      expect(r.supplementary).not.toHaveProperty('Policy');
      expect(r.supplementary).not.toHaveProperty('functionUrlConfigs');
    }
    // Stopped at the first denial of each.
    expect(fake.calls.filter((c) => c.path.endsWith('/policy'))).toHaveLength(1);
    expect(fake.calls.filter((c) => c.path.endsWith('/urls'))).toHaveLength(1);
  });

  it('records denied tags as a gap and keeps the functions', async () => {
    fake = await startFakeAws(
      computeAccount((call) =>
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
      computeAccount((call) => {
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
