/**
 * Start the API for `serve` / `npm start`: load the demo fleet into an empty database when asked,
 * listen on loopback, and print the address with a summary of open findings by tier.
 */
import { buildApp } from '../api/app.js';
import { startServer } from '../api/serve.js';
import type { Db } from '../store/db.js';
import { findingSummary } from '../store/repositories/findings.js';
import { loadDemo } from './load-demo.js';

export interface StartOptions {
  host: string;
  port: number;
  demo: boolean;
  log: (line: string) => void;
}

/** Start serving; resolves once listening, with the URL and a close function. */
export async function startApi(db: Db, opts: StartOptions): Promise<{ url: string; close(): Promise<void> }> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM assets');
  if (opts.demo && rows[0]!.n === 0) {
    opts.log(`empty database (${db.driver} at ${db.location}): loading the demo fleet…`);
    const r = await loadDemo(db, { onStep: (m) => opts.log(`  ${m}`) });
    opts.log(
      `demo fleet loaded: ${r.assets} assets, ${r.advisories} advisories, ${r.kevEntries} KEV entries`,
    );
  }
  const app = await buildApp({ db });
  const server = await startServer(app, { host: opts.host, port: opts.port });
  const now = new Date();
  const summary = await findingSummary(db, now);
  opts.log(`PatchWarden API listening on ${server.url}  (database: ${db.driver} at ${db.location})`);
  opts.log(
    `  ${server.url}/api/health   ${server.url}/api/assets   ${server.url}/api/findings   ${server.url}/api/openapi.json`,
  );
  opts.log('Open findings by tier:');
  for (const t of ['emergency', 'high', 'standard']) {
    const s = summary.find((x) => x.tier === t);
    opts.log(
      `  ${t.padEnd(10)} ${String(s?.open ?? 0).padStart(5)} open  ${String(s?.overdue ?? 0).padStart(5)} overdue  ${String(s?.phi ?? 0).padStart(5)} on PHI assets`,
    );
  }
  return server;
}
