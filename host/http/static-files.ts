import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
  '.woff2': 'font/woff2',
};

/**
 * What a test build carries for tests and measurements (the SFU lab page, source maps) is never
 * served to other machines, even from a build that has it. The one exception is the lab page on a
 * host that runs the lab's own join policy (`--lab-tokens`, development and tests only), which
 * hears no real hearing.
 */
export function lanMayServe(urlPath: string, options: { labHost: boolean }): boolean {
  const decoded = safeDecode(urlPath) ?? urlPath;
  const path = normalize(decoded).split('\\').join('/').toLowerCase();
  if (path.endsWith('.map')) return false;
  return options.labHost || !path.startsWith('/lab/');
}

/** Serves the renderer build; paths without a file extension fall back to index.html. */
export async function serveStaticFile(
  root: string,
  urlPath: string,
  response: ServerResponse,
): Promise<void> {
  const decoded = safeDecode(urlPath);
  if (decoded === null) return sendText(response, 400, 'Bad path');
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const candidate = join(root, relative);
  if (candidate !== root && !candidate.startsWith(root + sep))
    return sendText(response, 400, 'Bad path');
  const file = (await isFile(candidate))
    ? candidate
    : extname(relative) === ''
      ? join(root, 'index.html')
      : null;
  if (!file || !(await isFile(file))) {
    if (!(await isFile(join(root, 'index.html')))) {
      return sendText(
        response,
        503,
        'The InCamera UI has not been built yet. Run `npm run build:renderer` (npm start does it for you).',
      );
    }
    return sendText(response, 404, 'Not found');
  }
  response.statusCode = 200;
  response.setHeader('Content-Type', MIME_TYPES[extname(file)] ?? 'application/octet-stream');
  createReadStream(file).pipe(response);
}

export function sendText(response: ServerResponse, status: number, text: string): void {
  response.statusCode = status;
  response.setHeader('Content-Type', 'text/plain; charset=utf-8');
  response.end(text);
}

function safeDecode(path: string): string | null {
  try {
    const decoded = decodeURIComponent(path);
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
