// The other engines readers have, through their WebDriver servers (selenium-webdriver from
// npm; no driver is downloaded): WebKitGTK's MiniBrowser through WebKitWebDriver (Debian
// webkit2gtk-driver, under Xvfb: MiniBrowser needs a display) and Firefox ESR through
// geckodriver (cargo install geckodriver). `./dev setup` installs all of them.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Builder } from 'selenium-webdriver';

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** A free port of 127.0.0.1. */
const freePort = () => new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});

/** Resolves once the WebDriver server at `url` answers its status, or throws after 20 s. */
async function ready(url, server) {
  for (let i = 0; i < 200; i++) {
    if (server.exitCode !== null) throw new Error(`the WebDriver server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${url}/status`)).ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no WebDriver server at ${url}`);
}

/** The engines: how to start each one's server and what to ask it for, with JavaScript on or off. */
export const ENGINES = {
  WebKitGTK: {
    command: (port) => ['xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', 'WebKitWebDriver', `--port=${port}`]],
    capabilities: (javascript) => ({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: MINIBROWSER,
        args: ['--automation', ...(javascript ? [] : ['--enable-javascript=false'])],
      },
    }),
  },
  'Firefox ESR': {
    command: (port) => ['geckodriver', ['--port', String(port), '--binary', '/usr/bin/firefox-esr']],
    capabilities: (javascript) => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: '/usr/bin/firefox-esr',
        args: ['-headless'],
        prefs: javascript ? {} : { 'javascript.enabled': false },
      },
    }),
  },
};

/**
 * Opens a browser of `engine`, JavaScript on or off, through a WebDriver server of its
 * own (a server left with a closing session can hang the next one); resolves to
 * { driver, close }. `close` ends the session, waiting at most 5 s, then the server's
 * whole process group (Xvfb and the browser with it).
 */
export async function openSession(engine, javascript = true) {
  const port = await freePort();
  const [command, args] = engine.command(port);
  const server = spawn(command, args, { stdio: 'ignore', detached: true });
  server.unref();
  const kill = () => {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch { /* gone already */ }
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await ready(url, server);
    const driver = await new Builder().usingServer(url).withCapabilities(engine.capabilities(javascript)).build();
    return {
      driver,
      async close() {
        await Promise.race([driver.quit().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
        kill();
      },
    };
  } catch (e) {
    kill();
    throw e;
  }
}
