/**
 * The EC2 and STS half of the fixture account (fake-account.test-helpers.ts describes the whole
 * account and its deliberate misconfigurations): the network, instances, AMIs, volumes and
 * security groups, answered in EC2's query/XML format as the EC2 API Reference examples show.
 */
import { type AwsCall, type AwsReply, ec2Error } from './fake-aws.test-helpers.js';

export const ACCOUNT = '111122223333';

export const VPC = 'vpc-0a1b2c3d4e5f60001';
export const PUBLIC_SUBNET = 'subnet-0a1b2c3d4e5f60011';
export const PRIVATE_SUBNET = 'subnet-0a1b2c3d4e5f60012';
export const MAIN_TABLE = 'rtb-0a1b2c3d4e5f60021';
export const PUBLIC_TABLE = 'rtb-0a1b2c3d4e5f60022';
export const IGW = 'igw-0a1b2c3d4e5f60031';
export const OPEN_SG = 'sg-0a1b2c3d4e5f60041';
export const WORKER_SG = 'sg-0a1b2c3d4e5f60042';

export const AL = {
  id: 'i-0a1b2c3d4e5f60001',
  ami: 'ami-0abcdef1234567890',
  launchTime: '2024-03-01T09:30:00.000Z',
  privateIp: '10.0.1.10',
  publicIp: '54.194.252.215' as string | undefined,
  httpTokens: 'required',
  subnet: PUBLIC_SUBNET,
  group: OPEN_SG,
  tags: { Name: 'ehr-api-1', PHI: 'true', Environment: 'prod' } as Record<string, string>,
};
export const UBUNTU = {
  id: 'i-0a1b2c3d4e5f60002',
  ami: 'ami-0fedcba9876543210',
  launchTime: '2023-11-15T12:00:00.000Z',
  privateIp: '10.0.2.20',
  publicIp: undefined as string | undefined,
  httpTokens: 'optional',
  subnet: PRIVATE_SUBNET,
  group: WORKER_SG,
  tags: { Name: 'worker-1', DataClassification: 'internal' } as Record<string, string>,
};

export const IMAGES = {
  [AL.ami]: {
    name: 'al2023-ami-2023.3.20240205.2-kernel-6.1-x86_64',
    owner: '137112412989',
    alias: 'amazon',
    created: '2024-02-10T06:36:48.000Z',
    deprecation: '2026-02-10T06:36:00.000Z',
  },
  [UBUNTU.ami]: {
    name: 'ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20220420',
    owner: '099720109477',
    alias: undefined,
    created: '2022-04-20T13:21:44.000Z',
    deprecation: '2024-04-20T13:21:44.000Z',
  },
} as Record<
  string,
  { name: string; owner: string; alias?: string | undefined; created: string; deprecation: string }
>;

const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const tagSet = (tags: Record<string, string>) =>
  `<tagSet>${Object.entries(tags)
    .map(([k, v]) => `<item><key>${esc(k)}</key><value>${esc(v)}</value></item>`)
    .join('')}</tagSet>`;
const ec2Response = (action: string, inner: string, nextToken?: string) => ({
  body: `<?xml version="1.0" encoding="UTF-8"?>
<${action}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
  ${inner}
  ${nextToken ? `<nextToken>${nextToken}</nextToken>` : ''}
</${action}Response>`,
});

type FixtureInstance = typeof AL;

