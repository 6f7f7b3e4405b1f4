// A static server that compresses as a host would: brotli (or gzip) for HTML, CSS, JS,
// JSON and WASM, from the build's precompressed `.br`/`.gz` siblings where they exist, else
// compressed once and kept. For the performance report, so that the reader and the anchor
// it is compared with are served alike.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileFor } from '../e2e/harness.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

async function sibling(file, suffix, make) {
  try {
    return await readFile(`${file}.${suffix}`);
  } catch {
    return make(await readFile(file));
  }
}

/** Serves `root` on an ephemeral port of 127.0.0.1; resolves to { url, close }. */
export async function serveCompressed(root) {
  const cache = new Map();
  const server = createServer(async (req, res) => {
    try {
      const file = await fileFor(root, req.url);
      const type = TYPES[extname(file)];
      const accepts = String(req.headers['accept-encoding'] ?? '');
      const encoding = !type ? null : accepts.includes('br') ? 'br' : accepts.includes('gzip') ? 'gzip' : null;
      const key = `${file} ${encoding}`;
      if (!cache.has(key)) {
        cache.set(key, encoding === 'br'
          ? await sibling(file, 'br', (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }))
          : encoding === 'gzip' ? await sibling(file, 'gz', (b) => gzipSync(b, { level: 9 })) : await readFile(file));
      }
      const headers = { 'content-type': type ?? 'application/octet-stream', vary: 'accept-encoding' };
      if (encoding) headers['content-encoding'] = encoding;
      res.writeHead(200, headers);
      res.end(cache.get(key));
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}
