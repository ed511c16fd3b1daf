/**
 * A VPC hosting PHI instances has an S3 gateway endpoint and a KMS interface endpoint (pattern
 * #22), so object and key traffic of PHI workloads stays on the AWS network. One result per VPC
 * that hosts a PHI instance.
 */
import type { CloudResource } from '../../../../core/cloud.js';
import type { PostureCheck } from '../../../check.js';
import { listingErrors, operationGap, resourcesOf, result } from '../../../check.js';
import { indexBy, isPhi, scoped, str } from '../_compute/util.js';

const TYPE = 'AWS::EC2::VPC';
const GONE = new Set(['deleted', 'deleting', 'failed', 'rejected', 'expired']);

/** Which service an endpoint reaches: `com.amazonaws.<region>.s3` → `s3`, `…kms-fips` → `kms-fips`. */
function serviceOf(e: CloudResource): string | undefined {
  return str(e.configuration.serviceName)?.split('.').at(-1);
}

export const check: PostureCheck = {
  id: 'vpc-endpoints-s3-kms-phi',
  provider: 'aws',
  title: 'VPCs hosting PHI have S3 and KMS VPC endpoints',
  severity: 'medium',
  resourceType: TYPE,
  citations: ['164.312(e)(1)', '164.308(a)(1)(ii)(B)'],
  risk: 'Without endpoints, PHI workloads reach S3 and KMS over internet gateways or NAT, and bucket or key policies cannot restrict access to the VPC (aws:SourceVpce).',
  remediation: {
    text: 'VPC console → Endpoints → Create endpoint: com.amazonaws.<region>.s3 (Gateway, associated with the private route tables) and com.amazonaws.<region>.kms (Interface, private subnets, private DNS on); then restrict PHI bucket and key policies to those endpoints.',
    cli: 'aws ec2 create-vpc-endpoint --vpc-id <vpc> --service-name com.amazonaws.<region>.s3 --vpc-endpoint-type Gateway --route-table-ids <rtb>\naws ec2 create-vpc-endpoint --vpc-id <vpc> --service-name com.amazonaws.<region>.kms --vpc-endpoint-type Interface --subnet-ids <subnets> --security-group-ids <sg> --private-dns-enabled',
    terraform:
      'data "aws_vpc_endpoint_service" "s3" {\n  service      = "s3"\n  service_type = "Gateway"\n}\ndata "aws_vpc_endpoint_service" "kms" {\n  service = "kms"\n}\nresource "aws_vpc_endpoint" "s3" {\n  vpc_id            = aws_vpc.main.id\n  service_name      = data.aws_vpc_endpoint_service.s3.service_name\n  vpc_endpoint_type = "Gateway"\n  route_table_ids   = [aws_route_table.private.id]\n}\nresource "aws_vpc_endpoint" "kms" {\n  vpc_id              = aws_vpc.main.id\n  service_name        = data.aws_vpc_endpoint_service.kms.service_name\n  vpc_endpoint_type   = "Interface"\n  subnet_ids          = aws_subnet.private[*].id\n  private_dns_enabled = true\n}',
    url: 'https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-s3.html',
  },
  evaluate(snapshot) {
    const vpcs = indexBy(snapshot, TYPE, 'vpcId');
    const hosting = new Map<string, { vpc: CloudResource; phiInstances: string[] }>();
    for (const i of resourcesOf(snapshot, 'AWS::EC2::Instance').filter(isPhi)) {
      const vpcId = str(i.configuration.vpcId);
      if (!vpcId) continue;
      const key = scoped(i, vpcId);
      // The VPC itself may not have been listed: name it by the ARN it would have.
      const vpc = vpcs.get(key) ?? {
        ...i,
        type: TYPE,
        id: i.id.replace(/instance\/.*$/, `vpc/${vpcId}`),
        name: vpcId,
        tags: {},
        configuration: { vpcId },
        supplementary: {},
      };
      const entry = hosting.get(key) ?? { vpc, phiInstances: [] };
      entry.phiInstances.push(str(i.configuration.instanceId) ?? i.id);
      hosting.set(key, entry);
    }
    const endpoints = resourcesOf(snapshot, 'AWS::EC2::VPCEndpoint').filter(
      (e) => !GONE.has(String(e.configuration.state ?? '').toLowerCase()),
    );
    const out = [...hosting.values()].map(({ vpc, phiInstances }) => {
      const vpcId = str(vpc.configuration.vpcId);
      const mine = endpoints.filter(
        (e) => e.account === vpc.account && e.region === vpc.region && e.configuration.vpcId === vpcId,
      );
      const s3 = mine.some(
        (e) => serviceOf(e) === 's3' && String(e.configuration.vpcEndpointType).toLowerCase() === 'gateway',
      );
      const kms = mine.some(
        (e) =>
          (serviceOf(e) === 'kms' || serviceOf(e) === 'kms-fips') &&
          String(e.configuration.vpcEndpointType).toLowerCase() === 'interface',
      );
      const evidence = {
        vpcId,
        phiInstances,
        endpoints: mine.map((e) => ({
          id: e.configuration.vpcEndpointId,
          service: e.configuration.serviceName,
          type: e.configuration.vpcEndpointType,
        })),
        s3Gateway: s3,
        kmsInterface: kms,
      };
      if (s3 && kms)
        return result(
          check,
          vpc,
          'pass',
          'The VPC has an S3 gateway and a KMS interface endpoint.',
          evidence,
        );
      const gap = operationGap(snapshot, 'ec2', ['DescribeVpcEndpoints'], vpc.account, vpc.region);
      if (gap)
        return result(check, vpc, 'error', `The VPC endpoints could not be read: ${gap}.`, {
          ...evidence,
          gap,
        });
      const missing = [...(s3 ? [] : ['S3 gateway']), ...(kms ? [] : ['KMS interface'])];
      return result(
        check,
        vpc,
        'fail',
        `The VPC hosts PHI instances without: ${missing.join(', ')} endpoint.`,
        evidence,
      );
    });
    return [...out, ...listingErrors(check, snapshot, 'ec2', ['DescribeInstances'], 'instance/*')];
  },
};
