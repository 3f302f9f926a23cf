import { articleContentType, parseInput, uploadRequestSchema } from '../events/api-request.ts';
import { type CreateUploadDeps, createUpload } from '../use-cases/create-upload.ts';
import { json, jsonBodyOf, type RouteHandler } from './responses.ts';
import { articleLocation } from './routes-articles.ts';

export function uploadRoutes(deps: CreateUploadDeps) {
  const create: RouteHandler = async (event) => {
    const request = parseInput(uploadRequestSchema, jsonBodyOf(event, 'POST /uploads'));
    const contentType = articleContentType(request.contentType);
    const upload = await createUpload({ ...request, contentType }, deps);
    return json(201, upload, { Location: articleLocation(upload.id) });
  };
  return { 'POST /uploads': create } as const;
}
