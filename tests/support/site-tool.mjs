// The site tool (crates/site) as the tests and benchmarks call it: the same command
// `./dev` runs, built if need be. `cargo run` replaces itself with the tool, and the tool's
// `serve` with nginx, so the process spawned is the server.
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The command and arguments that run `site ARGS…`. */
export const siteTool = (...args) => ['cargo', ['run', '--quiet', '-p', 'site', '--', ...args]];
