import { articleContentType, parseInput, uploadRequestSchema } from '../events/api-request.ts';
import { type CreateUploadDeps, createUpload } from '../use-cases/create-upload.ts';
import { HttpProblem } from './problem.ts';
import { bodyBytes, headerOf, json, type RouteHandler } from './responses.ts';
import { articleLocation } from './routes-articles.ts';

/** The JSON body of a request, or {} when there is none; 415 for another media type, 400 for bad JSON. */
function jsonBodyOf(event: Parameters<RouteHandler>[0]): unknown {
  const bytes = bodyBytes(event);
  if (bytes.byteLength === 0) return {};
  const type = (headerOf(event, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new HttpProblem(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send POST /uploads a JSON body (application/json)');
  }
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new HttpProblem(400, 'INVALID_JSON', 'The request body is not valid JSON', { cause: error });
  }
}

export function uploadRoutes(deps: CreateUploadDeps) {
  const create: RouteHandler = async (event) => {
    const request = parseInput(uploadRequestSchema, jsonBodyOf(event));
    const contentType = articleContentType(request.contentType);
    const upload = await createUpload({ ...request, contentType }, deps);
    return json(201, upload, { Location: articleLocation(upload.id) });
  };
  return { 'POST /uploads': create } as const;
}
