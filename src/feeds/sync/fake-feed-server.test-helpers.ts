/**
 * Test-only: a loopback HTTP server (127.0.0.1, ephemeral port) standing in for the feed
 * sources. It implements what the sync relies on — ETag / Last-Modified with If-None-Match and
 * If-Modified-Since (RFC 9110 §13.1.2, §13.1.3), Accept-Ranges and `Range: bytes=N-` with
 * If-Range (RFC 9110 §14.2, §13.1.5) — and the failures it must survive: a connection dropped
 * mid-body, an error status, a body that stalls. Every request's headers are recorded.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server answers for one path. */
export interface FakeResource {
  body: Buffer;
  etag?: string | null;
  lastModified?: string | null;
  /** Advertise and honour byte ranges (default true). */
  ranges?: boolean;
  /** Answer every request with this status and a short text body instead. */
  status?: number;
  /** Send this many body bytes, then destroy the socket (Content-Length still says the full size). */
  dropAfter?: number;
  /** Send this many body bytes, then stop sending without closing. */
  stallAfter?: number;
  /** Omit Content-Length (chunked transfer coding). */
  chunked?: boolean;
}

/** Computes the resource for one request from its query and headers (an API such as NVD's). */
export type FakeHandler = (query: URLSearchParams, headers: IncomingHttpHeaders) => FakeResource | null;

/** One request as the server saw it. */
export interface RecordedRequest {
  method: string;
  path: string;
  /** The query string's parameters. */
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  status: number;
}

/** The running server: its base URL, the resources it serves, what it was asked. */
export interface FakeFeedServer {
  url: string;
  set(path: string, resource: FakeResource | null): void;
  /** Answer `path` per request (takes precedence over `set`); null removes the handler. */
  handle(path: string, handler: FakeHandler | null): void;
  requests: RecordedRequest[];
  /** Requests for one path, in order. */
  requestsFor(path: string): RecordedRequest[];
  close(): Promise<void>;
}

// RFC 9110 §8.8.3.2: If-None-Match uses the weak comparison (opaque tags equal, W/ ignored).
function weakMatch(list: string, etag: string): boolean {
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return list.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}

/** Start a fake feed server on 127.0.0.1. */
export async function startFakeFeedServer(): Promise<FakeFeedServer> {
  const resources = new Map<string, FakeResource>();
  const handlers = new Map<string, FakeHandler>();
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const record = (status: number) =>
      requests.push({
        method: req.method ?? '',
        path,
        query: url.searchParams,
        headers: req.headers,
        status,
      });
    const handler = handlers.get(path);
    const r = handler ? handler(url.searchParams, req.headers) : resources.get(path);
    if (!r) {
      record(404);
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (r.status !== undefined) {
      record(r.status);
      res.writeHead(r.status, { 'content-type': 'text/plain' }).end(`status ${r.status}`);
      return;
    }
    const validators: Record<string, string> = {};
    if (r.etag) validators.etag = r.etag;
    if (r.lastModified) validators['last-modified'] = r.lastModified;
    const ranges = r.ranges ?? true;
    if (ranges) validators['accept-ranges'] = 'bytes';

    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    const notModified =
      inm !== undefined
        ? r.etag != null && weakMatch(inm, r.etag)
        : ims !== undefined && r.lastModified != null && Date.parse(r.lastModified) <= Date.parse(ims);
    if (notModified) {
      record(304);
      res.writeHead(304, validators).end();
      return;
    }

    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const ifRange = req.headers['if-range'];
    // If-Range uses the strong comparison (RFC 9110 §13.1.5): a changed tag gets the full 200.
    const rangeApplies = ranges && range && (ifRange === undefined || (r.etag != null && ifRange === r.etag));
    if (rangeApplies) {
      const start = Number(range[1]);
      if (start >= r.body.length) {
        record(416);
        res.writeHead(416, { 'content-range': `bytes */${r.body.length}` }).end();
        return;
      }
      record(206);
      send(res, 206, r, r.body.subarray(start), {
        ...validators,
        'content-range': `bytes ${start}-${r.body.length - 1}/${r.body.length}`,
      });
      return;
    }
    record(200);
    send(res, 200, r, r.body, validators);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    set(path, resource) {
      if (resource) resources.set(path, resource);
      else resources.delete(path);
    },
    handle(path, handler) {
      if (handler) handlers.set(path, handler);
      else handlers.delete(path);
    },
    requests,
    requestsFor: (path) => requests.filter((r) => r.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(
  res: ServerResponse,
  status: number,
  r: FakeResource,
  body: Buffer,
  headers: Record<string, string>,
) {
  const head: Record<string, string> = { 'content-type': 'application/octet-stream', ...headers };
  if (!r.chunked) head['content-length'] = String(body.length);
  res.writeHead(status, head);
  const cut = r.dropAfter ?? r.stallAfter;
  if (cut === undefined) {
    res.end(body);
    return;
  }
  res.write(body.subarray(0, cut), () => {
    // Destroying the socket after the write flushed gives the client a real mid-body disconnect.
    if (r.dropAfter !== undefined) res.socket?.destroy();
  });
}
