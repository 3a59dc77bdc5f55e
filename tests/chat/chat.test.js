// Chat end to end over the wire: rooms over HTTP, messages, read marks, presence and typing over STOMP 1.2 on
// WebSocket with the standard client (@stomp/stompjs, which the web app uses) and with raw frames for what a
// well-behaved client never sends; listing events closing rooms; notifications for absent recipients; and
// kill -9 during a chat load.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@stomp/stompjs';
import WebSocket from 'ws';
import { createUser, sleep, startServer, waitForMetric } from '../streams/server.js';
import { png } from '../support/png.js';

const HEARTBEAT_MS = 300;  // chat.heartbeat_ms here, so a silent client is dropped within about a second
// Under tests/support/with_postgres.sh every service runs on its own PostgreSQL database instead of SQLite.
const POSTGRES = process.env.SIKGU_TEST_POSTGRES_TEMPLATE
  ? { SIKGU_CORE__SQL__ENGINE: 'postgres', SIKGU_CORE__SQL__POSTGRES_URL: process.env.SIKGU_TEST_POSTGRES_TEMPLATE }
  : {};
const ENV = { SIKGU_CHAT__HEARTBEAT_MS: String(HEARTBEAT_MS), ...POSTGRES };

let server;
let seller;
let buyer;
let other;
before(async () => {
  server = await startServer(ENV);
  [seller, buyer, other] = await Promise.all([createUser(server, 'seller1'), createUser(server, 'buyer1'), createUser(server, 'other1')]);
});
after(async () => { await server?.stop(); });

// ------------------------------------------------------------------ helpers

