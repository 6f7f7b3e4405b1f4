// A stamp of what a built site is made from: the SHA-256 of every source, content and
// build file (paths and bytes), and of the content its build named. The build writes it
// beside the site (`target/reference-dist/` → `target/reference-dist.stamp`); the
// end-to-end harness refuses a site whose stamp is not what the files give now, so a test
// never passes or fails against a stale build.
//
//   node tests/support/stamp.mjs write DIST CONTENT   (after building DIST with the pages of CONTENT)
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** What a site is built from, relative to the project root. */
const INPUTS = ['Cargo.toml', 'Cargo.lock', 'Trunk.toml', 'index.html', 'rust-toolchain.toml',
  'src', 'crates', 'styles', 'content', 'tests/fixtures/series'];

function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((name) => files(join(path, name)));
}

/** The stamp of the sources as they are now, for a site built with `content`. */
export function stamp(content) {
  const hash = createHash('sha256').update(`content=${content}\n`);
  for (const file of INPUTS.flatMap((p) => files(join(ROOT, p)))) {
    hash.update(`${relative(ROOT, file)}\n`).update(readFileSync(file));
  }
  return hash.digest('hex');
}

const stampFile = (dist) => `${dist.replace(/\/+$/, '')}.stamp`;

/** Throws, saying what to do, unless the site in `dist` was built from the files as they are now. */
export function assertFresh(dist) {
  let written;
  try {
    written = JSON.parse(readFileSync(stampFile(dist), 'utf8'));
  } catch {
    throw new Error(`${dist} has no build stamp: build it with ./dev test e2e (or ./dev build for dist/)`);
  }
  if (written.stamp !== stamp(written.content)) {
    throw new Error(`${dist} is stale: the sources or content changed since it was built; run ./dev test e2e`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === 'write') {
  const [, , , dist, content] = process.argv;
  writeFileSync(stampFile(dist), `${JSON.stringify({ content, stamp: stamp(content) })}\n`);
}
