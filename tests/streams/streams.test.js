// Server-Sent Events and WebSockets with the clients real code uses (eventsource, ws) against the stream test
// server: cookie and ticket authentication, resuming with Last-Event-ID, heartbeats, the Origin check,
// back-pressure on a client that stops reading, and the drain on SIGTERM.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { EventSource } from 'eventsource';
import WebSocket from 'ws';
import {
  GRACE_SECONDS, ORIGIN, createUser, metrics, rssKiB, sleep, startServer, ticket, waitForMetric,
} from './server.js';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

/** An EventSource whose requests carry `headers` (a browser would add the cookie itself); records them. */
function eventSource(url, headers = {}) {
  const requests = [];
  const source = new EventSource(url, {
    fetch: (input, init) => {
      requests.push({ ...init.headers });
      return fetch(input, { ...init, headers: { ...init.headers, ...headers } });
    },
  });
  source.requests = requests;
  return source;
}

/** Collects `tick` events until `count` have arrived. */
function ticks(source, count, timeoutMs = 10_000) {
  return new Promise((resolve, reject) => {
    const seen = [];
    const timer = setTimeout(() => reject(new Error(`only ${seen.length} of ${count} events: ${JSON.stringify(seen)}`)), timeoutMs);
    source.addEventListener('tick', (event) => {
      seen.push({ id: Number(event.lastEventId), n: JSON.parse(event.data).n, at: Date.now() });
      if (seen.length === count) {
        clearTimeout(timer);
        resolve(seen);
      }
    });
  });
}

/** Opens a WebSocket and resolves with it and its first message, or rejects with the refusal's status. */
function openSocket(url, options = {}) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, options);
    ws.once('message', (data) => resolve({ ws, hello: JSON.parse(data.toString()) }));
    ws.once('unexpected-response', (req, res) => {
      let body = '';
      res.on('data', (chunk) => { body += chunk; });
      res.on('end', () => reject(Object.assign(new Error(`refused ${res.statusCode}`), { status: res.statusCode, body })));
    });
    ws.once('error', reject);
  });
}

const nextMessage = (ws) => new Promise((resolve) => ws.once('message', (data, binary) => resolve({ data, binary })));
const closed = (ws) => new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
const wsUrl = (path) => `${server.base.replace('http', 'ws')}${path}`;

test('SSE with the access cookie: numbered events, retry, and a reconnect resumes with exactly the missed events', { timeout: 30_000 }, async () => {
  const user = await createUser(server, 'sse_cookie');
  assert.match(user.setCookie, /^sikgu_access=[^;]+; Path=\/api; HttpOnly; SameSite=Strict; Max-Age=900/);
  // The server ends each stream after 4 events; EventSource reconnects after `retry` with Last-Event-ID.
  const source = eventSource(`${server.base}/api/v1/test/events?interval_ms=50&close_after=4&retry_ms=300`, { Cookie: user.cookie });
  const events = await ticks(source, 12);
  source.close();
  const ids = events.map((e) => e.id);
  for (let i = 1; i < ids.length; i++) assert.equal(ids[i], ids[i - 1] + 1, `consecutive ids: ${ids}`);
  assert.deepEqual(events.map((e) => e.n), ids);
  assert.ok(source.requests.length >= 3, `reconnected: ${source.requests.length} requests`);
  assert.equal(source.requests[0]['Last-Event-ID'], undefined);
  assert.equal(source.requests[1]['Last-Event-ID'], String(ids[3]));
  // The reconnect came about 300 ms later, yet went on with the next event: what happened meanwhile came
  // at once, in a burst, instead of being skipped.
  const gap = events[4].at - events[3].at;
  assert.ok(gap >= 250, `waited for retry: ${gap} ms`);
  assert.ok(events[5].at - events[4].at < 40, 'the missed events arrived together');

  // Without Last-Event-ID a stream starts from now: the events of the last half second are not repeated.
  const fresh = eventSource(`${server.base}/api/v1/test/events?interval_ms=50`, { Cookie: user.cookie });
  const [first] = await ticks(fresh, 1);
  fresh.close();
  assert.ok(first.id > ids.at(-1) + 1, `${first.id} after ${ids.at(-1)}`);
});