async function api(srv, user, method, target, body) {
  const res = await fetch(`${srv.base}${target}`, {
    method,
    headers: { ...(user ? { Authorization: `Bearer ${user.accessToken}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  return { status: res.status, json, text };
}

let imageSeed = 1;
/** A fresh picture each time (distinct bytes, so no two uploads share their files). */
async function uploadPhoto(srv, user) {
  const form = new FormData();
  form.append('files', new Blob([png(32, 24, (imageSeed++ * 2654435761) >>> 0)], { type: 'image/png' }), 'leaf.png');
  const upload = await fetch(`${srv.base}/api/v1/photos`, { method: 'POST', headers: { Authorization: `Bearer ${user.accessToken}` }, body: form });
  assert.equal(upload.status, 201, await upload.clone().text());
  return (await upload.json()).items[0];
}

async function createListing(srv, user, title) {
  const photo = (await uploadPhoto(srv, user)).id;
  const created = await api(srv, user, 'POST', '/api/v1/market/listings', {
    title, description: '잎이 건강합니다', price: 15000, category: 'plant', photo_ids: [photo], trade_area: '망원동',
  });
  assert.equal(created.status, 201, created.text);
  return created.json.id;
}

async function openRoom(srv, user, listingId) {
  const r = await api(srv, user, 'POST', '/api/v1/chat/rooms', { listing_id: listingId });
  assert.ok(r.status === 201 || r.status === 200, r.text);
  return r.json;
}

const wsUrl = (srv) => `${srv.base.replace('http', 'ws')}/ws`;

/** A connected @stomp/stompjs client; `frames` keeps every MESSAGE body by destination. */
async function connect(srv, user, { heartbeat = HEARTBEAT_MS } = {}) {
  const received = [];
  const errors = [];
  let closedResolve;
  const closed = new Promise((resolve) => { closedResolve = resolve; });
  const client = new Client({
    // The subprotocols @stomp/stompjs offers by itself; `ws`, like a browser, fails a handshake answering none.
    webSocketFactory: () => new WebSocket(wsUrl(srv), ['v10.stomp', 'v11.stomp', 'v12.stomp']),
    connectHeaders: { Authorization: `Bearer ${user.accessToken}` },
    heartbeatIncoming: heartbeat,
    heartbeatOutgoing: heartbeat,
    reconnectDelay: 0,
    onStompError: (frame) => errors.push(frame),
    onWebSocketClose: (event) => closedResolve(event),
  });
  const connected = new Promise((resolve, reject) => {
    client.onConnect = resolve;
    setTimeout(() => reject(new Error(`no CONNECTED: ${errors.map((e) => e.headers.message).join(', ')}`)), 5000);
  });
  client.activate();
  await connected;
  return {
    client, received, errors, closed,
    subscribe(destination) {
      return new Promise((resolve) => {
        const receipt = `sub-${Math.random()}`;
        client.watchForReceipt(receipt, resolve);
        client.subscribe(destination, (m) => received.push({ destination, body: JSON.parse(m.body), headers: m.headers }), { receipt });
      });
    },
    /** Sends and resolves with the RECEIPT (after the message is stored). */
    send(destination, body, headers = {}) {
      return new Promise((resolve) => {
        const receipt = `r-${Math.random()}`;
        client.watchForReceipt(receipt, resolve);
        client.publish({ destination, body: JSON.stringify(body), headers: { ...headers, receipt, 'content-type': 'application/json' } });
      });
    },
    async waitFor(predicate, what, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = received.find(predicate);
        if (found) return found;
        await sleep(10);
      }
      throw new Error(`not received: ${what}\n${JSON.stringify(received.map((r) => r.body)).slice(0, 2000)}`);
    },
    stop: () => client.deactivate(),
  };
}

/** A raw WebSocket speaking frames by hand. `frames` collects what the server sends (split at NUL). */
function raw(srv) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl(srv));
    const frames = [];
    let buffer = '';
    ws.on('message', (data) => {
      buffer += data.toString();
      let at;
      while ((at = buffer.indexOf('\0')) >= 0) {
        frames.push(buffer.slice(0, at).replace(/^\n+/, ''));
        buffer = buffer.slice(at + 1);
      }
    });
    const closed = new Promise((res) => ws.once('close', (code) => res(code)));
    ws.once('open', () => resolve({ ws, frames, closed, send: (text) => ws.send(text) }));
    ws.once('error', reject);
  });
}
const frame = (command, headers = {}, body = '') =>
  `${command}\n${Object.entries(headers).map(([k, v]) => `${k}:${v}`).join('\n')}\n\n${body}\0`;
const connectFrame = (token, extra = {}) => frame('CONNECT', { 'accept-version': '1.2', host: 'sikgu', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...extra });

/** Sends `frames` on a raw connection: the server answers an ERROR matching `expected` and ends it. */
async function expectRefused(frames, expected, what) {
  const c = await raw(server);
  for (const f of frames) c.send(f);
  const code = await Promise.race([c.closed, sleep(3000).then(() => 'open')]);
  assert.notEqual(code, 'open', `${what}: the connection ends`);
  const error = c.frames.find((f) => f.startsWith('ERROR'));
  assert.ok(error, `${what}: an ERROR frame (${c.frames.join(' | ')})`);
  assert.match(error, expected, what);
}

async function until(predicate, what, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await predicate()) return;
    await sleep(20);
  }
  throw new Error(`timed out: ${what}`);
}

async function history(srv, user, roomId, query = '') {
  const r = await api(srv, user, 'GET', `/api/v1/chat/rooms/${roomId}/messages${query}`);
  assert.equal(r.status, 200, r.text);
  return r.json;
}

// ------------------------------------------------------------------ rooms over HTTP

test('a buyer opens one room per listing; never for their own, a sold or a missing listing', async () => {
  const listing = await createListing(server, seller, '몬스테라 알보 분양');
  const room = await openRoom(server, buyer, listing);
  assert.equal(room.role, 'buyer');
  assert.equal(room.listing.title, '몬스테라 알보 분양');
  assert.equal(room.listing.price, 15000);
  assert.match(room.listing.thumbnail_url, /^\/media\//);
  assert.equal(room.other.id, seller.id);
  assert.equal(room.other.nickname, '닉seller1');
  const again = await api(server, buyer, 'POST', '/api/v1/chat/rooms', { listing_id: listing });
  assert.equal(again.status, 200);
  assert.equal(again.json.id, room.id);

  assert.equal((await api(server, seller, 'POST', '/api/v1/chat/rooms', { listing_id: listing })).json.code, 'chat.own_listing');
  assert.equal((await api(server, buyer, 'POST', '/api/v1/chat/rooms', { listing_id: '999999' })).json.code, 'chat.listing_not_found');
  assert.equal((await api(server, buyer, 'POST', '/api/v1/chat/rooms', { listing_id: 5 })).status, 422);
  assert.equal((await api(server, buyer, 'POST', '/api/v1/chat/rooms', {})).status, 422);
  assert.equal((await api(server, null, 'POST', '/api/v1/chat/rooms', { listing_id: listing })).status, 401);

  // The seller sees the room among the listing's; the market learned the buyer as a chat partner.
  const rooms = await api(server, seller, 'GET', `/api/v1/chat/rooms?listing_id=${listing}`);
  assert.deepEqual(rooms.json.items.map((r) => r.id), [room.id]);
  assert.equal(rooms.json.items[0].role, 'seller');
  assert.equal(rooms.json.items[0].other.nickname, '닉buyer1');
  await until(async () => (await api(server, seller, 'GET', `/api/v1/market/listings/${listing}/chat-partners`)).json?.items?.length === 1,
    'market learns the chat partner');
  // Someone else neither sees nor reads it.
  assert.equal((await api(server, other, 'GET', `/api/v1/chat/rooms/${room.id}`)).status, 404);
  assert.equal((await api(server, other, 'GET', `/api/v1/chat/rooms/${room.id}/messages`)).status, 404);
  assert.deepEqual((await api(server, other, 'GET', '/api/v1/chat/rooms')).json.items, []);
});

// ------------------------------------------------------------------ STOMP

test('messages: stored before the RECEIPT, delivered live to both, a resend is idempotent, history pages by seq', async () => {
  const listing = await createListing(server, seller, '필로덴드론 버킨');
  const room = await openRoom(server, buyer, listing);
  const b = await connect(server, buyer);
  const s = await connect(server, seller);
  try {
    assert.equal(b.client.webSocket.protocol, 'v12.stomp');
    await b.subscribe(`/topic/rooms/${room.id}`);
    await s.subscribe(`/topic/rooms/${room.id}`);
    const receipt = await b.send(`/app/rooms/${room.id}/messages`, { text: '안녕하세요, 아직 있나요?' }, { 'client-message-id': 'm-1' });
    assert.equal(receipt.headers.seq, '1');
    // Stored by the time the RECEIPT came.
    const stored = await history(server, buyer, room.id, '?after=0');
    assert.deepEqual(stored.items.map((m) => [m.seq, m.body, m.sender_id, m.client_id]), [[1, '안녕하세요, 아직 있나요?', buyer.id, 'm-1']]);
    const live = await s.waitFor((r) => r.body.type === 'message' && r.body.message.seq === 1, 'the seller gets it');
    assert.equal(live.body.message.body, '안녕하세요, 아직 있나요?');

    // The same client id again: the original, nothing new.
    const resent = await b.send(`/app/rooms/${room.id}/messages`, { text: '안녕하세요, 아직 있나요?' }, { 'client-message-id': 'm-1' });
    assert.equal(resent.headers.seq, '1');
    for (let i = 2; i <= 6; i++) await s.send(`/app/rooms/${room.id}/messages`, { text: `답장 ${i}` }, { 'client-message-id': `s-${i}` });
    const all = await history(server, seller, room.id, '?after=0');
    assert.deepEqual(all.items.map((m) => m.seq), [1, 2, 3, 4, 5, 6]);
    const older = await history(server, seller, room.id, '?before=4&limit=2');
    assert.deepEqual(older.items.map((m) => m.seq), [3, 2]);
    assert.equal(older.more, true);
    await b.waitFor((r) => r.body.type === 'message' && r.body.message.seq === 6, 'the buyer gets the replies');
    assert.deepEqual(b.received.filter((r) => r.body.type === 'message').map((r) => r.body.message.seq).sort((x, y) => x - y), [1, 2, 3, 4, 5, 6]);
  } finally {
    await b.stop();
    await s.stop();
  }
});

test('photo messages: only one\'s own upload that no listing or other room holds; the room then holds it', async () => {
  const listing = await createListing(server, seller, '아글라오네마 레드');
  const room = await openRoom(server, buyer, listing);
  const b = await connect(server, buyer);
  const s = await connect(server, seller);
  try {
    await b.subscribe(`/topic/rooms/${room.id}`);
    await s.subscribe(`/topic/rooms/${room.id}`);
    const photo = await uploadPhoto(server, buyer);
    const receipt = await b.send(`/app/rooms/${room.id}/messages`, { photo_id: photo.id }, { 'client-message-id': 'ph-1' });
    assert.equal(receipt.headers.seq, '1');
    const [stored] = (await history(server, seller, room.id, '?after=0')).items;
    assert.equal(stored.kind, 'photo');
    assert.equal(stored.photo_url, photo.large_url);
    const live = await s.waitFor((r) => r.body.type === 'message' && r.body.message.seq === 1, 'the seller sees the photo');
    assert.equal(live.body.message.photo_url, photo.large_url);
    const served = await fetch(`${server.base}${stored.photo_url}`);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), 'image/webp');
    // A resend of the same client id is the original, even with another photo.
    const again = await b.send(`/app/rooms/${room.id}/messages`, { photo_id: (await uploadPhoto(server, buyer)).id }, { 'client-message-id': 'ph-1' });
    assert.equal(again.headers.seq, '1');

    // Media learns that the room holds it: its owner can no longer delete it or put it in a listing.
    await waitForMetric(server, /sikgu_bus_handled_total\{[^}]*consumer="media:chat\.photo\.sent"[^}]*\} [1-9]/);
    const deleted = await api(server, buyer, 'DELETE', `/api/v1/photos/${photo.id}`);
    assert.equal(deleted.status, 409, deleted.text);
    assert.equal(deleted.json.code, 'media.photo_attached');
    const reused = await api(server, buyer, 'POST', '/api/v1/market/listings', {
      title: '채팅 사진 재사용', description: '설명', price: 1000, category: 'plant', photo_ids: [photo.id], trade_area: '합정동',
    });
    assert.equal(reused.status, 422, reused.text);
    assert.equal(reused.json.errors[0].code, 'market.photo_in_use');

    // Over HTTP too; exactly one of text and photo.
    const viaHttp = await api(server, seller, 'POST', `/api/v1/chat/rooms/${room.id}/messages`,
      { photo_id: (await uploadPhoto(server, seller)).id, client_id: 'ph-http' });
    assert.equal(viaHttp.status, 201, viaHttp.text);
    assert.equal(viaHttp.json.kind, 'photo');
    const both = await api(server, seller, 'POST', `/api/v1/chat/rooms/${room.id}/messages`,
      { text: '둘 다', photo_id: (await uploadPhoto(server, seller)).id, client_id: 'ph-both' });
    assert.equal(both.status, 422, both.text);
  } finally {
    await b.stop();
    await s.stop();
  }

  // Someone else's photo, a listing's photo, an unknown id, a malformed one: refused, nothing stored.
  const listingPhoto = (await api(server, seller, 'GET', `/api/v1/market/listings/${listing}`)).json.photos[0].id;
  const strangers = await uploadPhoto(server, other);
  const refusals = [
    ['someone else\'s photo', buyer, { photo_id: strangers.id }, /chat\.photo_not_found/],
    ['a listing\'s photo', seller, { photo_id: listingPhoto }, /chat\.photo_in_use/],
    ['an unknown photo', buyer, { photo_id: '987654321' }, /chat\.photo_not_found/],
    ['a number, not an id string', buyer, { photo_id: 5 }, /bad message/],
    ['text and photo', buyer, { text: 'x', photo_id: strangers.id }, /bad message/],
  ];
  for (const [what, user, body, expected] of refusals) {
    const send = frame('SEND', { destination: `/app/rooms/${room.id}/messages`, 'client-message-id': `bad-${Math.random()}` }, JSON.stringify(body));
    await expectRefused([connectFrame(user.accessToken), send], expected, what);
  }
  assert.deepEqual((await history(server, buyer, room.id, '?after=0')).items.map((m) => m.seq), [1, 2], 'nothing more stored');
});

test('read marks and unread counts: live 읽음 for the sender, per-room counts on the user queue and in the room list', async () => {
  const listing = await createListing(server, seller, '칼라데아 오르비폴리아');
  const room = await openRoom(server, buyer, listing);
  const b = await connect(server, buyer);
  const s = await connect(server, seller);
  try {
    await b.subscribe(`/topic/rooms/${room.id}`);
    await s.subscribe('/user/queue/chat.unread');
    await b.send(`/app/rooms/${room.id}/messages`, { text: '하나' }, { 'client-message-id': 'u-1' });
    await b.send(`/app/rooms/${room.id}/messages`, { text: '둘' }, { 'client-message-id': 'u-2' });
    await s.waitFor((r) => r.destination === '/user/queue/chat.unread' && r.body.room_id === room.id && r.body.unread === 2, 'unread 2');
    const list = await api(server, seller, 'GET', '/api/v1/chat/rooms');
    const mine = list.json.items.find((r) => r.id === room.id);
    assert.equal(mine.unread, 2);
    assert.equal(mine.last_message.body, '둘');

    await s.send(`/app/rooms/${room.id}/read`, { seq: 2 });
    const read = await b.waitFor((r) => r.body.type === 'read' && r.body.user_id === seller.id, '읽음 for the buyer');
    assert.equal(read.body.seq, 2);
    await s.waitFor((r) => r.destination === '/user/queue/chat.unread' && r.body.unread === 0, 'unread 0 for the seller');
    assert.equal((await api(server, seller, 'GET', `/api/v1/chat/rooms/${room.id}`)).json.unread, 0);
    assert.equal((await api(server, buyer, 'GET', `/api/v1/chat/rooms/${room.id}`)).json.other_read_seq, 2);
    // A watermark never goes back, and never past the last message.
    assert.equal((await api(server, seller, 'PUT', `/api/v1/chat/rooms/${room.id}/read`, { seq: 1 })).json.read_seq, 2);
    assert.equal((await api(server, seller, 'PUT', `/api/v1/chat/rooms/${room.id}/read`, { seq: 99 })).json.read_seq, 2);
    assert.equal((await api(server, other, 'PUT', `/api/v1/chat/rooms/${room.id}/read`, { seq: 2 })).status, 404);
  } finally {
    await b.stop();
    await s.stop();
  }
});

test('presence and typing: a recipient reading the room gets no notification, an absent one does; silence ends presence', async () => {
  const listing = await createListing(server, seller, '스킨답서스 대품');
  const room = await openRoom(server, buyer, listing);
  const notificationsOf = async (user) => (await api(server, user, 'GET', '/api/v1/notifications')).json.items.filter((n) => n.type === 'chat');
  const before = (await notificationsOf(seller)).length;

  const s = await connect(server, seller);
  const b = await connect(server, buyer);
  try {
    await b.subscribe(`/topic/rooms/${room.id}`);
    await s.subscribe(`/topic/rooms/${room.id}`);
    assert.deepEqual((await api(server, buyer, 'GET', `/api/v1/chat/rooms/${room.id}`)).json.present.sort(), [buyer.id, seller.id].sort());
    await b.send(`/app/rooms/${room.id}/typing`, {});
    await s.waitFor((r) => r.body.type === 'typing' && r.body.user_id === buyer.id, 'typing');
    assert.ok(!b.received.some((r) => r.body.type === 'typing'), 'no echo of one\'s own typing');

    await b.send(`/app/rooms/${room.id}/messages`, { text: '보고 계시죠?' }, { 'client-message-id': 'p-1' });
    await b.waitFor((r) => r.body.type === 'read' && r.body.user_id === seller.id && r.body.seq === 1, 'read at once: the seller is in the room');
    await sleep(300);
    assert.equal((await notificationsOf(seller)).length, before, 'no notification for someone reading the room');
  } finally {
    await s.stop();
  }
  try {
    await b.waitFor((r) => r.body.type === 'presence' && r.body.user_id === seller.id && r.body.present === false, 'the seller left');
    await b.send(`/app/rooms/${room.id}/messages`, { text: '가셨나요?' }, { 'client-message-id': 'p-2' });
    await until(async () => (await notificationsOf(seller)).length === before + 1, 'a chat notification for the absent seller');
    const [n] = await notificationsOf(seller);
    assert.equal(n.link, `/chat/${room.id}`);
    assert.equal(n.detail, '가셨나요?');
    assert.equal(n.subject, '닉buyer1');
  } finally {
    await b.stop();
  }

  // A client that goes silent (no heart-beats, socket left open) is dropped and stops being present.
  const watcher = await connect(server, buyer);
  const silent = await raw(server);
  try {
    await watcher.subscribe(`/topic/rooms/${room.id}`);
    silent.send(connectFrame(seller.accessToken, { 'heart-beat': `${HEARTBEAT_MS},${HEARTBEAT_MS}` }));
    silent.send(frame('SUBSCRIBE', { id: 's1', destination: `/topic/rooms/${room.id}` }));
    await watcher.waitFor((r) => r.body.type === 'presence' && r.body.user_id === seller.id && r.body.present === true, 'silent one arrives');
    const started = Date.now();
    await watcher.waitFor((r) => r.body.type === 'presence' && r.body.user_id === seller.id && r.body.present === false &&
      Date.now() - started > 0, 'silent one is dropped', 5000);
    assert.ok(Date.now() - started < 3000, `dropped after ${Date.now() - started} ms`);
    assert.ok(silent.frames.some((f) => f.startsWith('ERROR') && f.includes('heart-beat')), silent.frames.join('|'));
  } finally {
    silent.ws.terminate();
    await watcher.stop();
  }
});

test('CONNECT without or with a forged token, a stranger\'s room, bad frames and garbage: ERROR or close, nothing stored', async () => {
  const listing = await createListing(server, seller, '알로카시아 프라이덱');
  const room = await openRoom(server, buyer, listing);
  const cases = [
    ['no token', [connectFrame(null)], /unauthenticated/],
    ['forged token', [connectFrame('abc.def.ghi')], /token invalid/],
    ['an old version', [frame('CONNECT', { 'accept-version': '1.0', Authorization: `Bearer ${buyer.accessToken}` })], /version/],
    ['SEND before CONNECT', [frame('SEND', { destination: `/app/rooms/${room.id}/messages`, 'client-message-id': 'x' }, '{"text":"hi"}')], /not connected/],
    ['someone else\'s room', [connectFrame(other.accessToken), frame('SUBSCRIBE', { id: '1', destination: `/topic/rooms/${room.id}` })], /forbidden/],
    ['sending to someone else\'s room', [connectFrame(other.accessToken),
      frame('SEND', { destination: `/app/rooms/${room.id}/messages`, 'client-message-id': 'x1' }, '{"text":"끼어들기"}')], /forbidden/],
    ['a message without a client id', [connectFrame(buyer.accessToken), frame('SEND', { destination: `/app/rooms/${room.id}/messages` }, '{"text":"hi"}')], /bad message/],
    ['a too long message', [connectFrame(buyer.accessToken),
      frame('SEND', { destination: `/app/rooms/${room.id}/messages`, 'client-message-id': 'x2' }, JSON.stringify({ text: '가'.repeat(1001) }))], /bad message/],
    ['a body that is not JSON', [connectFrame(buyer.accessToken), frame('SEND', { destination: `/app/rooms/${room.id}/messages`, 'client-message-id': 'x3' }, 'hello')], /bad body/],
    ['an unknown destination', [connectFrame(buyer.accessToken), frame('SUBSCRIBE', { id: '1', destination: '/topic/everything' })], /unknown destination/],
    ['a bad escape', [connectFrame(buyer.accessToken), 'SEND\ndestination:/app/rooms/1/messages\\x\n\n\0'], /malformed/],
    ['binary garbage', ['\x00\xff\xfe garbage \x01\x02'], /malformed|not connected/],
  ];
  for (const [what, frames, expected] of cases) await expectRefused(frames, expected, what);
  // An oversized frame ends the connection too.
  const big = await raw(server);
  big.send(connectFrame(buyer.accessToken));
  big.send(frame('SEND', { destination: `/app/rooms/${room.id}/messages`, 'client-message-id': 'big' }, JSON.stringify({ text: 'x'.repeat(200_000) })));
  assert.notEqual(await Promise.race([big.closed, sleep(3000).then(() => 'open')]), 'open');

  assert.deepEqual((await history(server, buyer, room.id, '?after=0')).items, [], 'nothing stored');
  assert.equal((await fetch(`${server.base}/healthz`)).status, 200);
  // A good client still works after all that.
  const fine = await connect(server, buyer);
  await fine.subscribe(`/topic/rooms/${room.id}`);
  await fine.send(`/app/rooms/${room.id}/messages`, { text: '정상' }, { 'client-message-id': 'ok-1' });
  await fine.stop();
  assert.equal((await history(server, buyer, room.id, '?after=0')).items.length, 1);
});

test('concurrent sends: one stored message per client id, and a room numbered 1..n without gaps or repeats', { timeout: 60_000 }, async () => {
  const listing = await createListing(server, seller, '동시성 화분');
  const room = await openRoom(server, buyer, listing);
  const post = (user, text, clientId) =>
    api(server, user, 'POST', `/api/v1/chat/rooms/${room.id}/messages`, { text, client_id: clientId });
  // The same message resent 40 times at once (a flaky network): stored once, every answer names it.
  const resends = await Promise.all(Array.from({ length: 40 }, () => post(buyer, '한 번만', 'same-id')));
  assert.deepEqual([...new Set(resends.map((r) => r.status))].sort(), [200, 201], resends.map((r) => r.text).join('\n').slice(0, 500));
  assert.equal(resends.filter((r) => r.status === 201).length, 1);
  assert.deepEqual([...new Set(resends.map((r) => r.json.seq))], [1]);
  // 600 messages from both members, 64 in flight at a time (one address may hold 256 connections).
  const sends = new Array(600);
  let next = 0;
  await Promise.all(Array.from({ length: 64 }, async () => {
    for (let i = next++; i < 600; i = next++) sends[i] = await post(i % 2 ? seller : buyer, `동시 ${i}`, `c-${i}`);
  }));
  assert.ok(sends.every((r) => r.status === 201), sends.filter((r) => r.status !== 201).map((r) => r.text).join('\n').slice(0, 500));
  const stored = [];
  for (let after = 0; ;) {
    const page = await history(server, buyer, room.id, `?after=${after}&limit=200`);
    stored.push(...page.items);
    if (!page.more) break;
    after = page.items.at(-1).seq;
  }
  assert.deepEqual(stored.map((m) => m.seq), Array.from({ length: 601 }, (_, k) => k + 1));
  assert.equal(new Set(stored.map((m) => m.client_id)).size, 601);
  const bySeq = new Map(sends.map((r) => [r.json.seq, r.json.client_id]));
  for (const m of stored.slice(1)) assert.equal(bySeq.get(m.seq), m.client_id, `seq ${m.seq} answered to its sender`);
});

test('a member who stops reading while the room is busy is cut off; the others and the history are unaffected', { timeout: 60_000 }, async () => {
  const listing = await createListing(server, seller, '느린 독자 화분');
  const room = await openRoom(server, buyer, listing);
  const stalled = await raw(server);
  stalled.send(connectFrame(buyer.accessToken));
  stalled.send(frame('SUBSCRIBE', { id: 's', destination: `/topic/rooms/${room.id}`, receipt: 'subscribed' }));
  await until(() => stalled.frames.some((f) => f.startsWith('RECEIPT')), 'subscribed');
  stalled.ws.pause();  // reads nothing more: the kernel buffers fill, then the server's queue (1 MiB)
  const s = await connect(server, seller);
  const text = '가'.repeat(1000);  // about 3 KB a message
  let sent = 0;
  while (sent < 1500) {
    await s.send(`/app/rooms/${room.id}/messages`, { text }, { 'client-message-id': `flood-${sent}` });
    sent += 1;
    if (sent % 100 === 0 && /reason="too_slow",route="\/ws"\} [1-9]/.test(await (await fetch(`${server.base}/metrics`)).text())) break;
  }
  await waitForMetric(server, /sikgu_live_connections_ended_total\{kind="websocket",reason="too_slow",route="\/ws"\} [1-9]/, 10_000);
  await s.stop();
  const stored = await history(server, seller, room.id, '?after=0&limit=1');
  assert.equal(stored.last_seq, sent, 'every message the seller sent is stored');
  stalled.ws.terminate();
  assert.equal((await fetch(`${server.base}/healthz`)).status, 200);
});

test('a STOMP connection ends when its session is revoked (a password change)', { timeout: 20_000 }, async () => {
  const user = await createUser(server, 'revoked1');
  const c = await connect(server, user);
  const changed = await api(server, user, 'POST', '/api/v1/me/password', { current_password: 'garden123', new_password: 'garden456!' });
  assert.equal(changed.status, 200, changed.text);
  const event = await Promise.race([c.closed, sleep(10_000).then(() => null)]);
  assert.ok(event, 'closed within the re-check interval');
  assert.ok(c.errors.some((e) => e.headers.message === 'session revoked'), JSON.stringify(c.errors.map((e) => e.headers)));
  await c.stop();
});

test('a reconnecting client gets every missed message exactly once, in order, by asking for what came after its last seq', async () => {
  const listing = await createListing(server, seller, '올리브나무 2m');
  const room = await openRoom(server, buyer, listing);
  const b = await connect(server, buyer);
  const s = await connect(server, seller);
  await b.subscribe(`/topic/rooms/${room.id}`);
  await s.subscribe(`/topic/rooms/${room.id}`);
  for (let i = 1; i <= 3; i++) await s.send(`/app/rooms/${room.id}/messages`, { text: `before ${i}` }, { 'client-message-id': `b-${i}` });
  await b.waitFor((r) => r.body.message?.seq === 3, 'seen up to 3');
  const lastSeen = Math.max(...b.received.filter((r) => r.body.type === 'message').map((r) => r.body.message.seq));
  await b.stop();  // the network goes away
  for (let i = 4; i <= 9; i++) await s.send(`/app/rooms/${room.id}/messages`, { text: `while away ${i}` }, { 'client-message-id': `a-${i}` });
  const back = await connect(server, buyer);
  await back.subscribe(`/topic/rooms/${room.id}`);  // live first, then the gap: nothing falls between
  await s.send(`/app/rooms/${room.id}/messages`, { text: 'after 10' }, { 'client-message-id': 'c-10' });
  const missed = await history(server, buyer, room.id, `?after=${lastSeen}`);
  await back.waitFor((r) => r.body.message?.seq === 10, 'live again');
  const seqs = new Map();
  for (const m of missed.items) seqs.set(m.seq, m.body);
  for (const r of back.received.filter((x) => x.body.type === 'message')) seqs.set(r.body.message.seq, r.body.message.body);
  assert.deepEqual([...seqs.keys()].sort((x, y) => x - y), [4, 5, 6, 7, 8, 9, 10]);
  assert.deepEqual(missed.items.map((m) => m.seq), [4, 5, 6, 7, 8, 9, 10]);
  await back.stop();
  await s.stop();
});

test('a listing marked 예약중 shows a notice; 거래완료 with this buyer closes the room: a notice, and no new messages', async () => {
  const listing = await createListing(server, seller, '몬스테라 델리시오사');
  const room = await openRoom(server, buyer, listing);
  const b = await connect(server, buyer);
  try {
    await b.subscribe(`/topic/rooms/${room.id}`);
    await b.send(`/app/rooms/${room.id}/messages`, { text: '예약 가능할까요?' }, { 'client-message-id': 'r-1' });
    assert.equal((await api(server, seller, 'PUT', `/api/v1/market/listings/${listing}/state`, { state: 'reserved' })).status, 200);
    const reserved = await b.waitFor((r) => r.body.message?.kind === 'system' && r.body.message.body === 'reserved', 'the 예약중 notice');
    assert.equal(reserved.body.room_closed, false);
    const sold = await api(server, seller, 'PUT', `/api/v1/market/listings/${listing}/state`, { state: 'sold', buyer_id: buyer.id });
    assert.equal(sold.status, 200, sold.text);
    const notice = await b.waitFor((r) => r.body.message?.kind === 'system' && r.body.message.body === 'sold', 'the 거래완료 notice');
    assert.equal(notice.body.room_closed, true);
    const after = await api(server, buyer, 'GET', `/api/v1/chat/rooms/${room.id}`);
    assert.equal(after.json.closed, true);
    assert.equal(after.json.listing.state, 'sold');
    assert.equal((await api(server, buyer, 'POST', `/api/v1/chat/rooms/${room.id}/messages`, { text: '감사합니다', client_id: 'h-1' })).json.code, 'chat.room_closed');
  } finally {
    await b.stop();
  }
  const late = await raw(server);
  late.send(connectFrame(buyer.accessToken));
  late.send(frame('SEND', { destination: `/app/rooms/${room.id}/messages`, 'client-message-id': 'late-1' }, '{"text":"늦은 메시지"}'));
  await late.closed;
  assert.ok(late.frames.some((f) => f.startsWith('ERROR') && f.includes('room closed')), late.frames.join('|'));
  const kept = await history(server, buyer, room.id, '?after=0');
  assert.deepEqual(kept.items.map((m) => [m.kind, m.body]), [['text', '예약 가능할까요?'], ['system', 'reserved'], ['system', 'sold']]);
  // No new room for a sold listing either.
  assert.equal((await api(server, other, 'POST', '/api/v1/chat/rooms', { listing_id: listing })).json.code, 'chat.listing_sold');
});

test('kill -9 during a chat load: every RECEIPTed message is in the history after restart, numbered without repeats', { timeout: 90_000 }, async () => {
  // The shared server goes first: on PostgreSQL the two would otherwise be two instances of every service.
  await server.stop();
  server = null;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sikgu-chat-kill-'));
  let srv = await startServer(ENV, { dataDir });
  try {
    const sellerK = await createUser(srv, 'sellerk');
    const buyers = await Promise.all([1, 2, 3, 4].map((i) => createUser(srv, `buyerk${i}`)));
    const listing = await createListing(srv, sellerK, '킬 테스트 화분');
    const rooms = await Promise.all(buyers.map((b) => openRoom(srv, b, listing)));
    const clients = await Promise.all(buyers.map((b) => connect(srv, b)));
    const acknowledged = [];
    let stop = false;
    const loads = clients.map(async (c, i) => {
      for (let n = 0; !stop; n++) {
        try {
          const receipt = await Promise.race([
            c.send(`/app/rooms/${rooms[i].id}/messages`, { text: `load ${n}` }, { 'client-message-id': `k-${i}-${n}` }),
            sleep(2000).then(() => null),
          ]);
          if (!receipt) return;
          acknowledged.push({ room: rooms[i].id, clientId: `k-${i}-${n}`, seq: Number(receipt.headers.seq) });
        } catch { return; }
      }
    });
    await sleep(1500);
    srv.child.kill('SIGKILL');
    await srv.exited;
    stop = true;
    await Promise.all(loads);
    for (const c of clients) c.stop().catch(() => {});
    assert.ok(acknowledged.length > 50, `only ${acknowledged.length} acknowledged before the kill`);

    srv = await startServer(ENV, { dataDir });
    for (let i = 0; i < buyers.length; i++) {
      // Tokens survive a restart (same secret in the data dir).
      const stored = [];
      for (let after = 0; ;) {
        const page = await history(srv, buyers[i], rooms[i].id, `?after=${after}&limit=200`);
        stored.push(...page.items);
        if (!page.more) break;
        after = page.items.at(-1).seq;
      }
      const seqs = stored.map((m) => m.seq);
      assert.deepEqual(seqs, [...new Set(seqs)], 'no repeated seq');
      assert.deepEqual(seqs, seqs.map((_, k) => k + 1), 'numbered 1..n');
      const byClient = new Map(stored.map((m) => [m.client_id, m.seq]));
      for (const a of acknowledged.filter((x) => x.room === rooms[i].id)) {
        assert.equal(byClient.get(a.clientId), a.seq, `acknowledged ${a.clientId} is stored with its seq`);
      }
    }
  } finally {
    await srv.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});
