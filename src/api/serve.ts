/**
 * Put a built app on a socket. Loopback by default: the API has no authentication yet, and an
 * unauthenticated findings API on 0.0.0.0 would publish which PHI systems are unpatched.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';

export interface ServeOptions {
  /** Interface to bind; defaults to 127.0.0.1. */
  host?: string;
  /** TCP port; 0 picks a free one (see `url`). */
  port: number;
}

export interface RunningServer {
  /** Base URL actually bound, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** Stop accepting connections, finish in-flight requests, run onClose hooks. */
  close(): Promise<void>;
}

/** Listen on `host:port` and return the bound URL and a close function. */
export async function startServer(app: FastifyInstance, opts: ServeOptions): Promise<RunningServer> {
  await app.listen({ host: opts.host ?? '127.0.0.1', port: opts.port });
  const address = app.server.address() as AddressInfo;
  // An IPv6 literal needs brackets in a URL.
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    close: () => app.close(),
  };
}
