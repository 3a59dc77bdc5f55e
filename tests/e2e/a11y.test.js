// Accessibility and small-screen layout of every page (the chat list and a room included):
// axe-core finds no "serious" or "critical" violation at 1280 px and 360 px,
// and at 360 px nothing scrolls sideways.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  DESKTOP,
  apiCall,
  apiLogin,
  startServerAndBrowser,
  MOBILE,
  blocking,
  createVerifiedUser,
  describeViolations,
  loginViaUi,
  newGuardedContext,
  runAxe,
  uniqueUser,
} from './helpers.js';
import { png } from '../support/png.js';

// path → how to tell the page has finished loading its data.
const PUBLIC_PAGES = [
  { path: '/', ready: (p) => p.locator('main h1').waitFor() },
  { path: '/signup', ready: (p) => p.getByTestId('signup-submit').waitFor() },
  { path: '/verify-email?email=someone%40example.test', ready: (p) => p.getByTestId('verify-submit').waitFor() },
  { path: '/login', ready: (p) => p.getByTestId('login-submit').waitFor() },
  { path: '/find-username', ready: (p) => p.locator('main form button[type=submit]').waitFor() },
  { path: '/reset-password', ready: (p) => p.locator('main form button[type=submit]').waitFor() },
  { path: '/plants', ready: (p) => p.getByTestId('plant-card').first().waitFor() },
  { path: '/plants?q=%EB%AA%AC%EC%8A%A4', ready: (p) => p.getByTestId('plant-card').first().waitFor() },
  { path: '/plants/16449', ready: (p) => p.getByTestId('plant-detail-name').waitFor() },
  { path: '/no-such-page', ready: (p) => p.locator('main h1').waitFor() },
];

const CONFIGS = [
  { name: '1280 px, Korean', viewport: DESKTOP, lang: 'ko' },
  { name: '360 px, Korean', viewport: MOBILE, lang: 'ko' },
  // English labels are longer: the narrow layout must hold them too.
  { name: '1280 px, English', viewport: DESKTOP, lang: 'en' },
  { name: '360 px, English', viewport: MOBILE, lang: 'en' },
];

let server;
let browser;
let base;
let user;
/** A buyer with one chat room (messages both ways, 읽음, a 예약중 notice); other accounts than `user`, whose
 *  notifications page must stay empty. */
let chatter;
let roomId;

const apiCallAt = (token, method, path, body) => apiCall(base, token, method, path, body);

async function seedChat() {
  const [seller, buyer] = await Promise.all([createVerifiedUser(base, uniqueUser('as')), createVerifiedUser(base, uniqueUser('ab'))]);
  const [st, bt] = await Promise.all([apiLogin(base, seller), apiLogin(base, buyer)]);
  const form = new FormData();
  form.append('file', new Blob([png(96, 72, 0x3f8f4f)], { type: 'image/png' }), 'leaf.png');
  const photos = await apiCallAt(st, 'POST', '/photos', form);
  const listing = await apiCallAt(st, 'POST', '/market/listings', {
    title: '몬스테라 알보 분양해요',
    description: '잎이 건강합니다',
    price: 25000,
    category: 'plant',
    photo_ids: photos.items.map((p) => p.id),
  });
  const room = await apiCallAt(bt, 'POST', '/chat/rooms', { listing_id: listing.id });
  const mine = await apiCallAt(bt, 'POST', `/chat/rooms/${room.id}/messages`, { text: '안녕하세요! 아직 판매 중인가요?', client_id: 'a11y-1' });
  await apiCallAt(st, 'PUT', `/chat/rooms/${room.id}/read`, { seq: mine.seq });
  await apiCallAt(st, 'POST', `/chat/rooms/${room.id}/messages`, { text: '네, 있어요. 주말에 직거래 가능해요.', client_id: 'a11y-2' });
  await apiCallAt(st, 'PUT', `/market/listings/${listing.id}/state`, { state: 'reserved' });
  return { chatter: buyer, roomId: room.id };
}

