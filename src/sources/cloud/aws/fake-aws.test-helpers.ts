/**
 * A loopback HTTP server that answers like AWS for the wire-level tests (issue 4, "Testing the
 * cloud adapters for real"). The real SDK clients are pointed at it with `endpoint`. Requests are
 * routed by the SigV4 credential scope (`Credential=<key>/<date>/<region>/<service>/aws4_request`)
 * and the action, in each of AWS's four protocols:
 * - query (EC2, IAM, RDS, STS, ELBv2): form field `Action`, XML answers;
 * - JSON 1.0/1.1 (SSM, KMS, CloudTrail, ECR, CloudWatch Logs): `X-Amz-Target: <Prefix>.<Operation>`;
 * - REST-XML (S3, S3 Control) and REST-JSON (Lambda): method and path, `action` is `GET /path`
 *   with the sub-resource query keys (`GET /bucket?policy`), `params` the query string merged
 *   with the JSON body.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type AwsProtocol = 'query' | 'json' | 'rest';

export interface AwsCall {
  service: string;
  region: string;
  protocol: AwsProtocol;
  /** The access key that signed the request: tells which (assumed) credentials were used. */
  accessKeyId: string;
  /** `DescribeInstances`, `ListInventoryEntries`, or for REST `GET /bucket?policy`. */
  action: string;
  method: string;
  /** Request path without the query string, URL-decoded. */
  path: string;
  /** Query form fields, the JSON body, or for REST the query string merged with the JSON body. */
  params: Record<string, unknown>;
  body: string;
  headers: IncomingHttpHeaders;
}

export interface AwsReply {
  status?: number;
  body: string;
  headers?: Record<string, string>;
}

export type AwsHandler = (call: AwsCall, calls: AwsCall[]) => AwsReply;

export interface FakeAws {
  endpoint: string;
  calls: AwsCall[];
  close(): Promise<void>;
}

function parseCall(method: string, url: string, headers: IncomingHttpHeaders, text: string): AwsCall {
  const auth = String(headers.authorization ?? '');
  const scope = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(auth);
  const base = {
    service: scope?.[3] ?? '?',
    region: scope?.[2] ?? '?',
    accessKeyId: scope?.[1] ?? '?',
    method,
    body: text,
    headers,
  };
  const u = new URL(url, 'http://127.0.0.1');
  const path = decodeURIComponent(u.pathname);
  const target = headers['x-amz-target'];
  if (typeof target === 'string') {
    const params = JSON.parse(text || '{}') as Record<string, unknown>;
    return { ...base, protocol: 'json', path, action: target.slice(target.lastIndexOf('.') + 1), params };
  }
  const type = String(headers['content-type'] ?? '');
  if (method === 'POST' && type.startsWith('application/x-www-form-urlencoded')) {
    const params = Object.fromEntries(new URLSearchParams(text));
    return { ...base, protocol: 'query', path, action: params.Action ?? '?', params };
  }
  const query = Object.fromEntries(u.searchParams);
  // Sub-resource keys have empty values (`?policy`, `?versioning`) and name the operation.
  const sub = [...u.searchParams.entries()]
    .filter(([k, v]) => v === '' && k !== 'x-id')
    .map(([k]) => k)
    .sort();
  const action = `${method} ${path}${sub.length > 0 ? `?${sub.join('&')}` : ''}`;
  let bodyParams: Record<string, unknown> = {};
  if (text.startsWith('{')) bodyParams = JSON.parse(text) as Record<string, unknown>;
  return { ...base, protocol: 'rest', path, action, params: { ...query, ...bodyParams } };
}

function contentType(call: AwsCall, reply: AwsReply): string {
  if (call.protocol === 'json') {
    return String(call.headers['content-type'] ?? 'application/x-amz-json-1.1');
  }
  if (call.protocol === 'query') return 'text/xml;charset=UTF-8';
  return reply.body.trimStart().startsWith('<') ? 'application/xml' : 'application/json';
}

/** Start the fake on 127.0.0.1 with an ephemeral port; `handler` answers every call. */
export async function startFakeAws(handler: AwsHandler): Promise<FakeAws> {
  const calls: AwsCall[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const call = parseCall(req.method ?? 'GET', req.url ?? '/', req.headers, text);
      calls.push(call);
      const reply = handler(call, calls);
      res.writeHead(reply.status ?? 200, {
        'content-type': contentType(call, reply),
        'x-amzn-requestid': `req-${calls.length}`,
        'x-amz-request-id': `req-${calls.length}`,
        ...reply.headers,
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

/** A query-protocol (EC2) error body, as in the EC2 API Reference "Error codes" example. */
export function ec2Error(code: string, message: string, status = 400): AwsReply {
  return {
    status,
    body: `<?xml version="1.0" encoding="UTF-8"?>
<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>`,
  };
}

/** A query-protocol error body of IAM, RDS, STS and ELBv2 (`ErrorResponse`). */
export function queryError(code: string, message: string, status = 400): AwsReply {
  return {
    status,
    body: `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>4ad9e0a8-example</RequestId></ErrorResponse>`,
  };
}

/** An S3 REST-XML error body (Amazon S3 API Reference, "Error responses"). */
export function s3Error(code: string, message: string, status = 403): AwsReply {
  return {
    status,
    body: `<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>${code}</Code><Message>${message}</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>`,
  };
}

/** A REST-JSON (Lambda) error: the type travels in `x-amzn-errortype`. */
export function restJsonError(type: string, message: string, status = 400): AwsReply {
  return {
    status,
    headers: { 'x-amzn-errortype': type },
    body: JSON.stringify({ Type: 'User', message }),
  };
}

/** A JSON 1.1 error body (`__type` is how the SDK names the error). */
export function jsonError(type: string, message: string, status = 400): AwsReply {
  return { status, body: JSON.stringify({ __type: type, message }) };
}
