/**
 * The whole fixture AWS account for service-level tests: the compute fixture of cloud/aws and the
 * data, stores and security-services fixtures of cloud/aws/services behind one loopback handler.
 * Each fixture's header lists the misconfigurations it is seeded with.
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
import { servicesAccount } from '../sources/cloud/aws/services/fake-services-account.test-helpers.js';
import { storesAccount } from '../sources/cloud/aws/services/fake-stores-account.test-helpers.js';

const DATA_SERVICES = new Set(['s3', 'iam', 'kms', 'cloudtrail', 'elasticloadbalancing', 'logs']);
const STORES_SERVICES = new Set(['dynamodb', 'elasticfilesystem', 'backup', 'rds']);
const SECURITY_SERVICES = new Set(['guardduty', 'secretsmanager', 'acm', 'sns', 'organizations']);
const STORES_EC2 = new Set(['DescribeSnapshots', 'DescribeSnapshotAttribute']);

/** One account answering every service the collectors call; `deny` answers AccessDenied instead. */
export function wholeAccount(deny?: (call: AwsCall) => boolean) {
  const compute = account();
  const data = dataAccount();
  const stores = storesAccount();
  const security = servicesAccount();
  return (call: AwsCall, calls: AwsCall[]) => {
    // Each protocol's own AccessDenied, as the services answer it.
    if (deny?.(call)) {
      if (call.protocol === 'json') return jsonError('AccessDeniedException', 'denied');
      if (call.protocol === 'rest' && call.service === 'lambda')
        return restJsonError('AccessDeniedException', 'denied', 403);
      if (call.protocol === 'rest') return s3Error('AccessDenied', 'Access Denied');
      return queryError('AccessDenied', 'denied', 403);
    }
    if (DATA_SERVICES.has(call.service)) return data(call, calls);
    if (STORES_SERVICES.has(call.service)) return stores(call, calls);
    if (SECURITY_SERVICES.has(call.service)) return security(call, calls);
    if (call.service === 'ec2' && STORES_EC2.has(call.action)) return stores(call, calls);
    if (call.service === 'ec2' && call.action === 'DescribeFlowLogs') return security(call, calls);
    return compute(call, calls);
  };
}
