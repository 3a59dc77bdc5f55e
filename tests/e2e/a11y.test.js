// Accessibility and small-screen layout of every page:
// axe-core finds no "serious" or "critical" violation at 1280 px and 360 px,
// and at 360 px nothing scrolls sideways.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  DESKTOP,
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

before(async () => {
  ({ server, browser } = await startServerAndBrowser());
  base = server.baseUrl;
  user = await createVerifiedUser(base, uniqueUser('a'));
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
  });
}