before(async () => {
  ({ server, browser } = await startServerAndBrowser());
  base = server.baseUrl;
  user = await createVerifiedUser(base, uniqueUser('a'));
  ({ chatter, roomId } = await seedChat());
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function checkPage(page, viewport, lang) {
  assert.equal(await page.evaluate(() => document.documentElement.lang), lang, 'page language');
  // Let fonts and late layout settle before measuring.
  await page.evaluate(() => document.fonts.ready);
  const violations = await runAxe(page);
  const bad = blocking(violations);
  assert.equal(bad.length, 0, `serious/critical axe violations on ${page.url()}:\n${describeViolations(bad)}`);

  if (viewport.width <= MOBILE.width) {
    const { scrollWidth, clientWidth, wide } = await page.evaluate(() => {
      const root = document.documentElement;
      const limit = root.clientWidth;
      // Name the widest offenders to make a failure easy to fix.
      const wide = [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > limit + 0.5)
        .slice(0, 5)
        .map((el) => {
          const cls = typeof el.className === 'string' && el.className ? `.${el.className.split(/\s+/).join('.')}` : '';
          return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls} (right ${Math.round(el.getBoundingClientRect().right)})`;
        });
      return { scrollWidth: root.scrollWidth, clientWidth: limit, wide };
    });
    assert.ok(
      scrollWidth <= viewport.width && scrollWidth <= clientWidth,
      `horizontal scroll on ${page.url()} at ${viewport.width} px: scrollWidth ${scrollWidth} > ${clientWidth}; ` +
        `too wide: ${wide.join(', ')}`,
    );
  }
}

for (const { name, viewport, lang } of CONFIGS) {
  describe(`accessibility at ${name}`, { timeout: 60_000 }, () => {
    let guard;
    let page;

    before(async () => {
      guard = await newGuardedContext(browser, { viewport });
      // The UI keeps the chosen language in localStorage (what the language toggle sets).
      await guard.context.addInitScript((l) => {
        if (location.protocol !== 'http:') return; // about:blank has no storage
        if (!localStorage.getItem('sikgu.lang')) localStorage.setItem('sikgu.lang', l);
      }, lang);
      page = await guard.context.newPage();
    });
    after(async () => {
      await guard?.context.close();
    });

    for (const { path, ready } of PUBLIC_PAGES) {
      test(path, async () => {
        await page.goto(`${base}${path}`);
        await ready(page);
        await page.waitForLoadState('networkidle');
        await checkPage(page, viewport, lang);
        guard.check();
      });
    }

    test('/me and /notifications (logged in)', async () => {
      await loginViaUi(page, base, user);
      await page.waitForLoadState('networkidle');
      await checkPage(page, viewport, lang);
      // The same page with the account-deletion form open.
      await page.getByTestId('me-delete-start').click();
      await page.getByTestId('me-delete-password').waitFor();
      await checkPage(page, viewport, lang);
      // The notifications page of a new account: the empty state and the settings.
      await page.goto(`${base}/notifications`);
      await page.getByTestId('notifications-empty').waitFor();
      await page.getByTestId('notify-setting-wish').waitFor();
      await page.waitForLoadState('networkidle');
      await checkPage(page, viewport, lang);
      // A logged-in header on a plant page.
      await page.goto(`${base}/plants/16449`);
      await page.getByTestId('plant-detail-name').waitFor();
      await page.waitForLoadState('networkidle');
      await checkPage(page, viewport, lang);
      guard.check();
    });

    test('/chat and a room (logged in)', async () => {
      const chat = await newGuardedContext(browser, { viewport });
      await chat.context.addInitScript((l) => {
        if (location.protocol === 'http:' && !localStorage.getItem('sikgu.lang')) localStorage.setItem('sikgu.lang', l);
      }, lang);
      const p = await chat.context.newPage();
      await loginViaUi(p, base, chatter);
      await p.goto(`${base}/chat`);
      await p.getByTestId('chat-room').first().waitFor();
      await p.waitForLoadState('networkidle');
      await checkPage(p, viewport, lang);
      // The room: both parties' messages, 읽음 under mine, the 예약중 notice.
      await p.goto(`${base}/chat/${roomId}`);
      await p.getByTestId('chat-notice').first().waitFor();
      await p.getByTestId('chat-read').waitFor();
      await p.waitForLoadState('networkidle');
      await checkPage(p, viewport, lang);
      chat.check();
      await chat.context.close();
    });
  });
}
