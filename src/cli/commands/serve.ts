import { AppError, EXIT } from '../../core/errors.js';
import type { Command } from '../command.js';

/** `serve`: the JSON API on loopback (the dashboard will be served alongside later). */
export const serve: Command = {
  path: ['serve'],
  summary: 'Serve the HTTP API on 127.0.0.1 (loads the demo fleet into an empty embedded database)',
  usage: '[--port N] [--host ADDR] [--no-demo]',
  options: { port: { type: 'string' }, host: { type: 'string' }, 'no-demo': { type: 'boolean' } },
  async run(ctx) {
    const port = Number(ctx.values.port ?? ctx.io.env.PORT ?? 7420);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new AppError('USAGE', { reason: '--port must be 0–65535' });
    const db = await ctx.db();
    // Loaded on demand: every other command starts without the HTTP framework.
    const { startApi } = await import('../../services/start-api.js');
    const server = await startApi(db, {
      host: (ctx.values.host as string | undefined) ?? '127.0.0.1',
      port,
      demo: !ctx.values['no-demo'],
      log: (line: string) => ctx.io.stdout.write(`${line}\n`),
    });
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void server.close().then(done);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    return EXIT.ok;
  },
};
