/** What route plugins receive: the store and the clock, so tests pin time and the database. */
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../store/db.js';

export interface RouteDeps {
  db: Db;
  now: () => Date;
}

/** A route plugin: one per resource, registered by buildApp with the shared deps. */
export type RoutePlugin = FastifyPluginAsync<RouteDeps>;
