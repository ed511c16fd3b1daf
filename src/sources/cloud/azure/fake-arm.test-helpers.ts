/**
 * A loopback HTTPS server that answers like Azure Resource Manager and Entra ID for the
 * wire-level tests: the real @azure/identity, Resource Graph and subscription clients talk to it.
 *
 * Why HTTPS: @azure/core-rest-pipeline's bearer-token policy refuses to send a token over plain
 * http, and MSAL refuses an http authority. So each test run makes a throw-away self-signed
 * certificate for 127.0.0.1 with the `openssl` CLI (Node has no certificate generator) and the
 * clients are told to trust it (`ca` option of the collector, `tlsOptions` of the credential):
 * the TLS checks stay on, only the trust anchor is the test's. No key is committed.
 *
 * Why a real ClientSecretCredential: MSAL fetches the OIDC discovery document of
 * `{authorityHost}/{tenant}/v2.0` and then posts the client-credentials grant to its
 * `token_endpoint`; serving both lets the tests see the token request and that the token it
 * issued is the one ARM receives (`disableInstanceDiscovery` skips the call to the public cloud).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClientSecretCredential } from '@azure/identity';

export interface ArmCall {
  method: string;
  /** Path without the query string, URL-decoded. */
  path: string;
  query: Record<string, string>;
  body: string;
  /** Parsed JSON body (`{}` when none); form bodies (token requests) as their fields. */
  json: Record<string, unknown>;
  headers: IncomingHttpHeaders;
}

export interface ArmReply {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

export type ArmHandler = (call: ArmCall, calls: ArmCall[], endpoint: string) => ArmReply | undefined;

export interface FakeArm {
  endpoint: string;
  /** PEM of the server's self-signed certificate, to trust. */
  ca: string;
  calls: ArmCall[];
  close(): Promise<void>;
}

export const TENANT_ID = '72f988bf-0000-4000-8000-00000000beef';
export const CLIENT_ID = '0c0ffee0-0000-4000-8000-000000000001';

/** An unsigned JWT with Entra's `aud` / `tid` claims: clients treat tokens as opaque, the
 * collector reads `tid` to know which tenant Graph answered for. */
function fakeJwt(aud: string): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ typ: 'JWT', alg: 'none' })}.${part({ aud, tid: TENANT_ID, appid: CLIENT_ID })}.fake`;
}
/** The access token the fake token endpoint issues for ARM's audience. */
export const ACCESS_TOKEN = fakeJwt('https://management.azure.com');
/** The access token it issues for Microsoft Graph's audience. */
export const GRAPH_TOKEN = fakeJwt('https://graph.microsoft.com');

let pair: { key: string; cert: string } | undefined;

/** A self-signed P-256 certificate for IP 127.0.0.1, valid one day, made once per test process. */
export function loopbackCertificate(): { key: string; cert: string } {
  if (pair) return pair;
  const dir = mkdtempSync(join(tmpdir(), 'fake-arm-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'pipe' },
    );
    pair = {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    };
    return pair;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function parse(method: string, url: string, headers: IncomingHttpHeaders, body: string): ArmCall {
  const u = new URL(url, 'https://127.0.0.1');
  let json: Record<string, unknown> = {};
  if (body.startsWith('{')) json = JSON.parse(body) as Record<string, unknown>;
  else if (String(headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    json = Object.fromEntries(new URLSearchParams(body));
  }
  return {
    method,
    path: decodeURIComponent(u.pathname),
    query: Object.fromEntries(u.searchParams),
    body,
    json,
    headers,
  };
}

// Entra ID v2.0 endpoints (Microsoft identity platform "OpenID Connect on the Microsoft identity
// platform" and "OAuth 2.0 client credentials flow"): discovery document and token response.
function identityReply(call: ArmCall, endpoint: string): ArmReply | undefined {
  const discovery = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(call.path);
  if (call.method === 'GET' && discovery) {
    const t = `${endpoint}/${discovery[1]}`;
    return {
      body: {
        issuer: `${t}/v2.0`,
        authorization_endpoint: `${t}/oauth2/v2.0/authorize`,
        token_endpoint: `${t}/oauth2/v2.0/token`,
        end_session_endpoint: `${t}/oauth2/v2.0/logout`,
        jwks_uri: `${t}/discovery/v2.0/keys`,
      },
    };
  }
  if (call.method === 'POST' && /^\/[^/]+\/oauth2\/v2\.0\/token$/.test(call.path)) {
    // One token per audience, as Entra ID issues them: the scope names the resource.
    const graph = String(call.json.scope ?? '').startsWith('https://graph.microsoft.com/');
    return {
      body: {
        token_type: 'Bearer',
        expires_in: 3599,
        ext_expires_in: 3599,
        access_token: graph ? GRAPH_TOKEN : ACCESS_TOKEN,
      },
    };
  }
  return undefined;
}

/** Start the fake on 127.0.0.1:ephemeral; `handler` answers ARM calls, identity calls are built in
 * unless the handler answers them first. Unanswered calls get ARM's 404 `PathNotFound`. */
export async function startFakeArm(handler: ArmHandler): Promise<FakeArm> {
  const { key, cert } = loopbackCertificate();
  const calls: ArmCall[] = [];
  let endpoint = '';
  const server = createServer({ key, cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const call = parse(
        req.method ?? 'GET',
        req.url ?? '/',
        req.headers,
        Buffer.concat(chunks).toString('utf8'),
      );
      calls.push(call);
      const reply = handler(call, calls, endpoint) ??
        identityReply(call, endpoint) ?? {
          status: 404,
          body: {
            error: { code: 'PathNotFound', message: `The requested path ${call.path} was not found.` },
          },
        };
      res.writeHead(reply.status ?? 200, {
        'content-type': 'application/json; charset=utf-8',
        'x-ms-request-id': `req-${calls.length}`,
        ...reply.headers,
      });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    ca: cert,
    calls,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** A real ClientSecretCredential whose authority is the fake (the secret is a test literal). */
export function fakeCredential(fake: FakeArm): ClientSecretCredential {
  return new ClientSecretCredential(TENANT_ID, CLIENT_ID, 'test-only-client-secret', {
    authorityHost: fake.endpoint,
    disableInstanceDiscovery: true,
    tlsOptions: { ca: fake.ca },
  });
}

/** An ARM error body ("Common error response": `{ error: { code, message } }`). */
export function armError(
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): ArmReply {
  return { status, body: { error: { code, message } }, ...(headers ? { headers } : {}) };
}

/** Calls to Resource Graph's query API. */
export function graphCalls(calls: ArmCall[]): ArmCall[] {
  return calls.filter(
    (c) => c.method === 'POST' && c.path === '/providers/Microsoft.ResourceGraph/resources',
  );
}
