import { PIPELINE_VERSION } from '../result.ts';
import { openApiDocument } from './openapi.ts';
import { json, type RouteHandler } from './responses.ts';

export function metaRoutes() {
  const health: RouteHandler = async () => json(200, { status: 'ok', pipelineVersion: PIPELINE_VERSION });
  const openApi: RouteHandler = async () => json(200, openApiDocument());
  return { 'GET /health': health, 'GET /openapi.json': openApi } as const;
}
