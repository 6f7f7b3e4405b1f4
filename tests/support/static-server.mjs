// The one static file server of the tests and the benchmarks: a built site's files with
// their types, a folder's index.html for a folder, 404 for anything else (nothing outside
// the folder). Options add what a host would: compression from the build's precompressed
// `.br`/`.gz` siblings (else compressed once and kept), and the cache headers README asks
// operators to send.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The content type of each kind of file a built site holds. */
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Types a host compresses. */
const COMPRESSED = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.txt', '.svg']);

/** A hashed file name (Trunk's `-<16 hex>`, wasm-bindgen's `_bg`): cached for good. */
const IMMUTABLE = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;

/**
 * The file under `root` (a folder path ending in /) that a request for `url` asks for, a
 * folder's index.html for a folder; throws for anything outside `root` or missing.
 */
export async function fileFor(root, url) {
  const path = normalize(decodeURIComponent(new URL(url, 'http://x').pathname));
  const file = join(root, path);
  if (!file.startsWith(root)) throw new Error('outside the served folder');
  return (await stat(file)).isDirectory() ? join(file, 'index.html') : file;
}

async function sibling(file, suffix, make) {
  try {
    return await readFile(`${file}.${suffix}`);
  } catch {
    return make(await readFile(file));
  }
}

/**
 * Serves the folder `root` (ending in /) on an ephemeral port of 127.0.0.1; resolves to
 * { url, close }. `compress`: brotli or gzip as the request accepts; `cacheHeaders`:
 * `immutable` for hashed files, `no-cache` for the rest, and `nosniff`.
 */
export async function serveStatic(root, { compress = false, cacheHeaders = false } = {}) {
  const cache = new Map();
  const server = createServer(async (req, res) => {
    try {
      const file = await fileFor(root, req.url);
      const ext = extname(file);
      const headers = { 'content-type': TYPES[ext] ?? 'application/octet-stream' };
      if (cacheHeaders) {
        headers['cache-control'] = IMMUTABLE.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
        headers['x-content-type-options'] = 'nosniff';
      }
      let body;
      if (compress && COMPRESSED.has(ext)) {
        const accepts = String(req.headers['accept-encoding'] ?? '');
        const encoding = accepts.includes('br') ? 'br' : accepts.includes('gzip') ? 'gzip' : null;
        const key = `${file} ${encoding}`;
        if (!cache.has(key)) {
          cache.set(key, encoding === 'br'
            ? await sibling(file, 'br', (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }))
            : encoding === 'gzip' ? await sibling(file, 'gz', (b) => gzipSync(b, { level: 9 })) : await readFile(file));
        }
        headers.vary = 'accept-encoding';
        if (encoding) headers['content-encoding'] = encoding;
        body = cache.get(key);
      } else {
        body = await readFile(file);
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