/** DescribeInstances (EC2 API Reference, "Example 1"): reservationSet → instancesSet → item. */
export function instancesXml(instances: FixtureInstance[], nextToken?: string): AwsReply {
  const items = instances
    .map(
      (i) => `<item>
        <instanceId>${i.id}</instanceId>
        <imageId>${i.ami}</imageId>
        <instanceState><code>16</code><name>running</name></instanceState>
        <privateDnsName>ip-${i.privateIp.replaceAll('.', '-')}.ec2.internal</privateDnsName>
        <instanceType>t3.micro</instanceType>
        <launchTime>${i.launchTime}</launchTime>
        <placement><availabilityZone>us-east-1a</availabilityZone><tenancy>default</tenancy></placement>
        <subnetId>${i.subnet}</subnetId>
        <vpcId>${VPC}</vpcId>
        <privateIpAddress>${i.privateIp}</privateIpAddress>
        ${i.publicIp ? `<ipAddress>${i.publicIp}</ipAddress>` : ''}
        <groupSet><item><groupId>${i.group}</groupId><groupName>${i.group === OPEN_SG ? 'ehr-api-public' : 'worker'}</groupName></item></groupSet>
        <architecture>x86_64</architecture>
        <rootDeviceType>ebs</rootDeviceType>
        <rootDeviceName>/dev/xvda</rootDeviceName>
        ${tagSet(i.tags)}
        <metadataOptions><state>applied</state><httpTokens>${i.httpTokens}</httpTokens><httpPutResponseHopLimit>2</httpPutResponseHopLimit><httpEndpoint>enabled</httpEndpoint></metadataOptions>
        <platformDetails>Linux/UNIX</platformDetails>
      </item>`,
    )
    .join('');
  const inner = `<reservationSet><item><reservationId>r-1234567890abcdef0</reservationId><ownerId>${ACCOUNT}</ownerId><groupSet/><instancesSet>${items}</instancesSet></item></reservationSet>`;
  return ec2Response('DescribeInstances', inner, nextToken);
}

/** DescribeImages (EC2 API Reference example) answering the `image-id` filter's values. */
function imagesXml(params: Record<string, unknown>): AwsReply {
  const wanted = Object.entries(params)
    .filter(([k]) => /^Filter\.1\.Value\.\d+$/.test(k))
    .map(([, v]) => String(v));
  const items = wanted
    .flatMap((id) => {
      const im = IMAGES[id];
      if (!im) return [];
      return [
        `<item>
        <imageId>${id}</imageId>
        <imageLocation>${im.alias ?? im.owner}/${im.name}</imageLocation>
        <imageState>available</imageState>
        <imageOwnerId>${im.owner}</imageOwnerId>
        <creationDate>${im.created}</creationDate>
        <isPublic>true</isPublic>
        <architecture>x86_64</architecture>
        <imageType>machine</imageType>
        ${im.alias ? `<imageOwnerAlias>${im.alias}</imageOwnerAlias>` : ''}
        <name>${im.name}</name>
        <rootDeviceType>ebs</rootDeviceType>
        <rootDeviceName>/dev/xvda</rootDeviceName>
        <virtualizationType>hvm</virtualizationType>
        <hypervisor>xen</hypervisor>
        <platformDetails>Linux/UNIX</platformDetails>
        <deprecationTime>${im.deprecation}</deprecationTime>
      </item>`,
      ];
    })
    .join('');
  return ec2Response('DescribeImages', `<imagesSet>${items}</imagesSet>`);
}

const volume = (id: string, instance: string, encrypted: boolean) => `<item>
    <volumeId>${id}</volumeId><size>80</size><snapshotId/><availabilityZone>us-east-1a</availabilityZone>
    <status>in-use</status><createTime>2023-11-15T12:00:05.000Z</createTime>
    <attachmentSet><item><volumeId>${id}</volumeId><instanceId>${instance}</instanceId><device>/dev/xvda</device><status>attached</status><attachTime>2023-11-15T12:00:05.000Z</attachTime><deleteOnTermination>true</deleteOnTermination></item></attachmentSet>
    <volumeType>gp3</volumeType><iops>3000</iops><throughput>125</throughput>
    <encrypted>${encrypted}</encrypted>
    ${encrypted ? `<kmsKeyId>arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab</kmsKeyId>` : ''}
    <multiAttachEnabled>false</multiAttachEnabled>
  </item>`;

const rule = (
  proto: string,
  from: number,
  to: number,
  v4: string[],
  v6: string[],
  groups: string[] = [],
) => `<item>
    <ipProtocol>${proto}</ipProtocol><fromPort>${from}</fromPort><toPort>${to}</toPort>
    <groups>${groups.map((g) => `<item><userId>${ACCOUNT}</userId><groupId>${g}</groupId></item>`).join('')}</groups>
    <ipRanges>${v4.map((c) => `<item><cidrIp>${c}</cidrIp></item>`).join('')}</ipRanges>
    <ipv6Ranges>${v6.map((c) => `<item><cidrIpv6>${c}</cidrIpv6></item>`).join('')}</ipv6Ranges>
    <prefixListIds/>
  </item>`;
