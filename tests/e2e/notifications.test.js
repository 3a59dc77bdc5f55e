// Notifications (알림) in a real browser, with two accounts, live over the notification stream:
// the buyer wish-lists (찜) the seller's listing → the seller, browsing another page, sees the bell's badge turn 1
// without a reload → opens /notifications, clicks the item → lands on the listing and the badge goes back to 0.
// Then a keyword alert (키워드 알림): the seller adds a keyword on the market my page, the buyer posts a listing
// whose title holds it, and it shows up on the seller's open notifications page. Settings (one switch per type),
// "모두 읽음", deleting and the empty state in English at 390 px; two pages and 더 보기; axe-core on the page in
// every state it reaches.
//
// Needs a server with the notify, market and media modules; against one without them the whole file is skipped.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  DESKTOP,
  PHONE,
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
let listing;
let available = false;

async function api(token, path, { method = 'GET', json, body, headers = {} } = {}) {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(json === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: json === undefined ? body : JSON.stringify(json),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const apiLoginAt = (user) => apiLogin(base, user);

/** A listing with one photo, made through the API (the marketplace's own UI is market.test.js's subject). */
async function createListing(user, title) {
  const token = await apiLoginAt(user);
  const form = new FormData();
  form.append('file', new Blob([png(64, 48, 0x3f8f4f)], { type: 'image/png' }), 'leaf.png');
  const photos = await api(token, '/photos', { method: 'POST', body: form });
  assert.equal(photos.status, 201, `photo upload: ${JSON.stringify(photos.body)}`);
  const created = await api(token, '/market/listings', {
    method: 'POST',
    json: { title, category: 'plant', price: 15000, description: '잘 키웠어요.', photo_ids: photos.body.items.map((p) => p.id) },
    headers: { 'Idempotency-Key': `e2e-${Date.now()}-${Math.random().toString(36).slice(2)}` },
  });
  assert.equal(created.status, 201, `create listing: ${JSON.stringify(created.body)}`);
  return created.body;
}

before(async () => {
  ({ server, browser } = await startServerAndBrowser());
  base = server.baseUrl;
  const [notify, market] = await Promise.all([
    fetch(`${base}/api/v1/notifications/unread-count`),
    fetch(`${base}/api/v1/market/listings?limit=1`),
  ]);
  await Promise.all([notify.arrayBuffer(), market.arrayBuffer()]);
  // Without a session the notify module answers 401; a server without it has no such route.
  available = notify.status === 401 && market.status === 200;
  if (!available) return;
  [seller, buyer] = await Promise.all([
    createVerifiedUser(base, uniqueUser('ns')),
    createVerifiedUser(base, uniqueUser('nb')),
  ]);
  listing = await createListing(seller, '몬스테라 델리시오사 분양해요');
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** The bell's badge shows `text`, or is gone when `text` is null; its link's name says the same. */
async function expectBell(page, text, name) {
  const badge = page.getByTestId('notification-badge');
  if (text === null) await badge.waitFor({ state: 'detached' });
  else await badge.filter({ hasText: new RegExp(`^${text.replace('+', '\\+')}$`) }).waitFor();
  await page.getByRole('link', { name, exact: true }).and(page.getByTestId('nav-notifications')).waitFor();
}

/** Marks the page so that a later check can tell it was not reloaded (the mark lives in the page's JS heap). */
const markPage = (page) => page.evaluate(() => (window.__sikguNotReloaded = true));
const notReloaded = (page) => page.evaluate(() => window.__sikguNotReloaded === true);

/** One solid-colour image drawn on a canvas in the page, for the listing form's photo input. */
async function canvasImage(page) {
  const data = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 320;
    c.height = 240;
    const g = c.getContext('2d');
    g.fillStyle = '#3f8f4f';
    g.fillRect(0, 0, 320, 240);
    return c.toDataURL('image/jpeg', 0.9).split(',')[1];
  });
  return { name: 'rubber-plant.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(data, 'base64') };
}

describe('notifications', { timeout: 180_000 }, () => {
  let sellerCtx;
  let buyerCtx;
  let sp;
  let bp;

  before(async () => {
    if (!available) return;
    sellerCtx = await newGuardedContext(browser, { viewport: DESKTOP });
    buyerCtx = await newGuardedContext(browser, { viewport: PHONE });
    sp = await sellerCtx.context.newPage();
    bp = await buyerCtx.context.newPage();
    await Promise.all([loginViaUi(sp, base, seller), loginViaUi(bp, base, buyer)]);
  });

  after(async () => {
    await sellerCtx?.context.close();
    await buyerCtx?.context.close();
  });

  test('a wish lights the seller’s bell live; opening it goes to the listing and clears the badge', async (t) => {
    if (!available) {
      t.skip('this server has no notify or market module');
      return;
    }
    // The seller browses the encyclopedia: no badge, the bell says just "알림".
    await sp.goto(`${base}/plants`);
    await sp.getByTestId('plant-card').first().waitFor();
    await expectBell(sp, null, '알림');
    await markPage(sp);

    // The buyer wish-lists the seller's listing.
    await bp.goto(`${base}/market/${listing.id}`);
    await bp.getByTestId('wish-button').click();
    await bp.getByTestId('wish-button').and(bp.locator('[aria-pressed="true"]')).waitFor();

    // The seller's badge turns 1 without a reload.
    await expectBell(sp, '1', '알림 1개 안 읽음');
    assert.equal(await notReloaded(sp), true, 'the badge came live, not by a reload');

    // The notifications page lists it, unread.
    await sp.getByTestId('nav-notifications').click();
    await sp.waitForURL(`${base}/notifications`);
    await sp.getByRole('heading', { level: 1, name: '알림' }).waitFor();
    const item = sp.getByTestId('notification-item').filter({ hasText: listing.title });
    await item.waitFor();
    assert.equal(await item.getAttribute('data-type'), 'wish');
    assert.equal(await item.getAttribute('data-read'), 'false');
    assert.match(await item.getByTestId('notification-text').innerText(), /찜했어요/);
    await sp.getByTestId('notifications-unread').filter({ hasText: '안 읽은 알림 1개' }).waitFor();
    await assertAccessible(sp, 'the notifications page with an unread wish (1280 px)');

    // Opening it marks it read and goes to its listing; the badge goes.
    await item.getByRole('link').click();
    await sp.waitForURL(`${base}/market/${listing.id}`);
    await sp.getByTestId('listing-detail-title').filter({ hasText: listing.title }).waitFor();
    await expectBell(sp, null, '알림');
    await sp.goBack();
    await sp.waitForURL(`${base}/notifications`);
    await sp.getByTestId('notification-item').filter({ hasText: listing.title }).and(sp.locator('[data-read="true"]')).waitFor();
    await sp.getByTestId('notifications-unread').filter({ hasText: '모두 읽었어요.' }).waitFor();

    sellerCtx.check();
    buyerCtx.check();
  });

  test('a keyword alert arrives on the open notifications page; 모두 읽음 clears it', async (t) => {
    if (!available) {
      t.skip('this server has no notify or market module');
      return;
    }
    // The seller subscribes to a keyword on the market my page.
    await sp.goto(`${base}/market/me?tab=keywords`);
    await sp.getByTestId('keyword-input').fill('고무나무');
    await sp.getByTestId('keyword-add').click();
    await sp.getByTestId('keyword-item').filter({ hasText: '고무나무' }).waitFor();

    // …and keeps the notifications page open.
    await sp.getByTestId('nav-notifications').click();
    await sp.waitForURL(`${base}/notifications`);
    await sp.getByTestId('notification-item').first().waitFor();
    const before = await sp.getByTestId('notification-item').count();
    await markPage(sp);

    // The buyer posts a listing whose title holds the keyword, through the write form.
    const title = '떡갈잎 고무나무 1m 분양';
    await bp.goto(`${base}/market/new`);
    await bp.getByRole('heading', { level: 1, name: '판매글 쓰기' }).waitFor();
    await bp.getByTestId('photo-input').setInputFiles([await canvasImage(bp)]);
    await bp.waitForFunction(
      () => [...document.querySelectorAll('[data-testid="photo-tile"]')].some((t) => t.getAttribute('data-status') === 'ready'),
      null,
      { timeout: 20_000 },
    );
    await bp.getByTestId('listing-title-input').fill(title);
    await bp.getByTestId('listing-price').fill('30000');
    await bp.getByTestId('listing-description-input').fill('키 1m, 화분 포함입니다.');
    await bp.getByTestId('listing-submit').click();
    await bp.waitForURL((u) => /^\/market\/\d+$/.test(u.pathname));
    const newId = new URL(bp.url()).pathname.split('/').pop();

    // On the seller's open page it comes in on top, unread, with the badge; no reload.
    const top = sp.getByTestId('notification-item').first();
    await top.and(sp.locator('[data-type="keyword"]')).waitFor();
    assert.equal(await top.getAttribute('data-read'), 'false');
    assert.match(await top.getByTestId('notification-text').innerText(), /키워드 ‘고무나무’ 새 글: 떡갈잎 고무나무 1m 분양/);
    assert.equal(await top.getByRole('link').getAttribute('href'), `/market/${newId}`);
    assert.equal(await sp.getByTestId('notification-item').count(), before + 1);
    await expectBell(sp, '1', '알림 1개 안 읽음');
    assert.equal(await notReloaded(sp), true, 'the item came live, not by a reload');
    await assertAccessible(sp, 'the notifications page with a live keyword alert (1280 px)');

    // 모두 읽음: every item read, the badge gone.
    await sp.getByTestId('notifications-read-all').click();
    await expectBell(sp, null, '알림');
    assert.deepEqual(
      await sp.getByTestId('notification-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-read'))),
      Array(before + 1).fill('true'),
    );
    assert.equal(await sp.getByTestId('notifications-read-all').isDisabled(), true);

    sellerCtx.check();
    buyerCtx.check();
  });

  test('in English at 390 px: a muted type stays muted, deleting empties the list', async (t) => {
    if (!available) {
      t.skip('this server has no notify or market module');
      return;
    }
    const guard = await newGuardedContext(browser, { viewport: PHONE });
    await guard.context.addInitScript(() => {
      if (location.protocol === 'http:' && !localStorage.getItem('sikgu.lang')) localStorage.setItem('sikgu.lang', 'en');
    });
    const page = await guard.context.newPage();
    await loginViaUi(page, base, seller);
    await page.getByTestId('nav-notifications').click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const items = page.getByTestId('notification-item');
    await items.first().waitFor();
    // The sentences come from the server in the page's language.
    await items.filter({ hasText: 'to their wish list' }).waitFor();
    await assertAccessible(page, 'the notifications page (390 px, English)');

    // Mute the wish list notifications: saved, and still off after a reload.
    const wish = page.getByTestId('notify-setting-wish');
    assert.equal(await wish.isChecked(), true);
    await page.getByRole('switch', { name: /Wish list/ }).click();
    await page.locator('.setting-saved').filter({ hasText: 'Wish list notifications turned off.' }).waitFor();
    await page.reload();
    await page.getByTestId('notify-setting-keyword').waitFor();
    assert.equal(await page.getByTestId('notify-setting-wish').isChecked(), false);
    assert.equal(await page.getByTestId('notify-setting-keyword').isChecked(), true);
    await assertAccessible(page, 'the settings with one type off (390 px, English)');

    // A muted type is not kept: the buyer wish-lists another of the seller's listings, then posts one that matches
    // the keyword. Only the keyword alert comes in (in English: the list is asked in the page's language).
    const wishItems = await items.and(page.locator('[data-type="wish"]')).count();
    const second = await createListing(seller, '스투키 한 촉 나눔');
    const buyerToken = await apiLoginAt(buyer);
    assert.equal((await api(buyerToken, `/market/listings/${second.id}/wish`, { method: 'PUT' })).status, 200);
    const rubber = await createListing(buyer, '인도 고무나무 삽수');
    await items.filter({ hasText: `New listing for “고무나무”: ${rubber.title}` }).waitFor();
    await expectBell(page, '1', 'Notifications, 1 unread');
    assert.equal(await items.and(page.locator('[data-type="wish"]')).count(), wishItems, 'no wish while muted');
    await page.getByTestId('notify-setting-wish').click();
    await page.locator('.setting-saved').filter({ hasText: 'Wish list notifications turned on.' }).waitFor();

    // Delete each one by its labelled button, down to the empty state.
    let left = await items.count();
    assert.ok(left >= 3);
    while (left > 0) {
      const text = await items.first().getByTestId('notification-text').innerText();
      await page.getByRole('button', { name: `Delete notification: ${text}` }).click();
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="notification-item"]').length === n, left - 1);
      left -= 1;
    }
    await page.getByTestId('notifications-empty').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus goes to the heading once the list is empty');
    await page.reload();
    await page.getByTestId('notifications-empty').waitFor();
    await assertAccessible(page, 'no notifications (390 px, English)');

    guard.check();
    await guard.context.close();
  });

  test('more than a page: 더 보기 brings the older ones, 모두 읽음 covers them', async (t) => {
    if (!available) {
      t.skip('this server has no notify or market module');
      return;
    }
    // 22 keyword alerts (the list asks for 20 at a time), made through the API: a burst on the seller's open page.
    const token = await apiLoginAt(buyer);
    const sellerToken = await apiLoginAt(seller);
    for (let i = 1; i <= 22; i++) {
      const form = new FormData();
      form.append('file', new Blob([png(32, 32, 0x28783c + i)], { type: 'image/png' }), `p${i}.png`);
      const photos = await api(token, '/photos', { method: 'POST', body: form });
      const created = await api(token, '/market/listings', {
        method: 'POST',
        json: { title: `고무나무 ${i}호`, category: 'plant', price: 1000 * i, description: '', photo_ids: photos.body.items.map((p) => p.id) },
        headers: { 'Idempotency-Key': `more-${i}-${Date.now()}` },
      });
      assert.equal(created.status, 201);
    }
    const deadline = Date.now() + 10_000;
    while ((await api(sellerToken, '/notifications/unread-count')).body.unread < 22 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }

    await sp.goto(`${base}/notifications`);
    const items = sp.getByTestId('notification-item');
    await items.first().waitFor();
    await expectBell(sp, '22', '알림 22개 안 읽음');
    assert.equal(await items.count(), 20);
    assert.match(await items.first().innerText(), /고무나무 22호/);
    await sp.getByTestId('notifications-more').click();
    await items.nth(21).waitFor();
    assert.equal(await items.count(), 22);
    assert.match(await items.last().innerText(), /고무나무 1호/);
    await sp.getByTestId('notifications-more').waitFor({ state: 'detached' });
    await assertAccessible(sp, 'two pages of notifications (1280 px)');

    await sp.getByTestId('notifications-read-all').click();
    await expectBell(sp, null, '알림');
    await sp.getByTestId('notifications-unread').filter({ hasText: '모두 읽었어요.' }).waitFor();
    assert.equal(await items.and(sp.locator('[data-read="false"]')).count(), 0);
    sellerCtx.check();
  });
});
