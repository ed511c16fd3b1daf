/** GET /api/assets and GET /api/assets/:id. */
import { AppError } from '../../../core/errors.js';
import { getAsset, listAssets } from '../../../store/repositories/assets.js';
import type { RoutePlugin } from '../../deps.js';
import { type RouteSchema, responses } from '../../schema.js';
import {
  ASSET_LIST_QUERY,
  ASSET_LIST_SCHEMA,
  ASSET_ONE_SCHEMA,
  ASSET_PARAMS,
  type AssetListQuery,
  type AssetParams,
} from './schemas.js';

const listSchema: RouteSchema = {
  operationId: 'listAssets',
  summary: 'Every asset with its PHI classification, sources and counts',
  tags: ['assets'],
  querystring: ASSET_LIST_QUERY,
  response: responses(ASSET_LIST_SCHEMA),
};

const getSchema: RouteSchema = {
  operationId: 'getAsset',
  summary: 'One asset by id',
  description: 'Answers 404 NOT_FOUND when no asset has the id.',
  tags: ['assets'],
  params: ASSET_PARAMS,
  response: responses(ASSET_ONE_SCHEMA),
};

/** Assets route plugin. */
export const assetRoutes: RoutePlugin = async (app, { db }) => {
  app.get<{ Querystring: AssetListQuery }>('/api/assets', { schema: listSchema }, async (request) => {
    const { phi } = request.query;
    return { assets: await listAssets(db, phi === undefined ? {} : { phi }) };
  });

  app.get<{ Params: AssetParams }>('/api/assets/:id', { schema: getSchema }, async (request) => {
    const asset = await getAsset(db, request.params.id);
    if (!asset) throw new AppError('NOT_FOUND', { resource: 'asset', id: request.params.id });
    return { asset };
  });
};