const egressAll = `<ipPermissionsEgress><item><ipProtocol>-1</ipProtocol><groups/><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges><ipv6Ranges/><prefixListIds/></item></ipPermissionsEgress>`;

const securityGroupsXml = ec2Response(
  'DescribeSecurityGroups',
  `<securityGroupInfo>
    <item>
      <ownerId>${ACCOUNT}</ownerId><groupId>${OPEN_SG}</groupId><groupName>ehr-api-public</groupName>
      <groupDescription>EHR API</groupDescription><vpcId>${VPC}</vpcId>
      <securityGroupArn>arn:aws:ec2:us-east-1:${ACCOUNT}:security-group/${OPEN_SG}</securityGroupArn>
      <ipPermissions>${rule('tcp', 22, 22, ['0.0.0.0/0'], ['::/0'])}${rule('tcp', 3389, 3389, ['0.0.0.0/0'], [])}${rule('tcp', 443, 443, ['0.0.0.0/0'], [])}</ipPermissions>
      ${egressAll}
      ${tagSet({ Name: 'ehr-api-public' })}
    </item>
    <item>
      <ownerId>${ACCOUNT}</ownerId><groupId>${WORKER_SG}</groupId><groupName>worker</groupName>
      <groupDescription>workers</groupDescription><vpcId>${VPC}</vpcId>
      <ipPermissions>${rule('tcp', 8080, 8080, [], [], [OPEN_SG])}</ipPermissions>
      ${egressAll}
      ${tagSet({})}
    </item>
  </securityGroupInfo>`,
);

const subnet = (id: string, cidr: string, name: string) => `<item>
    <subnetId>${id}</subnetId><subnetArn>arn:aws:ec2:us-east-1:${ACCOUNT}:subnet/${id}</subnetArn>
    <state>available</state><vpcId>${VPC}</vpcId><cidrBlock>${cidr}</cidrBlock>
    <availableIpAddressCount>250</availableIpAddressCount><availabilityZone>us-east-1a</availabilityZone>
    <availabilityZoneId>use1-az2</availabilityZoneId><defaultForAz>false</defaultForAz>
    <mapPublicIpOnLaunch>${id === PUBLIC_SUBNET}</mapPublicIpOnLaunch><ownerId>${ACCOUNT}</ownerId>
    ${tagSet({ Name: name })}
  </item>`;

const routeTablesXml = ec2Response(
  'DescribeRouteTables',
  `<routeTableSet>
    <item>
      <routeTableId>${MAIN_TABLE}</routeTableId><vpcId>${VPC}</vpcId><ownerId>${ACCOUNT}</ownerId>
      <routeSet>
        <item><destinationCidrBlock>10.0.0.0/16</destinationCidrBlock><gatewayId>local</gatewayId><state>active</state><origin>CreateRouteTable</origin></item>
        <item><destinationPrefixListId>pl-63a5400a</destinationPrefixListId><gatewayId>vpce-0a1b2c3d4e5f60061</gatewayId><state>active</state><origin>CreateRoute</origin></item>
      </routeSet>
      <associationSet><item><routeTableAssociationId>rtbassoc-0a1b2c3d4e5f60071</routeTableAssociationId><routeTableId>${MAIN_TABLE}</routeTableId><main>true</main><associationState><state>associated</state></associationState></item></associationSet>
      <propagatingVgwSet/>
      ${tagSet({ Name: 'main' })}
    </item>
    <item>
      <routeTableId>${PUBLIC_TABLE}</routeTableId><vpcId>${VPC}</vpcId><ownerId>${ACCOUNT}</ownerId>
      <routeSet>
        <item><destinationCidrBlock>10.0.0.0/16</destinationCidrBlock><gatewayId>local</gatewayId><state>active</state><origin>CreateRouteTable</origin></item>
        <item><destinationCidrBlock>0.0.0.0/0</destinationCidrBlock><gatewayId>${IGW}</gatewayId><state>active</state><origin>CreateRoute</origin></item>
      </routeSet>
      <associationSet><item><routeTableAssociationId>rtbassoc-0a1b2c3d4e5f60072</routeTableAssociationId><routeTableId>${PUBLIC_TABLE}</routeTableId><subnetId>${PUBLIC_SUBNET}</subnetId><main>false</main><associationState><state>associated</state></associationState></item></associationSet>
      <propagatingVgwSet/>
      ${tagSet({ Name: 'public' })}
    </item>
  </routeTableSet>`,
);

