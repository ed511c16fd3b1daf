/**
 * What every AWS service collector gets: the account and region it collects, the SDK client
 * configuration (credentials already assumed into the account), and `guarded`, which turns the
 * providers' errors into our outcomes. Access denied on one API is a gap in the snapshot and
 * collection goes on (issue 4: "the collector reports the gap and continues"); expired or
 * unknown credentials, exhausted throttling retries and other failures stop the collection with
 * a CLOUD_* error, so a half-collected account is never imported as if it were whole.
 */
import type { STSClientConfig } from '@aws-sdk/client-sts';
import type { CloudResource, CollectionGap } from '../../../core/cloud.js';
import { AppError } from '../../../core/errors.js';

/** Static credentials or a provider, as every SDK v3 client takes them. */
export type AwsCredentials = NonNullable<STSClientConfig['credentials']>;

/** Configuration every SDK v3 client accepts; spread into `new XClient(ctx.client)`. */
export interface AwsClientConfig {
  region: string;
  credentials?: AwsCredentials;
  endpoint?: string;
  maxAttempts?: number;
  /** S3 only: the loopback endpoint cannot serve virtual-hosted bucket names. */
  forcePathStyle?: boolean;
  /** HTTP handler settings, for the wire-level tests only (S3 Control prefixes the host). */
  requestHandler?: { httpAgent: unknown };
}

export interface AwsContext {
  account: string;
  /** The region collected, or `global` for account-wide collectors (IAM, S3 buckets). */
  region: string;
  partition: string;
  /** Regions of the collection: global collectors use them to place regional lookups. */
  regions: string[];
  client: AwsClientConfig;
  /** The collection's time (its collectedAt): windows such as the log sample are measured from it. */
  now: Date;
  /** Run one API call; access denied becomes a gap and `undefined`, anything else is thrown. */
  guarded<T>(service: string, operation: string, call: () => Promise<T>): Promise<T | undefined>;
}

/** One AWS service's collector: regional ones run per region, global ones once per account. */
export interface AwsServiceCollector {
  service: string;
  scope: 'regional' | 'global';
  collect(ctx: AwsContext): Promise<CloudResource[]>;
}

// Error names as the services spell them (EC2 "Error codes"; IAM/STS/S3/JSON-protocol errors).
const ACCESS_DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'AuthorizationError',
  'AuthorizationErrorException',
  'UnauthorizedAccess',
  'OptInRequired',
]);
const CREDENTIALS = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'RequestExpired',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'AuthFailure',
  'SignatureDoesNotMatch',
  'InvalidAccessKeyId',
  'CredentialsProviderError',
]);
const THROTTLED = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ProvisionedThroughputExceededException',
]);

/** ARN partition of a region (ARN format: docs "Amazon Resource Names (ARNs)"). */
export function partitionOf(region: string): string {
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('cn-')) return 'aws-cn';
  return 'aws';
}

function errorName(err: unknown): string {
  if (err instanceof Error) return err.name;
  return 'UnknownError';
}

/** Map an SDK error to our outcome: `gap` for access denied, else the AppError to throw. */
export function classifyAwsError(
  err: unknown,
  where: { account: string; region: string; service: string; operation: string },
): 'gap' | AppError {
  const name = errorName(err);
  const status = (err as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  if (ACCESS_DENIED.has(name)) return 'gap';
  const details = { provider: 'aws', ...where, reason: name };
  if (CREDENTIALS.has(name)) return new AppError('CLOUD_CREDENTIALS', details, { cause: err });
  if (THROTTLED.has(name) || status === 429) return new AppError('CLOUD_THROTTLED', details, { cause: err });
  return new AppError('CLOUD_API', details, { cause: err });
}

/** Build the context of one (account, region), recording gaps into `gaps`. */
export function awsContext(
  base: Omit<AwsContext, 'guarded' | 'partition'>,
  gaps: CollectionGap[],
): AwsContext {
  return {
    ...base,
    partition: partitionOf(base.region === 'global' ? (base.regions[0] ?? 'us-east-1') : base.region),
    async guarded(service, operation, call) {
      try {
        return await call();
      } catch (err) {
        const where = { account: base.account, region: base.region, service, operation };
        const outcome = classifyAwsError(err, where);
        if (outcome !== 'gap') throw outcome;
        gaps.push({
          provider: 'aws',
          account: base.account,
          region: base.region,
          service,
          reason: `${operation}: ${errorName(err)}`,
        });
        return undefined;
      }
    },
  };
}
