// Starts a throw-away sikgu server for the browser tests and stops it again.
//
//   const server = await startServer();   // { baseUrl, port, dataDir, logs(), stop() }
//   ...
//   await server.stop();
//
// Environment:
//   SIKGU_BIN       path of the server binary (default <repo>/build/src/sikgu)
//   SIKGU_WEB_ROOT  built web UI (default <repo>/web/dist)
//   SIKGU_E2E_LOG   when set, the server's stderr is echoed to this process' stderr

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(here, '..', '..');

const READY_TIMEOUT_MS = 20_000;
const STOP_GRACE_MS = 5_000;

/** Ask the kernel for a free loopback TCP port. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitHealthy(baseUrl, child, logs) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `sikgu exited early (code ${child.exitCode}, signal ${child.signalCode}):\n${logs().slice(-4000)}`,
      );
    }
    try {
      const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await sleep(100);
  }
  throw new Error(`sikgu did not answer /healthz within ${READY_TIMEOUT_MS} ms:\n${logs().slice(-4000)}`);
}

/**
 * Spawn the server on a free port (or `port`, when the caller must know it in advance) with a fresh data
 * directory. Resolves once GET /healthz answers 200.
 */
export async function startServer({ env: extraEnv = {}, port: fixedPort } = {}) {
  const bin = process.env.SIKGU_BIN || path.join(REPO_ROOT, 'build', 'src', 'sikgu');
  const webRoot = process.env.SIKGU_WEB_ROOT || path.join(REPO_ROOT, 'web', 'dist');
  const openapi = path.join(REPO_ROOT, 'docs', 'openapi.yaml');
  if (!existsSync(bin)) throw new Error(`sikgu binary not found at ${bin} (set SIKGU_BIN)`);
  if (!existsSync(path.join(webRoot, 'index.html'))) {
    throw new Error(`web UI not built: ${webRoot}/index.html is missing (cd web && npm ci && npm run build)`);
  }

  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sikgu-e2e-'));
  const port = fixedPort ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;

  let output = '';
  const logs = () => output;
  const child = spawn(bin, ['--data-dir', dataDir, 'serve', '--port', String(port)], {
    env: {
      ...process.env,
      // Cheap password hashing keeps sign-up and log-in fast in tests.
      SIKGU_CORE__AUTH__ARGON2_MEMORY_KIB: '1024',
      SIKGU_CORE__HTTP__WEB_ROOT: webRoot,
      SIKGU_CORE__HTTP__OPENAPI_PATH: openapi,
      // The browser's Origin: WebSocket handshakes (chat's STOMP at /ws) from any other origin are refused.
      SIKGU_CORE__HTTP__PUBLIC_URL: baseUrl,
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk) => {
    const s = chunk.toString('utf8');
    output += s;
    if (output.length > 2_000_000) output = output.slice(-1_000_000);
    if (process.env.SIKGU_E2E_LOG) process.stderr.write(s);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise((resolve) => child.once('exit', resolve));

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }, STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitHealthy(baseUrl, child, logs);
  } catch (err) {
    await stop();
    throw err;
  }
  return { baseUrl, port, dataDir, logs, stop };
}
