// Nothing acknowledged is lost when the process is killed with SIGKILL in the middle of a write load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort, REPO_ROOT } from '../e2e/server.js';
import { png } from '../support/png.js';

const bin = process.env.SIKGU_BIN || path.join(REPO_ROOT, 'build', 'src', 'sikgu');

async function launch(dataDir, port, extraEnv = {}) {
  const child = spawn(bin, ['--data-dir', dataDir, 'serve', '--port', String(port)], {
    env: { ...process.env, SIKGU_CORE__AUTH__ARGON2_MEMORY_KIB: '1024', SIKGU_CORE__LOG__ACCESS_LOG: 'false', ...extraEnv },
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

async function verifiedToken(base, dataDir, name) {
  const signup = await fetch(`${base}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: name, nickname: name.slice(0, 10), email: `${name}@example.com`, password: 'garden123' }),
  });
  assert.equal(signup.status, 201);
  const mailbox = await (await fetch(`${base}/api/v1/dev/mailbox`)).json();
  const mail = mailbox.items.find((m) => m.to === `${name}@example.com`);
  const code = /\b(\d{6})\b/.exec(mail.body)[1];
  const verified = await fetch(`${base}/api/v1/auth/verify-email`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `${name}@example.com`, code }),
  });
  assert.equal(verified.status, 200);
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: name, password: 'garden123' }),
  });
  return (await login.json()).access_token;
}

// Files under the photo store whose content key no photo row holds (or that are not a photo's file at all).
async function unreferencedFiles(dataDir) {
  const keys = new Set(execFileSync('sqlite3', [path.join(dataDir, 'media.db'), 'SELECT content_key FROM photos'], { encoding: 'utf8' })
    .split('\n').filter(Boolean));
  const names = new Set(['original.jpg', 'original.png', '1080.webp', '320.webp']);
  const root = path.join(dataDir, 'media', 'p');
  const stray = [];
  for (const prefix of await readdir(root).catch(() => [])) {
    for (const key of await readdir(path.join(root, prefix))) {
      for (const file of await readdir(path.join(root, prefix, key))) {
        if (!keys.has(key) || !names.has(file)) stray.push(`${prefix}/${key}/${file}`);
      }
    }
  }
  return stray;
}

test('every acknowledged listing and its photos survive kill -9 during uploads, and collection leaves no stray file',
  { timeout: 180_000 }, async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sikgu-kill9-market-'));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = { SIKGU_MEDIA__GC_PERIOD_SECONDS: '1', SIKGU_MEDIA__UPLOADS_PER_MINUTE: '1000000' };
    try {
      const server = await launch(dataDir, port, env);
      const token = await verifiedToken(base, dataDir, 'durable_seller');
      const auth = { authorization: `Bearer ${token}` };
      const acknowledged = [];
      let killed = false;
      let seed = 1;
      const worker = async () => {
        while (!killed) {
          try {
            const form = new FormData();
            form.append('files', new Blob([png(24, 16, seed++ * 2654435761 >>> 0)], { type: 'image/png' }), 'leaf.png');
            const upload = await fetch(`${base}/api/v1/photos`, { method: 'POST', headers: auth, body: form });
            if (upload.status !== 201) { await upload.arrayBuffer(); continue; }
            const photo = (await upload.json()).items[0];
            const created = await fetch(`${base}/api/v1/market/listings`, {
              method: 'POST',
              headers: { ...auth, 'content-type': 'application/json' },
              body: JSON.stringify({ title: `몬스테라 ${seed}`, price: 1000, category: 'plant', photo_ids: [photo.id] }),
            });
            if (created.status === 201) acknowledged.push({ id: (await created.json()).id, photo: photo.large_url });
            else await created.arrayBuffer();
          } catch {
            return;  // the server is gone
          }
        }
      };
      const workers = Array.from({ length: 8 }, () => worker());
      while (acknowledged.length < 120) await new Promise((r) => setTimeout(r, 20));
      server.child.kill('SIGKILL');
      killed = true;
      await Promise.all(workers);
      await server.exited;

      const again = await launch(dataDir, port, env);
      try {
        let missing = 0;
        let photoless = 0;
        for (const { id, photo } of acknowledged) {
          const res = await fetch(`${base}/api/v1/market/listings/${id}`, { headers: auth });
          if (res.status !== 200) { missing++; continue; }
          const listing = await res.json();
          const image = await fetch(`${base}${listing.photos[0].large_url}`);
          await image.arrayBuffer();
          if (image.status !== 200 || listing.photos[0].large_url !== photo) photoless++;
        }
        // The collection job runs every second here: files written by uploads the kill cut short go.
        let stray = [];
        for (let i = 0; i < 50; i++) {
          stray = await unreferencedFiles(dataDir);
          if (stray.length === 0) break;
          await new Promise((r) => setTimeout(r, 200));
        }
        console.log(`acknowledged ${acknowledged.length}, missing ${missing}, without their photo ${photoless}, stray files ${stray.length}`);
        assert.equal(missing, 0);
        assert.equal(photoless, 0);
        assert.deepEqual(stray, []);
      } finally {
        again.child.kill('SIGTERM');
        await again.exited;
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