test('SSE with a single-use ticket; heartbeats arrive; neither the ticket nor the query string is logged', { timeout: 30_000 }, async () => {
  const user = await createUser(server, 'sse_ticket');
  const t = await ticket(server, user);
  const source = eventSource(`${server.base}/api/v1/test/events?interval_ms=50&ticket=${t}`);
  const events = await ticks(source, 3);
  source.close();
  assert.equal(events[1].id, events[0].id + 1);

  const again = await fetch(`${server.base}/api/v1/test/events?ticket=${t}`);
  assert.equal(again.status, 401);
  assert.equal((await again.json()).code, 'auth.ticket_used');
  const asTicket = await fetch(`${server.base}/api/v1/test/events?ticket=${user.accessToken}`);
  assert.equal((await asTicket.json()).code, 'auth.ticket_invalid');

  // Heartbeat comments (which EventSource does not surface) while no event is due.
  const stream = await fetch(`${server.base}/api/v1/test/events?interval_ms=60000&heartbeat_ms=100&ticket=${await ticket(server, user)}`);
  assert.equal(stream.status, 200);
  assert.match(stream.headers.get('content-type'), /^text\/event-stream/);
  const reader = stream.body.getReader();
  let text = '';
  const deadline = Date.now() + 5000;
  while ((text.match(/: heartbeat\n\n/g) || []).length < 3 && Date.now() < deadline) {
    const { value, done } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
  }
  await reader.cancel();
  assert.ok(text.startsWith('retry: 500\n\n'), text);
  assert.ok((text.match(/: heartbeat\n\n/g) || []).length >= 3, text);

  await sleep(200);
  const logs = server.logs();
  assert.match(logs, /"event":"http_request".*"path":"\/api\/v1\/test\/events"/);
  assert.ok(!logs.includes(t), 'the ticket is not in the log');
  assert.ok(!logs.includes('ticket='), 'no query string in the log');
  assert.ok(!logs.includes(user.accessToken), 'no access token in the log');
});

test('WebSocket echo with the cookie (from our origin) and with a ticket; foreign origins and big messages are refused', { timeout: 30_000 }, async () => {
  const user = await createUser(server, 'ws_echo');
  const viaCookie = await openSocket(wsUrl('/api/v1/test/echo'), { headers: { Cookie: user.cookie, Origin: ORIGIN } });
  assert.deepEqual(viaCookie.hello, { hello: Number(user.id) });
  viaCookie.ws.send('안녕 식물');
  const text = await nextMessage(viaCookie.ws);
  assert.equal(text.data.toString(), '안녕 식물');
  assert.equal(text.binary, false);
  viaCookie.ws.send(Buffer.from([0, 1, 2, 255]));
  const binary = await nextMessage(viaCookie.ws);
  assert.equal(binary.binary, true);
  assert.deepEqual([...binary.data], [0, 1, 2, 255]);
  // A message over the route's 64 KiB: closed with 1009.
  const tooBig = closed(viaCookie.ws);
  viaCookie.ws.send('x'.repeat(100 * 1024));
  assert.equal((await tooBig).code, 1009);

  const viaTicket = await openSocket(wsUrl(`/api/v1/test/echo?ticket=${await ticket(server, user)}`));
  viaTicket.ws.send('ping?');
  assert.equal((await nextMessage(viaTicket.ws)).data.toString(), 'ping?');
  const bye = closed(viaTicket.ws);
  viaTicket.ws.send('close');
  assert.deepEqual(await bye, { code: 1000, reason: 'bye' });

  // Cross-site WebSocket hijacking: a page elsewhere, the browser adding the cookie.
  await assert.rejects(openSocket(wsUrl('/api/v1/test/echo'), { headers: { Cookie: user.cookie, Origin: 'http://evil.example' } }),
    (e) => e.status === 403 && JSON.parse(e.body).code === 'auth.origin_refused');
  await assert.rejects(openSocket(wsUrl('/api/v1/test/echo')), (e) => e.status === 401);

  const text2 = await waitForMetric(server, /sikgu_websocket_messages_total\{direction="in",route="\/api\/v1\/test\/echo"\} [4-9]/);
  assert.match(text2, /sikgu_websocket_sessions\{route="\/api\/v1\/test\/echo"\} 0/);
  assert.match(text2, /sikgu_live_connections_refused_total\{code="auth.origin_refused",kind="websocket",route="\/api\/v1\/test\/echo"\} 1/);
});

test('a WebSocket whose session is revoked is closed with 1008 within the re-check interval', { timeout: 20_000 }, async () => {
  const user = await createUser(server, 'ws_revoked');
  const { ws } = await openSocket(wsUrl(`/api/v1/test/echo?ticket=${await ticket(server, user)}`));
  const done = closed(ws);
  const changed = await fetch(`${server.base}/api/v1/me/password`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${user.accessToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ current_password: 'garden123', new_password: 'garden456' }),
  });
  assert.equal(changed.status, 200);
  const changedAt = Date.now();
  assert.deepEqual(await done, { code: 1008, reason: 'auth.token_revoked' });
  assert.ok(Date.now() - changedAt < 3000, 'core.http.live_recheck_seconds is 1 here');
});

