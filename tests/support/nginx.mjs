// nginx with deploy/nginx.conf (written for a folder by the site tool's `nginx-conf`), as a
// host serves the site: for the nginx tests and for Lighthouse.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ROOT, siteTool } from './site-tool.mjs';

/** A free port of 127.0.0.1. */
export const freePort = () => new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});

/** nginx serving `dist`, framed only by `portal` (an origin), once it answers:
 * { base, server } (kill the server to stop it). */
export async function startNginx(dist, portal) {
  const port = await freePort();
  const run = mkdtempSync(join(tmpdir(), 'nginx-'));
  const conf = execFileSync(...siteTool('nginx-conf', run, String(port), portal, dist), { cwd: ROOT })
    .toString().trim();
  const server = spawn('nginx', ['-c', conf, '-g', 'daemon off;'], { stdio: 'inherit' });
  const base = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i += 1) {
    if (await fetch(base).then(() => true, () => false)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return { base, server };
}
