// Starts the stream test server (every real module plus the test-only stream module, see
// tests/support/stream_test_module.hpp) on 127.0.0.1 and a port the OS chooses, and signs users up on it.
//
//   const server = await startServer();   // { base, port, pid, logs(), exited, stop() }
//
// SIKGU_STREAM_TEST_SERVER names the binary (default <repo>/build/tests/sikgu_stream_test_server). It runs
// every real module too, so other suites use it as well; `options.dataDir` (kept on stop) restarts a server
// on the same data.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(here, '..', '..');

/** The origin the server is told it has (core.http.public_url): browsers on it may use the cookie. */
export const ORIGIN = 'http://sikgu.test';
export const GRACE_SECONDS = 5;

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startServer(env = {}, options = {}) {
  const bin = process.env.SIKGU_STREAM_TEST_SERVER || path.join(REPO_ROOT, 'build', 'tests', 'sikgu_stream_test_server');
  if (!existsSync(bin)) throw new Error(`server binary not found at ${bin} (set SIKGU_STREAM_TEST_SERVER)`);
  const dataDir = options.dataDir || await mkdtemp(path.join(os.tmpdir(), 'sikgu-streams-'));
  const child = spawn(bin, [], {
    env: {
      ...process.env,
      SIKGU_CORE__DATA_DIR: dataDir,
      SIKGU_CORE__IO_THREADS: '2',
      SIKGU_CORE__HTTP__BIND: '127.0.0.1',
      SIKGU_CORE__HTTP__PORT: '0',
      SIKGU_CORE__HTTP__PUBLIC_URL: ORIGIN,
      SIKGU_CORE__HTTP__SHUTDOWN_GRACE_SECONDS: String(GRACE_SECONDS),
      SIKGU_CORE__HTTP__LIVE_RECHECK_SECONDS: '1',
      SIKGU_CORE__HTTP__WEB_ROOT: path.join(REPO_ROOT, 'web', 'dist'),
      SIKGU_CORE__HTTP__OPENAPI_PATH: path.join(REPO_ROOT, 'docs', 'openapi.yaml'),
      SIKGU_CORE__AUTH__ARGON2_MEMORY_KIB: '64',
      SIKGU_CORE__AUTH__ARGON2_ITERATIONS: '1',
      SIKGU_CORE__LOG__LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (chunk) => {
    output += chunk;
    if (output.length > 4_000_000) output = output.slice(-2_000_000);
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const port = await new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`no port within 20 s:\n${output.slice(-4000)}`)), 20_000);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = /listening (\d+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${output.slice(-4000)}`));
    });
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
  };
  return { base: `http://127.0.0.1:${port}`, port, pid: child.pid, child, logs: () => output, exited, stop };
}

/** Signs up, verifies through the dev mailbox and logs in as the web app does ("session":"cookie"). */
export async function createUser(server, username) {
  const email = `${username}@example.com`;
  const json = (body) => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const signup = await fetch(`${server.base}/api/v1/auth/signup`,
    json({ username, nickname: `닉${username}`.slice(0, 16), email, password: 'garden123' }));
  if (signup.status !== 201) throw new Error(`sign-up: ${signup.status} ${await signup.text()}`);
  const mailbox = await (await fetch(`${server.base}/api/v1/dev/mailbox`)).json();
  const mail = mailbox.items.find((m) => m.to === email);
  const code = /\b(\d{6})\b/.exec(`${mail.subject}\n${mail.body}`)[1];
  const verified = await fetch(`${server.base}/api/v1/auth/verify-email`, json({ email, code }));
  if (verified.status !== 200) throw new Error(`verify: ${verified.status}`);
  const login = await fetch(`${server.base}/api/v1/auth/login`, json({ username, password: 'garden123', session: 'cookie' }));
  if (login.status !== 200) throw new Error(`login: ${login.status}`);
  const body = await login.json();
  const accessCookie = login.headers.getSetCookie().find((c) => c.startsWith('sikgu_access='));
  return {
    id: body.user.id,
    accessToken: body.access_token,
    cookie: accessCookie.split(';')[0],
    setCookie: accessCookie,
  };
}

/** A fresh single-use stream ticket (POST /api/v1/stream-tickets with the bearer token). */
export async function ticket(server, user) {
  const res = await fetch(`${server.base}/api/v1/stream-tickets`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${user.accessToken}` },
  });
  if (res.status !== 200) throw new Error(`ticket: ${res.status} ${await res.text()}`);
  return (await res.json()).ticket;
}

export async function metrics(server) {
  return (await fetch(`${server.base}/metrics`)).text();
}

/** Polls /metrics until `pattern` matches (or throws after `timeoutMs`). */
export async function waitForMetric(server, pattern, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = await metrics(server);
    if (pattern.test(text)) return text;
    await sleep(100);
  }
  throw new Error(`metric ${pattern} not seen within ${timeoutMs} ms:\n${text.split('\n').filter((l) => /live|websocket|stream/.test(l)).join('\n')}`);
}

/** Resident memory of a process, in KiB. */
export async function rssKiB(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]);
}
