/**
 * The whole fixture AWS account for service-level tests: the compute fixture of cloud/aws and the
 * data fixture of cloud/aws/services behind one loopback handler.
 */
import { account } from '../sources/cloud/aws/fake-account.test-helpers.js';
import {
  type AwsCall,
  jsonError,
  queryError,
  restJsonError,
  s3Error,
} from '../sources/cloud/aws/fake-aws.test-helpers.js';
import { dataAccount } from '../sources/cloud/aws/services/fake-data-account.test-helpers.js';

const DATA_SERVICES = new Set(['s3', 'iam', 'rds', 'kms', 'cloudtrail', 'elasticloadbalancing', 'logs']);

/** One account answering every service the collectors call; `deny` answers AccessDenied instead. */
export function wholeAccount(deny?: (call: AwsCall) => boolean) {
  const compute = account();
  const data = dataAccount();
  return (call: AwsCall, calls: AwsCall[]) => {
    // Each protocol's own AccessDenied, as the services answer it.
    if (deny?.(call)) {
      if (call.protocol === 'json') return jsonError('AccessDeniedException', 'denied');
      if (call.protocol === 'rest' && call.service === 'lambda')
        return restJsonError('AccessDeniedException', 'denied', 403);
      if (call.protocol === 'rest') return s3Error('AccessDenied', 'Access Denied');
      return queryError('AccessDenied', 'denied', 403);
    }
    return DATA_SERVICES.has(call.service) ? data(call, calls) : compute(call, calls);
  };
}
