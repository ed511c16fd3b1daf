/**
 * Shared pieces of the route schemas. Route schemas are plain JSON Schema objects: Fastify
 * compiles them into the request validator and the response serializer, and openapi.ts copies
 * the very same objects into the OpenAPI document, so the three cannot drift apart.
 */
import type { FastifySchema } from 'fastify';
import { ERROR_BODY_SCHEMA } from './errors.js';

/** A route's schema plus the OpenAPI operation metadata that Fastify itself ignores. */
export interface RouteSchema extends FastifySchema {
  operationId: string;
  summary: string;
  tags: readonly string[];
  description?: string;
  querystring?: ObjectSchema;
  params?: ObjectSchema;
  response: Record<string, unknown>;
}

/** The subset of JSON Schema the request parts use: an object of named scalar parameters. */
export interface ObjectSchema {
  type: 'object';
  properties: Record<string, Record<string, unknown>>;
  required?: readonly string[];
  additionalProperties?: boolean;
}

/** Response map for a route: the success schema plus the error body for every 4xx and 5xx. */
export function responses(ok: unknown): Record<string, unknown> {
  return { 200: ok, '4xx': ERROR_BODY_SCHEMA, '5xx': ERROR_BODY_SCHEMA };
}

// Nullable columns must say so: fast-json-stringify would otherwise print null as "" or false,
// and an unknown `internetExposed` turning into `false` is exactly the wrong answer.
export const nullableString = { type: ['string', 'null'] } as const;
export const timestamp = { type: 'string', format: 'date-time' } as const;
export const nullableTimestamp = { type: ['string', 'null'], format: 'date-time' } as const;

/** A free-form JSON object (policy inputs, audit data): serialized as is. */
export const freeObject = { type: 'object', additionalProperties: true } as const;

/**
 * Path ids: integers in JavaScript's exact range. Ids are bigint columns, but a larger number
 * would reach the driver as "1e+21" and fail as a 500; rejecting it here makes it a 400.
 */
export const idParam = { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER } as const;

/** A `limit` query parameter with a default and an upper bound. */
export function limitParam(defaultValue: number, maximum: number) {
  return { type: 'integer', minimum: 1, maximum, default: defaultValue } as const;
}