test('a WebSocket client that stops reading while the server floods is cut off, and the server memory stays bounded', { timeout: 60_000 }, async () => {
  const user = await createUser(server, 'ws_flood');
  // A client that reads keeps up with a moderate flood.
  const reader = await openSocket(wsUrl(`/api/v1/test/echo?ticket=${await ticket(server, user)}`));
  let received = 0;
  const all = new Promise((resolve) => reader.ws.on('message', () => { if (++received === 2000) resolve(); }));
  reader.ws.send('flood 2000 1024 4');
  await all;
  reader.ws.close();

  const rssBefore = await rssKiB(server.pid);
  const stalled = await openSocket(wsUrl(`/api/v1/test/echo?ticket=${await ticket(server, user)}`));
  const gone = closed(stalled.ws);
  stalled.ws.pause();  // stops reading from the socket: the kernel buffers fill, then the server's queue
  // 20 000 × 64 KiB = 1.25 GiB at about 256 MiB/s: far more than the server may hold for one client.
  const floodAt = Date.now();
  stalled.ws.send("flood 20000 65536 4");
  let peak = rssBefore;
  const sampler = setInterval(async () => { peak = Math.max(peak, await rssKiB(server.pid)); }, 50);
  const text = await waitForMetric(server, /sikgu_live_connections_ended_total\{kind="websocket",reason="too_slow",route="\/api\/v1\/test\/echo"\} 1/, 20_000);
  clearInterval(sampler);
  // Cut off by its queue's limit, long before a stuck write would time out (core.http.stream_write_timeout_seconds).
  assert.ok(Date.now() - floodAt < 5000, `cut off after ${Date.now() - floodAt} ms`);
  peak = Math.max(peak, await rssKiB(server.pid));
  assert.match(text, /sikgu_websocket_sessions\{route="\/api\/v1\/test\/echo"\} 0/);
  assert.ok(peak - rssBefore < 48 * 1024, `RSS grew by ${Math.round((peak - rssBefore) / 1024)} MiB (from ${Math.round(rssBefore / 1024)} MiB)`);
  stalled.ws.resume();
  const { code } = await gone;
  assert.equal(code, 1006, 'cut off without a closing handshake it would not have read');
  // The server goes on serving others.
  assert.equal((await fetch(`${server.base}/healthz`)).status, 200);
});

test('SIGTERM: every WebSocket gets 1001, every SSE stream its last event and end, and the process exits within the grace time', { timeout: 60_000 }, async () => {
  const own = await startServer();
  try {
    const user = await createUser(own, 'drainer');
    const sockets = [];
    for (let i = 0; i < 3; i++) {
      sockets.push((await openSocket(`${own.base.replace('http', 'ws')}/api/v1/test/echo?ticket=${await ticket(own, user)}`)).ws);
    }
    sockets.push((await openSocket(`${own.base.replace('http', 'ws')}/api/v1/test/echo`, { headers: { Cookie: user.cookie, Origin: ORIGIN } })).ws);
    const closes = sockets.map(closed);
    const streams = [];
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${own.base}/api/v1/test/events?interval_ms=100`, { headers: { Cookie: user.cookie } });
      assert.equal(res.status, 200);
      streams.push((async () => {
        let body = '';
        for await (const chunk of res.body) body += new TextDecoder().decode(chunk);
        return body;  // the loop ends when the server ends the stream
      })());
    }
    await waitForMetric(own, /sikgu_http_streams\{route="\/api\/v1\/test\/events"\} 2/);
    const signalled = Date.now();
    own.child.kill('SIGTERM');
    const codes = await Promise.all(closes);
    for (const c of codes) assert.equal(c.code, 1001, JSON.stringify(codes));
    assert.equal(codes[0].reason, 'server shutting down');
    for (const body of await Promise.all(streams)) assert.match(body, /event: bye\ndata: shutdown\n\n$/);
    const { code } = await own.exited;
    const took = Date.now() - signalled;
    assert.equal(code, 0);
    assert.ok(took < GRACE_SECONDS * 1000, `exited after ${took} ms`);
    assert.match(own.logs(), /"event":"live_closed".*"kind":"websocket","reason":"shutdown"/);
  } finally {
    await own.stop();
  }
});

test('metrics name every stream and WebSocket route that was used', async () => {
  const text = await metrics(server);
  assert.match(text, /sikgu_http_streams\{route="\/api\/v1\/test\/events"\} \d/);
  assert.match(text, /sikgu_live_connections_ended_total\{kind="stream",reason="client_gone",route="\/api\/v1\/test\/events"\} \d/);
  assert.match(text, /sikgu_http_open_connections \d/);
});
