import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_HTTP_PREFIX, API_MAX_BODY_BYTES, type ApiResult } from '../../contract/api.js';
import { coded, formatError, type CodedError } from '../../contract/errors/codes.js';
import type { ApiDispatcher } from '../api/dispatch.js';

/** POST /api/<channel> with a JSON body: the browser-mode twin of Electron's IPC. */
export async function handleApiRequest(
  request: IncomingMessage,
  response: ServerResponse,
  dispatch: ApiDispatcher,
): Promise<void> {
  const channel = decodeURIComponent(
    (request.url ?? '').slice(API_HTTP_PREFIX.length).split('?')[0] ?? '',
  );
  if (request.method !== 'POST') {
    return sendJson(response, 405, failure(coded('request.use-post')));
  }
  if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
    return sendJson(response, 415, failure(coded('request.not-json')));
  }
  const body = await readBody(request, API_MAX_BODY_BYTES);
  if (body === 'too-large') {
    response.setHeader('Connection', 'close');
    return sendJson(
      response,
      413,
      failure(coded('request.too-large', { count: API_MAX_BODY_BYTES })),
    );
  }
  let payload: unknown;
  try {
    payload = body.length === 0 ? {} : JSON.parse(body);
  } catch {
    return sendJson(response, 400, failure(coded('request.bad-json')));
  }
  const result = await dispatch(channel, payload, { sessionToken: bearerToken(request) });
  sendJson(response, result.ok ? 200 : statusFor(result.error.kind), result);
}

/** The operator's session token travels as `Authorization: Bearer <token>`. */
function bearerToken(request: IncomingMessage): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(request.headers.authorization ?? '');
  return match?.[1];
}

function statusFor(kind: string): number {
  return (
    { 'bad-request': 400, 'unknown-channel': 404, forbidden: 403, 'not-found': 404 }[kind] ?? 500
  );
}

function failure(reason: CodedError): ApiResult<never> {
  return { ok: false, error: { kind: 'bad-request', ...reason, message: formatError(reason) } };
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.statusCode = status;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.end(JSON.stringify(value));
}

function readBody(request: IncomingMessage, limit: number): Promise<string | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Answer at once and discard the rest; the connection closes after the reply.
        request.off('data', onData);
        request.resume();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