const vpcsXml = ec2Response(
  'DescribeVpcs',
  `<vpcSet><item>
    <vpcId>${VPC}</vpcId><state>available</state><cidrBlock>10.0.0.0/16</cidrBlock>
    <dhcpOptionsId>dopt-19edf471</dhcpOptionsId><instanceTenancy>default</instanceTenancy>
    <isDefault>false</isDefault><ownerId>${ACCOUNT}</ownerId>
    ${tagSet({ Name: 'clinical' })}
  </item></vpcSet>`,
);

const vpcEndpointsXml = ec2Response(
  'DescribeVpcEndpoints',
  `<vpcEndpointSet><item>
    <vpcEndpointId>vpce-0a1b2c3d4e5f60061</vpcEndpointId><vpcEndpointType>Gateway</vpcEndpointType>
    <vpcId>${VPC}</vpcId><serviceName>com.amazonaws.us-east-1.s3</serviceName><state>available</state>
    <policyDocument>${esc('{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}')}</policyDocument>
    <routeTableIdSet><item>${MAIN_TABLE}</item></routeTableIdSet>
    <subnetIdSet/><groupSet/><privateDnsEnabled>false</privateDnsEnabled><requesterManaged>false</requesterManaged>
    <creationTimestamp>2023-11-01T08:00:00.000Z</creationTimestamp><ownerId>${ACCOUNT}</ownerId>
    ${tagSet({})}
  </item></vpcEndpointSet>`,
);

const callerIdentityXml = `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult>
    <Arn>arn:aws:iam::${ACCOUNT}:user/Alice</Arn><UserId>AKIAI44QH8DHBEXAMPLE</UserId><Account>${ACCOUNT}</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
</GetCallerIdentityResponse>`;

/** The EC2 and STS (query protocol) answers of the fixture account. */
export function queryAnswer(call: AwsCall): AwsReply {
  const p = call.params;
  switch (call.action) {
    case 'GetCallerIdentity':
      return { body: callerIdentityXml };
    case 'DescribeInstances':
      return p.NextToken === undefined
        ? instancesXml([AL], 'eyJ2IjoiMiIsImMiOiJwYWdlMiJ9')
        : instancesXml([UBUNTU]);
    case 'DescribeImages':
      return imagesXml(p);
    case 'DescribeVolumes':
      return p.NextToken === undefined
        ? ec2Response(
            'DescribeVolumes',
            `<volumeSet>${volume('vol-0a1b2c3d4e5f60051', AL.id, true)}</volumeSet>`,
            'vol-page-2',
          )
        : ec2Response(
            'DescribeVolumes',
            `<volumeSet>${volume('vol-0a1b2c3d4e5f60052', UBUNTU.id, false)}</volumeSet>`,
          );
    case 'DescribeSecurityGroups':
      return securityGroupsXml;
    case 'DescribeSubnets':
      return ec2Response(
        'DescribeSubnets',
        `<subnetSet>${subnet(PUBLIC_SUBNET, '10.0.1.0/24', 'public-a')}${subnet(PRIVATE_SUBNET, '10.0.2.0/24', 'private-a')}</subnetSet>`,
      );
    case 'DescribeRouteTables':
      return routeTablesXml;
    case 'DescribeVpcs':
      return vpcsXml;
    case 'DescribeVpcEndpoints':
      return vpcEndpointsXml;
    case 'GetEbsEncryptionByDefault':
      return ec2Response(
        'GetEbsEncryptionByDefault',
        '<ebsEncryptionByDefault>false</ebsEncryptionByDefault><sseType>sse-ebs</sseType>',
      );
    default:
      return ec2Error('InvalidAction', `The action ${call.action} is not valid for this web service.`);
  }
}
