// Nothing acknowledged is lost when the process is killed with SIGKILL in the middle of a write load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort, REPO_ROOT } from '../e2e/server.js';

const bin = process.env.SIKGU_BIN || path.join(REPO_ROOT, 'build', 'src', 'sikgu');

async function launch(dataDir, port) {
  const child = spawn(bin, ['--data-dir', dataDir, 'serve', '--port', String(port)], {
    env: { ...process.env, SIKGU_CORE__AUTH__ARGON2_MEMORY_KIB: '1024', SIKGU_CORE__LOG__ACCESS_LOG: 'false' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200) return { child, exited, stderr: () => stderr };
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`sikgu did not start:\n${stderr}`);
}

/** Recipients of every mail in the dev mailbox folder. */
async function mailedAddresses(dataDir) {
  const folder = path.join(dataDir, 'mailbox');
  const addresses = new Set();
  for (const name of await readdir(folder)) {
    if (!name.endsWith('.json')) continue;
    try {
      addresses.add(JSON.parse(await readFile(path.join(folder, name), 'utf8')).to);
    } catch { /* a file cut short by the kill */ }
  }
  return addresses;
}

test('every acknowledged sign-up and its verification mail survive kill -9', { timeout: 120_000 }, async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sikgu-kill9-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  try {
    const server = await launch(dataDir, port);
    const acknowledged = [];
    let sent = 0;
    let killed = false;
    const worker = async (w) => {
      for (let i = 0; !killed; i++) {
        const username = `durable_${w}_${i}`;
        sent++;
        try {
          const res = await fetch(`${base}/api/v1/auth/signup`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username, nickname: `n${w}x${i}`, email: `${username}@example.com`, password: 'garden123' }),
          });
          if (res.status === 201) acknowledged.push(username);
          else await res.arrayBuffer();
        } catch {
          return;  // the server is gone
        }
      }
    };
    const workers = Array.from({ length: 32 }, (_, w) => worker(w));
    while (acknowledged.length < 1500) await new Promise((r) => setTimeout(r, 20));
    server.child.kill('SIGKILL');
    killed = true;
    await Promise.all(workers);
    await server.exited;

    const again = await launch(dataDir, port);
    try {
      let missing = 0;
      for (const username of acknowledged) {
        const res = await fetch(`${base}/api/v1/auth/availability?field=username&value=${username}`);
        const body = await res.json();
        if (body.available !== false) missing++;
      }
      // The code mail is queued with the sign-up and sent before the answer, so each acknowledged one has it.
      const mailed = await mailedAddresses(dataDir);
      const unmailed = acknowledged.filter((username) => !mailed.has(`${username}@example.com`)).length;
      console.log(`sent ${sent}, acknowledged ${acknowledged.length}, missing after restart ${missing}, without mail ${unmailed}`);
      assert.equal(missing, 0);
      assert.equal(unmailed, 0);
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
