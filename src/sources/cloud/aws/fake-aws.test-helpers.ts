/**
 * A loopback HTTP server that answers like AWS for the wire-level tests (issue 4, "Testing the
 * cloud adapters for real"). The real SDK clients are pointed at it with `endpoint`. Requests are
 * routed by the SigV4 credential scope (`Credential=<key>/<date>/<region>/<service>/aws4_request`)
 * and the action: the EC2 Query API's form field `Action`, SSM's JSON 1.1 `X-Amz-Target` header.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface AwsCall {
  service: string;
  region: string;
  /** EC2 `Action` (`DescribeInstances`) or SSM target operation (`ListInventoryEntries`). */
  action: string;
  /** EC2 form fields or the SSM JSON body. */
  params: Record<string, unknown>;
  headers: IncomingHttpHeaders;
}

export interface AwsReply {
  status?: number;
  body: string;
}

export type AwsHandler = (call: AwsCall, calls: AwsCall[]) => AwsReply;

export interface FakeAws {
  endpoint: string;
  calls: AwsCall[];
  close(): Promise<void>;
}

/** Start the fake on 127.0.0.1 with an ephemeral port; `handler` answers every call. */
export async function startFakeAws(handler: AwsHandler): Promise<FakeAws> {
  const calls: AwsCall[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const scope = /Credential=[^/]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(
        String(req.headers.authorization ?? ''),
      );
      const target = req.headers['x-amz-target'];
      let call: AwsCall;
      if (typeof target === 'string') {
        call = {
          service: scope?.[2] ?? '?',
          region: scope?.[1] ?? '?',
          action: target.replace(/^AmazonSSM\./, ''),
          params: JSON.parse(text || '{}') as Record<string, unknown>,
          headers: req.headers,
        };
      } else {
        const params = Object.fromEntries(new URLSearchParams(text));
        call = {
          service: scope?.[2] ?? '?',
          region: scope?.[1] ?? '?',
          action: params.Action ?? '?',
          params,
          headers: req.headers,
        };
      }
      calls.push(call);
      const reply = handler(call, calls);
      const json = typeof target === 'string';
      res.writeHead(reply.status ?? 200, {
        'content-type': json ? 'application/x-amz-json-1.1' : 'text/xml;charset=UTF-8',
        'x-amzn-requestid': `req-${calls.length}`,
      });
      res.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** A JSON 1.1 error body (`__type` is how the SDK names the error). */
export function jsonError(type: string, message: string, status = 400): AwsReply {
  return { status, body: JSON.stringify({ __type: type, message }) };
}

export interface FakeInstance {
  id: string;
  ami: string;
  launchTime: string;
  privateIp: string;
  publicIp?: string;
  httpTokens: 'required' | 'optional';
  tags: Record<string, string>;
}

/**
 * A DescribeInstances response in the shape of the EC2 API Reference example
 * (DescribeInstances, "Example 1" response): reservationSet → item → instancesSet → item.
 */
export function describeInstancesXml(owner: string, instances: FakeInstance[], nextToken?: string): string {
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
        <subnetId>subnet-56f5f633</subnetId>
        <vpcId>vpc-11112222</vpcId>
        <privateIpAddress>${i.privateIp}</privateIpAddress>
        ${i.publicIp ? `<ipAddress>${i.publicIp}</ipAddress>` : ''}
        <groupSet><item><groupId>sg-e4076980</groupId><groupName>SecurityGroup1</groupName></item></groupSet>
        <architecture>x86_64</architecture>
        <rootDeviceType>ebs</rootDeviceType>
        <tagSet>${Object.entries(i.tags)
          .map(([k, v]) => `<item><key>${k}</key><value>${v}</value></item>`)
          .join('')}</tagSet>
        <metadataOptions><state>applied</state><httpTokens>${i.httpTokens}</httpTokens><httpPutResponseHopLimit>2</httpPutResponseHopLimit><httpEndpoint>enabled</httpEndpoint></metadataOptions>
        <platformDetails>Linux/UNIX</platformDetails>
      </item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>8f7724cf-496f-496e-8fe3-example</requestId>
  <reservationSet>
    <item>
      <reservationId>r-1234567890abcdef0</reservationId>
      <ownerId>${owner}</ownerId>
      <groupSet/>
      <instancesSet>${items}</instancesSet>
    </item>
  </reservationSet>
  ${nextToken ? `<nextToken>${nextToken}</nextToken>` : ''}
</DescribeInstancesResponse>`;
}
