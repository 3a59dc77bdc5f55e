// Chat (채팅) in a real browser, with two accounts, live over STOMP at /ws:
// the seller posts a listing (a photo drawn on a canvas in the page) → the buyer opens it and clicks 채팅하기 →
// the buyer's first message reaches the seller, who is on another page, as a notification (the bell's badge and
// GET /api/v1/notifications) and as the 채팅 badge → the seller opens the room from the list and the buyer's
// message shows 읽음 → typing and replies arrive live both ways → the buyer's connection drops while the seller
// writes (and the buyer's own message, sent over HTTP meanwhile, loses its answer and is resent under the same
// client id), and after the reconnect every message is there once, in order → the seller marks the listing 거래완료
// with this buyer → both rooms show the notice, the composers are off, and no SEND leaves the buyer's page.
// axe-core checks the list and the room at 390 px (seller) and 1280 px (buyer). Then a sold listing for someone
// without a room, a visitor sent to log in, the seller's rooms of one listing, and a 60-message room whose earlier
// part 이전 대화 보기 puts above without moving what the reader sees.
//
// Needs a server with the chat, market, media and notify modules; against one without chat the file is skipped.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  DESKTOP,
  PHONE,
  apiCall,
  apiLogin,
  assertAccessible,
  createVerifiedUser,
  loginViaUi,
  newGuardedContext,
  startServerAndBrowser,
  uniqueUser,
} from './helpers.js';
import { png } from '../support/png.js';

let server;
let browser;
let base;
let seller;
let buyer;
let available = false;

before(async () => {
  ({ server, browser } = await startServerAndBrowser());
  base = server.baseUrl;
  const [chat, market] = await Promise.all([
    fetch(`${base}/api/v1/chat/rooms`),
    fetch(`${base}/api/v1/market/listings?limit=1`),
  ]);
  await Promise.all([chat.arrayBuffer(), market.arrayBuffer()]);
  // Without a session the chat module answers 401; a server without it has no such route.
  available = chat.status === 401 && market.status === 200;
  if (!available) return;
  [seller, buyer] = await Promise.all([
    createVerifiedUser(base, uniqueUser('cs')),
    createVerifiedUser(base, uniqueUser('cb')),
  ]);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const api = (token, method, path, body) => apiCall(base, token, method, path, body);
const apiLoginAt = (user) => apiLogin(base, user);

/** A real JPEG drawn on a canvas in the page (as market.test.js does). */
async function makeImage(page) {
  const jpeg = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 480;
    c.height = 360;
    const g = c.getContext('2d');
    g.fillStyle = '#3f8f4f';
    g.fillRect(0, 0, 480, 360);
    g.fillStyle = '#ffffff';
    g.beginPath();
    g.arc(240, 180, 90, 0, Math.PI * 2);
    g.fill();
    return c.toDataURL('image/jpeg', 0.9).split(',')[1];
  });
  return { name: 'monstera.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(jpeg, 'base64') };
}

/** The seqs of the messages a page shows, in the order shown. */
const shownSeqs = (page) =>
  page.getByTestId('chat-message').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-seq'))));

/** A message bubble with this text, mine or the other party's. */
const bubble = (page, text, mine) =>
  page.locator(`[data-testid="chat-message"]${mine ? '[data-mine]' : ':not([data-mine])'}`).filter({ hasText: text });

describe('chat', { timeout: 180_000 }, () => {
  test('채팅하기 → live messages, 읽음, typing, a reconnect without gaps, 거래완료 closes the room', async (t) => {
    if (!available) {
      t.skip('this server has no chat module (GET /api/v1/chat/rooms did not answer 401)');
      return;
    }
    const sellerCtx = await newGuardedContext(browser, { viewport: PHONE });
    const buyerCtx = await newGuardedContext(browser, { viewport: DESKTOP });

    // The buyer's WebSocket goes through a relay the test can cut, and every frame it sends is recorded.
    const buyerFrames = [];
    const buyerSockets = [];
    let networkDown = false;
    await buyerCtx.context.routeWebSocket(/\/ws$/, (ws) => {
      if (networkDown) {
        ws.close({ code: 4000, reason: 'network down' });
        return;
      }
      const upstream = ws.connectToServer();
      const socket = { ws, upstream };
      ws.onMessage((frame) => {
        buyerFrames.push({ at: Date.now(), frame: String(frame) });
        upstream.send(frame);
      });
      // A page that goes away (a full navigation) closes its socket: only the open ones are kept.
      ws.onClose((code, reason) => {
        buyerSockets.splice(buyerSockets.indexOf(socket) >>> 0, 1);
        upstream.close({ code, reason });
      });
      buyerSockets.push(socket);
    });

    const sp = await sellerCtx.context.newPage();
    const bp = await buyerCtx.context.newPage();

    // The seller posts a listing through the form.
    await loginViaUi(sp, base, seller);
    await sp.goto(`${base}/market/new`);
    await sp.getByTestId('photo-input').setInputFiles([await makeImage(sp)]);
    await sp.waitForFunction(() => document.querySelector('[data-testid="photo-tile"]')?.getAttribute('data-status') === 'ready', null, {
      timeout: 20_000,
    });
    const title = '몬스테라 알보 중품 분양해요';
    await sp.getByTestId('listing-title-input').fill(title);
    await sp.getByTestId('listing-price').fill('35000');
    await sp.getByTestId('listing-description-input').fill('무늬 선명해요. 직거래만 해요.');
    await sp.getByTestId('listing-submit').click();
    await sp.waitForURL((u) => /^\/market\/\d+$/.test(u.pathname));
    const listingId = new URL(sp.url()).pathname.split('/').pop();
    await sp.getByTestId('listing-chats').filter({ hasText: '채팅 0' }).waitFor();
    // Then browses elsewhere.
    await sp.goto(`${base}/plants`);
    await sp.getByTestId('plant-card').first().waitFor();

    // The buyer opens the listing and starts a chat.
    await loginViaUi(bp, base, buyer);
    await bp.goto(`${base}/market/${listingId}`);
    await bp.getByTestId('listing-detail-title').filter({ hasText: title }).waitFor();
    await bp.getByTestId('chat-open').click();
    await bp.waitForURL((u) => /^\/chat\/\d+$/.test(u.pathname));
    const roomId = new URL(bp.url()).pathname.split('/').pop();
    await bp.getByTestId('chat-other').filter({ hasText: seller.nickname }).waitFor();
    assert.equal(await bp.getByTestId('chat-listing').getAttribute('href'), `/market/${listingId}`);
    await bp.getByTestId('chat-listing').filter({ hasText: title }).filter({ hasText: '35,000원' }).waitFor();
    await bp.locator('.chat-start').waitFor();
    assert.equal(
      await bp.evaluate(() => document.activeElement?.tagName),
      'H1',
      'focus moves to the room heading after the navigation',
    );
    await assertAccessible(bp, 'a new, empty room (1280 px)');

    // The first message: a bubble of mine once the server has it; the composer is empty and keeps the focus.
    const hello = '안녕하세요! 몬스테라 아직 있나요?';
    await bp.getByTestId('chat-input').fill(hello);
    await bp.getByTestId('chat-input').press('Enter');
    await bubble(bp, hello, true).waitFor();
    assert.equal(await bp.getByTestId('chat-input').inputValue(), '');
    assert.equal(await bp.evaluate(() => document.activeElement?.id), 'chat-input');
    assert.equal(await bp.getByTestId('chat-pending').count(), 0);
    assert.equal(await bp.getByTestId('chat-read').count(), 0, 'not read yet');
    // Shift+Enter is a new line, not a send.
    await bp.getByTestId('chat-input').press('Shift+Enter');
    assert.equal(await bp.getByTestId('chat-input').inputValue(), '\n');
    await bp.getByTestId('chat-input').fill('');

    // The seller, on another page, is told: the bell, the 채팅 badge, and a chat notification linking to the room.
    await sp.getByTestId('notification-badge').filter({ hasText: /^1$/ }).waitFor();
    await sp.getByTestId('nav-chat-badge').filter({ hasText: /^1$/ }).waitFor();
    const sellerToken = await apiLoginAt(seller);
    const notifications = await sp.evaluate(async (token) => {
      const res = await fetch('/api/v1/notifications', { headers: { Authorization: `Bearer ${token}` } });
      return res.json();
    }, sellerToken);
    const chatNotice = notifications.items.find((n) => n.type === 'chat');
    assert.ok(chatNotice, `a chat notification: ${JSON.stringify(notifications.items)}`);
    assert.equal(chatNotice.link, `/chat/${roomId}`);
    assert.equal(chatNotice.detail, hello);

    // The seller opens the room from the list.
    await sp.getByTestId('nav-chat').click();
    await sp.waitForURL(`${base}/chat`);
    const row = sp.getByTestId('chat-room').filter({ hasText: buyer.nickname });
    await row.getByTestId('chat-room-preview').filter({ hasText: hello }).waitFor();
    await row.getByTestId('chat-room-unread').filter({ hasText: '1' }).waitFor();
    await row.filter({ hasText: title }).waitFor();
    await assertAccessible(sp, 'the chat list with an unread room (390 px)');
    await row.click();
    await sp.waitForURL(`${base}/chat/${roomId}`);
    await bubble(sp, hello, false).waitFor();
    // Read: the buyer's message shows 읽음, the seller's badge goes.
    await bp.getByTestId('chat-read').waitFor();
    assert.equal(await bp.locator('[data-testid="chat-message"][data-mine]').last().getByTestId('chat-read').count(), 1);
    await sp.getByTestId('nav-chat-badge').waitFor({ state: 'detached' });
    // Both have the room open now.
    await bp.getByTestId('chat-present').waitFor();

    // Typing shows on the other side, for a moment.
    await bp.getByTestId('chat-input').fill('저');
    await sp.getByTestId('chat-typing').filter({ hasText: `${buyer.nickname}님이 입력 중…` }).waitFor();
    await bp.getByTestId('chat-input').fill('');
    await sp.getByTestId('chat-typing').waitFor({ state: 'detached', timeout: 6000 });

    // The seller answers; the buyer gets it live (and is told in the live region).
    const reply = '네, 아직 있어요. 오늘 저녁 7시에 망원역 어떠세요?';
    await sp.getByTestId('chat-input').fill(reply);
    await sp.getByTestId('chat-send').click();
    await bubble(sp, reply, true).waitFor();
    await bubble(bp, reply, false).waitFor();
    await bp.getByTestId('chat-live').filter({ hasText: reply }).waitFor();
    // The buyer has the room open, so the seller's reply is read at once.
    await sp.getByTestId('chat-read').waitFor();
    await assertAccessible(sp, 'a room with messages (390 px)');
    await assertAccessible(bp, 'a room with messages (1280 px)');

    // The buyer sends a photo: a pending preview, then the stored photo on both sides.
    await bp.getByTestId('chat-photo-input').setInputFiles([await makeImage(bp)]);
    const loadedPhoto = (page, mine) =>
      page.waitForFunction(
        (m) => [...document.querySelectorAll(`[data-testid="chat-message"]${m ? '[data-mine]' : ':not([data-mine])'} img[data-testid="chat-photo"]`)]
          .some((img) => img.complete && img.naturalWidth > 0 && img.getAttribute('src').startsWith('/media/')),
        mine,
        { timeout: 20_000 },
      );
    await loadedPhoto(bp, true);
    await loadedPhoto(sp, false);
    assert.equal(await bp.getByTestId('chat-pending').count(), 0, 'the pending preview is gone once stored');
    await assertAccessible(sp, 'a room with a photo (390 px)');

    // The buyer's network goes away while the seller writes twice; after the reconnect both are there, once each.
    networkDown = true;
    assert.equal(buyerSockets.length, 1, 'one STOMP connection for the whole page');
    for (const { ws, upstream } of buyerSockets.splice(0)) {
      upstream.close({ code: 4000, reason: 'network down' });
      ws.close({ code: 4000, reason: 'network down' });
    }
    await bp.getByTestId('chat-connection').filter({ hasText: '다시 연결하는 중' }).waitFor();
    const away = ['혹시 보셨나요?', '답장 주시면 시간 맞춰 나갈게요.'];
    for (const text of away) {
      await sp.getByTestId('chat-input').fill(text);
      await sp.getByTestId('chat-input').press('Enter');
      await bubble(sp, text, true).waitFor();
    }
    // Meanwhile the buyer writes: with no connection it goes over HTTP, whose answer is lost on the way back (the
    // server stored it; the page cannot know). The bubble fails; 다시 보내기 resends under the same client id.
    let loseAnswer = true;
    await buyerCtx.context.route(`**/api/v1/chat/rooms/${roomId}/messages`, async (route) => {
      if (route.request().method() !== 'POST' || !loseAnswer) return route.fallback();
      await route.fetch();
      return route.abort('connectionreset');
    });
    const lost = '연결이 불안정하네요. 제 메시지 보이세요?';
    await bp.getByTestId('chat-input').fill(lost);
    await bp.getByTestId('chat-input').press('Enter');
    const failed = bp.locator('[data-testid="chat-pending"][data-status="failed"]').filter({ hasText: lost });
    await failed.filter({ hasText: '연결이 끊겨 보내지 못했어요.' }).waitFor();
    loseAnswer = false;
    await failed.getByTestId('chat-retry').click();
    await bubble(bp, lost, true).waitFor();
    assert.equal(await bp.getByTestId('chat-pending').count(), 0);
    networkDown = false;
    for (const text of [...away, lost]) await bubble(text === lost ? sp : bp, text, false).waitFor({ timeout: 40_000 });
    await bp.getByTestId('chat-connection').filter({ hasText: /./ }).waitFor({ state: 'detached' });
    assert.equal(buyerSockets.length, 1, 'connected again');
    const buyerToken = await apiLoginAt(buyer);
    const history = await bp.evaluate(async ({ token, id }) => {
      const res = await fetch(`/api/v1/chat/rooms/${id}/messages?after=0`, { headers: { Authorization: `Bearer ${token}` } });
      return (await res.json()).items.filter((m) => m.kind !== 'system');
    }, { token: buyerToken, id: roomId });
    assert.equal(history.filter((m) => m.body === lost).length, 1, 'the resent message is stored once');
    const stored = history.map((m) => m.seq);
    assert.deepEqual(await shownSeqs(bp), stored, 'every stored message once, in order');
    assert.deepEqual(await shownSeqs(sp), stored);

    // The buyer writes again after the reconnect: it still goes over the (new) connection.
    const back = '방금 연결이 끊겼었네요. 7시에 뵐게요!';
    await bp.getByTestId('chat-input').fill(back);
    await bp.getByTestId('chat-input').press('Enter');
    await bubble(sp, back, false).waitFor();
    assert.ok(
      buyerFrames.some((f) => f.frame.startsWith('SEND') && f.frame.includes(`destination:/app/rooms/${roomId}/messages`) && f.frame.includes(back)),
      'sent over STOMP',
    );

    // The seller marks the listing 거래완료 with this buyer (the buyer choice comes from the chat partners).
    await sp.goto(`${base}/market/${listingId}`);
    await sp.getByTestId('listing-chats').filter({ hasText: '채팅 1' }).waitFor();
    await sp.getByTestId('state-sold').check();
    const buyerSelect = sp.locator('#buyer');
    await buyerSelect.locator('option', { hasText: buyer.nickname }).waitFor({ state: 'attached' });
    await buyerSelect.selectOption({ index: 1 });
    await sp.getByTestId('state-save').click();
    await sp.locator('.notice-success').filter({ hasText: '거래완료' }).waitFor();

    // The buyer's open room: the notice, the composer off with the reason, and no way to send.
    const closedAt = Date.now();
    await bp.locator('[data-testid="chat-notice"][data-notice="sold"]').filter({ hasText: '거래가 완료되었어요' }).waitFor();
    await bp.getByTestId('chat-closed').filter({ hasText: '거래가 완료되어 더 이상 메시지를 보낼 수 없어요.' }).waitFor();
    assert.equal(await bp.getByTestId('chat-input').isDisabled(), true);
    assert.equal(await bp.getByTestId('chat-send').isDisabled(), true);
    await bp.getByTestId('chat-send').click({ force: true });
    await bp.getByTestId('chat-input').focus();
    await bp.keyboard.press('Enter');
    await bp.waitForTimeout(500);
    assert.deepEqual(
      buyerFrames.filter((f) => f.at >= closedAt && f.frame.startsWith('SEND') && f.frame.includes('/messages')),
      [],
      'no SEND for a closed room',
    );
    // The connection is still up (the server ends one that sends into a closed room).
    assert.equal(await bp.getByTestId('chat-connection').innerText(), '');
    await assertAccessible(bp, 'a closed room (1280 px)');

    // The seller's room says the same.
    await sp.goto(`${base}/chat/${roomId}`);
    await sp.locator('[data-testid="chat-notice"][data-notice="sold"]').waitFor();
    assert.equal(await sp.getByTestId('chat-input').isDisabled(), true);
    await assertAccessible(sp, 'a closed room (390 px)');

    // The lists and the listing: the room is ended; the buyer is sent to the room they have.
    await bp.goto(`${base}/chat`);
    await bp.getByTestId('chat-room').filter({ hasText: seller.nickname }).filter({ hasText: '종료된 대화' }).filter({ hasText: '거래완료' }).waitFor();
    await assertAccessible(bp, 'the chat list (1280 px)');
    await bp.goto(`${base}/market/${listingId}`);
    await bp.getByTestId('chat-room-link').click();
    await bp.waitForURL(`${base}/chat/${roomId}`);

    sellerCtx.check();
    buyerCtx.check();
    await sellerCtx.context.close();
    await buyerCtx.context.close();
  });

  test('a sold listing takes no new chat; a visitor is sent to log in; the seller’s list of a listing’s rooms', async (t) => {
    if (!available) {
      t.skip('this server has no chat module');
      return;
    }
    const guard = await newGuardedContext(browser, { viewport: PHONE });
    await guard.context.addInitScript(() => {
      if (location.protocol === 'http:' && !localStorage.getItem('sikgu.lang')) localStorage.setItem('sikgu.lang', 'en');
    });
    const page = await guard.context.newPage();
    // The listing of the first test is sold; a third user finds it.
    const feed = await (await fetch(`${base}/api/v1/market/listings?state=sold&limit=1`)).json();
    const sold = feed.items[0];
    assert.ok(sold, 'the first test sold a listing');
    await page.goto(`${base}/market/${sold.id}`);
    await page.getByTestId('chat-login').click();
    await page.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('next') === `/market/${sold.id}`);
    const third = await createVerifiedUser(base, uniqueUser('cx'));
    await page.getByTestId('login-username').fill(third.username);
    await page.getByTestId('login-password').fill(third.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(`${base}/market/${sold.id}`);
    const button = page.getByTestId('chat-open');
    await button.waitFor();
    assert.equal(await button.isDisabled(), true);
    assert.equal(await page.locator('#chat-sold').innerText(), 'This listing is sold, so no new chat can start.');
    await assertAccessible(page, 'a sold listing for someone without a room (390 px, English)');

    // The empty list, in English.
    await page.goto(`${base}/chat`);
    await page.getByTestId('chat-empty').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Chats' }).waitFor();
    await assertAccessible(page, 'the empty chat list (390 px, English)');
    guard.check();
    await guard.context.close();

    // The seller's rooms of one listing.
    const sellerGuard = await newGuardedContext(browser, { viewport: DESKTOP });
    const sp = await sellerGuard.context.newPage();
    await loginViaUi(sp, base, seller);
    await sp.goto(`${base}/market/${sold.id}`);
    await sp.getByTestId('listing-chats').click();
    await sp.waitForURL((u) => u.pathname === '/chat' && u.searchParams.get('listing') === sold.id);
    await sp.getByRole('heading', { level: 1, name: '이 판매글의 채팅' }).waitFor();
    await sp.getByTestId('chat-room').filter({ hasText: buyer.nickname }).waitFor();
    assert.equal(await sp.getByTestId('chat-room').count(), 1);
    await assertAccessible(sp, 'a listing’s rooms (1280 px)');
    sellerGuard.check();
    await sellerGuard.context.close();
  });

  test('a long conversation: the newest 50 first, 이전 대화 보기 puts the rest above without moving the view', async (t) => {
    if (!available) {
      t.skip('this server has no chat module');
      return;
    }
    const [st, bt] = await Promise.all([apiLoginAt(seller), apiLoginAt(buyer)]);
    const form = new FormData();
    form.append('file', new Blob([png(64, 48, 0x2f6b3a)], { type: 'image/png' }), 'leaf.png');
    const photos = await api(st, 'POST', '/photos', form);
    const listing = await api(st, 'POST', '/market/listings', {
      title: '스킨답서스 삽수 나눔',
      description: '여러 개 있어요',
      price: 0,
      category: 'plant',
      photo_ids: photos.items.map((p) => p.id),
    });
    const room = await api(bt, 'POST', '/chat/rooms', { listing_id: listing.id });
    for (let i = 1; i <= 60; i++) {
      await api(i % 2 ? bt : st, 'POST', `/chat/rooms/${room.id}/messages`, { text: `메시지 ${i}`, client_id: `long-${i}` });
    }
    const guard = await newGuardedContext(browser, { viewport: DESKTOP });
    const page = await guard.context.newPage();
    await loginViaUi(page, base, buyer);
    await page.goto(`${base}/chat/${room.id}`);
    await bubble(page, '메시지 60', false).waitFor();
    const first = await shownSeqs(page);
    assert.deepEqual(first, Array.from({ length: 50 }, (_, i) => i + 11));
    // The newest is in view at the start.
    const inView = (seq) =>
      page.evaluate((n) => {
        const box = document.querySelector('[data-testid="chat-messages"]').getBoundingClientRect();
        const el = document.querySelector(`[data-testid="chat-message"][data-seq="${n}"]`).getBoundingClientRect();
        return el.bottom > box.top && el.top < box.bottom;
      }, seq);
    assert.equal(await inView(60), true, 'the newest message is in view');
    // Up to the oldest loaded, then the earlier ten arrive above it, and it stays where it was.
    await page.evaluate(() => {
      document.querySelector('[data-testid="chat-messages"]').scrollTop = 0;
    });
    const before = await page.locator('[data-testid="chat-message"][data-seq="11"]').evaluate((e) => e.getBoundingClientRect().top);
    await page.getByTestId('chat-older').click();
    await page.locator('[data-testid="chat-message"][data-seq="1"][data-mine]').waitFor({ state: 'attached' });
    assert.deepEqual(await shownSeqs(page), Array.from({ length: 60 }, (_, i) => i + 1));
    const afterTop = await page.locator('[data-testid="chat-message"][data-seq="11"]').evaluate((e) => e.getBoundingClientRect().top);
    assert.ok(Math.abs(afterTop - before) < 2, `the view stays put (${before} → ${afterTop})`);
    await page.getByTestId('chat-older').waitFor({ state: 'detached' });
    guard.check();
    await guard.context.close();
  });
});
