// A visitor's whole first journey through the web UI, in a real (headless) browser:
// sign up → verify the e-mail with the mailed code → log in → browse the plant encyclopedia → log out.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createVerifiedUser, startServerAndBrowser, loginViaUi, mailboxCode, newGuardedContext, uniqueUser } from './helpers.js';

let server;
let browser;
let base;

before(async () => {
  ({ server, browser } = await startServerAndBrowser());
  base = server.baseUrl;
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Wait until the page's <html lang> is `lang`. */
const htmlLang = (page) => page.evaluate(() => document.documentElement.lang);

describe('user journey', { timeout: 90_000 }, () => {
  test('sign up → code from the mailbox → verify → log in → search plants → detail → log out', async () => {
    const guard = await newGuardedContext(browser);
    const page = await guard.context.newPage();
    const user = uniqueUser('j');

    // Sign up through the form.
    await page.goto(`${base}/`);
    await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '회원가입' }).click();
    await page.waitForURL(`${base}/signup`);
    await page.getByTestId('signup-username').fill(user.username);
    await page.getByTestId('signup-nickname').fill(user.nickname);
    await page.getByTestId('signup-email').fill(user.email);
    await page.getByTestId('signup-password').fill(user.password);
    await page.getByTestId('signup-submit').click();

    // The verification page knows the address; the code comes from the dev mailbox.
    await page.waitForURL((u) => u.pathname === '/verify-email');
    assert.equal(new URL(page.url()).searchParams.get('email'), user.email);
    assert.equal(await page.getByTestId('verify-email').inputValue(), user.email);
    const { code, mail } = await mailboxCode(base, user.email);
    assert.match(mail.subject, new RegExp(code), 'the code is in the subject');
    assert.match(mail.body, new RegExp(code), 'the code is in the body');

    await page.getByTestId('verify-code').fill(code);
    await page.getByTestId('verify-submit').click();

    // Verified: on to the login page, with the username filled in and a success notice.
    await page.waitForURL(`${base}/login`);
    await page.locator('.notice-success').filter({ hasText: '이메일 인증이 끝났습니다' }).waitFor();
    assert.equal(await page.getByTestId('login-username').inputValue(), user.username);
    await page.getByTestId('login-password').fill(user.password);
    await page.getByTestId('login-submit').click();

    // My page shows the account.
    await page.waitForURL(`${base}/me`);
    await assertText(page.getByTestId('me-nickname'), user.nickname);
    await assertText(page.getByTestId('me-username'), user.username);
    const nav = page.getByRole('navigation', { name: '주 메뉴' });
    assert.equal(await nav.getByRole('link', { name: '마이페이지' }).count(), 1);
    assert.equal(await nav.getByRole('link', { name: '로그인' }).count(), 0);

    assert.equal(await refreshCookieCount(guard.context), 1, 'login sets the refresh cookie');

    // A reload drops the in-memory access token; the refresh cookie restores the session.
    await page.reload();
    await assertText(page.getByTestId('me-nickname'), user.nickname);
    assert.equal(new URL(page.url()).pathname, '/me');

    // Plant encyclopedia: syllable-prefix search.
    await nav.getByRole('link', { name: '식물 도감' }).click();
    await page.waitForURL(`${base}/plants`);
    await page.getByTestId('plant-card').first().waitFor();
    await page.getByTestId('plant-search').fill('몬스');
    await page.waitForURL((u) => u.searchParams.get('q') === '몬스');
    const bySyllables = await expectCardsFor(page, '몬스');
    assert.ok(bySyllables.includes('몬스테라'), `"몬스" finds 몬스테라, got ${JSON.stringify(bySyllables)}`);

    // Initial-consonant search, submitted with the button.
    await page.getByTestId('plant-search').fill('ㅁㅅㅌㄹ');
    await page.getByRole('button', { name: '검색', exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get('q') === 'ㅁㅅㅌㄹ');
    const byInitials = await expectCardsFor(page, 'ㅁㅅㅌㄹ');
    assert.ok(byInitials.includes('몬스테라'), `"ㅁㅅㅌㄹ" finds 몬스테라, got ${JSON.stringify(byInitials)}`);
    const monstera = page.getByTestId('plant-card').filter({ hasText: '몬스테라' });

    // Open the detail page.
    await monstera.first().click();
    await page.waitForURL((u) => /^\/plants\/\d+$/.test(u.pathname));
    await assertText(page.getByTestId('plant-detail-name'), '몬스테라');
    await assertText(page.getByTestId('plant-source'), '출처: 농촌진흥청 농사로');
    assert.match(await page.title(), /몬스테라/);

    // Log out from my page.
    await nav.getByRole('link', { name: '마이페이지' }).click();
    await page.waitForURL(`${base}/me`);
    await page.getByTestId('logout').click();
    await page.waitForURL(`${base}/`);
    await nav.getByRole('link', { name: '로그인' }).waitFor();
    assert.equal(await nav.getByRole('link', { name: '마이페이지' }).count(), 0);

    // Logged out for good: my page now sends the visitor to the login form, even after a reload.
    await page.goto(`${base}/me`);
    await page.waitForURL((u) => u.pathname === '/login');
    await page.getByTestId('login-username').waitFor();
    await page.reload();
    await page.getByTestId('login-username').waitFor();
    assert.equal(new URL(page.url()).pathname, '/login');
    assert.equal(await refreshCookieCount(guard.context), 0, 'logout clears the refresh cookie');

    guard.check();
    await guard.context.close();
  });

  test('the refresh cookie is httpOnly, SameSite=Strict and scoped to /api/v1/auth', async () => {
    const guard = await newGuardedContext(browser);
    const page = await guard.context.newPage();
    const user = await createVerifiedUser(base, uniqueUser('c'));
    await loginViaUi(page, base, user);

    const cookies = (await guard.context.cookies(`${base}/api/v1/auth/refresh`)).filter(
      (c) => c.name === 'sikgu_refresh',
    );
    assert.equal(cookies.length, 1, 'one refresh cookie after login');
    assert.equal(cookies[0].httpOnly, true);
    assert.equal(cookies[0].sameSite, 'Strict');
    assert.equal(cookies[0].path, '/api/v1/auth');
    assert.equal(await page.evaluate(() => document.cookie.includes('sikgu_refresh')), false);
    // No token is kept in web storage.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    assert.doesNotMatch(stored, /eyJ/, 'no JWT in web storage');

    // Two reloads in a row: every refresh rotates the cookie and the session survives.
    for (let i = 0; i < 2; i++) {
      await page.reload();
      await assertText(page.getByTestId('me-nickname'), user.nickname);
    }

    guard.check();
    await guard.context.close();
  });

  test('the language toggle switches the UI to English and back, and is remembered', async () => {
    const guard = await newGuardedContext(browser);
    const page = await guard.context.newPage();

    await page.goto(`${base}/plants/16449`);
    await assertText(page.getByTestId('plant-detail-name'), '몬스테라');
    assert.equal(await htmlLang(page), 'ko');
    const nav = page.getByRole('navigation', { name: '주 메뉴' });
    await nav.getByRole('link', { name: '식물 도감' }).waitFor();

    const toggle = page.getByTestId('lang-toggle');
    assert.equal((await toggle.textContent()).trim(), 'English');
    await toggle.click();

    const navEn = page.getByRole('navigation', { name: 'Main menu' });
    await navEn.getByRole('link', { name: 'Plant encyclopedia' }).waitFor();
    assert.equal(await htmlLang(page), 'en');
    assert.equal((await toggle.textContent()).trim(), '한국어');
    await navEn.getByRole('link', { name: 'Log in' }).waitFor();
    await navEn.getByRole('link', { name: 'Sign up' }).waitFor();
    // Plant names stay Korean; the source line is always the Korean attribution.
    await assertText(page.getByTestId('plant-detail-name'), '몬스테라');
    await assertText(page.getByTestId('plant-source'), '출처: 농촌진흥청 농사로');
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    const h2s = await page.getByRole('heading', { level: 2 }).allTextContents();
    assert.ok(h2s.every((h) => !/[가-힣]/.test(h)), `English section headings, got ${JSON.stringify(h2s)}`);

    // Remembered across a reload and on other pages.
    await page.goto(`${base}/login`);
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    assert.equal(await htmlLang(page), 'en');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();

    // API errors follow the language too.
    await page.getByTestId('login-username').fill('nobody_here');
    await page.getByTestId('login-password').fill('Wrong-pass-1');
    await page.getByTestId('login-submit').click();
    const err = page.locator('#login-form-error');
    await err.filter({ hasText: /\S/ }).waitFor();
    assert.doesNotMatch(await err.textContent(), /[가-힣]/, 'login error is in English');

    // And back to Korean.
    await page.getByTestId('lang-toggle').click();
    await page.getByRole('heading', { level: 1, name: '로그인' }).waitFor();
    assert.equal(await htmlLang(page), 'ko');

    guard.check();
    await guard.context.close();
  });

  test('after a password change the page keeps working on the new session, and a reload keeps it', async () => {
    const guard = await newGuardedContext(browser);
    const page = await guard.context.newPage();
    const user = await createVerifiedUser(base, uniqueUser('pw'));
    await loginViaUi(page, base, user);
    await page.goto(`${base}/me`);
    const refusals = [];
    page.on('response', async (r) => {
      if (r.status() === 401 && new URL(r.url()).pathname.startsWith('/api/v1/')) refusals.push((await r.json()).code);
    });
    await page.locator('#me-current-password').fill(user.password);
    await page.locator('#me-new-password').fill('garden789');
    await page.locator('#me-new-password2').fill('garden789');
    const changed = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/password'));
    await page.locator('button[name="me-password-submit"]').click();
    assert.equal((await changed).status(), 200);

    // Every session ended, this tab's old one too; the tab adopted the new session from the response, so the
    // next call goes through without a refusal, and a reload restores it from the new refresh cookie.
    const renamed = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/me') && r.request().method() === 'PATCH' && r.status() === 200,
    );
    await page.getByTestId('me-new-nickname').fill('비번바꾼닉');
    await page.locator('button[name="me-nickname-submit"]').click();
    await renamed;
    await page.getByTestId('me-nickname').filter({ hasText: '비번바꾼닉' }).waitFor();
    await page.reload();
    await page.getByTestId('me-nickname').filter({ hasText: '비번바꾼닉' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/me');
    assert.deepEqual(refusals, []);

    guard.check();
    await guard.context.close();
  });

  test('a taken username is flagged while typing and refused on submit', async () => {
    const guard = await newGuardedContext(browser);
    const page = await guard.context.newPage();
    const existing = await createVerifiedUser(base, uniqueUser('t'));
    const user = uniqueUser('t');

    await page.goto(`${base}/signup`);
    // The live availability check flags the name before anything is submitted.
    await page.getByTestId('signup-username').fill(existing.username);
    await page.locator('#signup-username-error').filter({ hasText: '이미 사용 중인 아이디입니다.' }).waitFor();
    await page.getByTestId('signup-nickname').fill(user.nickname);
    await page.getByTestId('signup-email').fill(user.email);
    await page.getByTestId('signup-password').fill(user.password);
    await page.getByTestId('signup-submit').click();

    // The server's 409 lands on the username field, which gets the focus; no navigation.
    await page.locator('#signup-username-error').filter({ hasText: '이미 사용 중인 아이디입니다.' }).waitFor();
    assert.equal(await page.getByTestId('signup-username').getAttribute('aria-invalid'), 'true');
    await page.waitForFunction(() => document.activeElement?.id === 'signup-username');
    assert.equal(new URL(page.url()).pathname, '/signup');

    guard.check();
    await guard.context.close();
  });

  test('a wrong verification code is rejected in the form', async () => {
    const guard = await newGuardedContext(browser);
    const page = await guard.context.newPage();
    const user = uniqueUser('w');
    await page.goto(`${base}/signup`);
    await page.getByTestId('signup-username').fill(user.username);
    await page.getByTestId('signup-nickname').fill(user.nickname);
    await page.getByTestId('signup-email').fill(user.email);
    await page.getByTestId('signup-password').fill(user.password);
    await page.getByTestId('signup-submit').click();
    await page.waitForURL((u) => u.pathname === '/verify-email');
    const { code } = await mailboxCode(base, user.email);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');

    await page.getByTestId('verify-code').fill(wrong);
    await page.getByTestId('verify-submit').click();
    await page.locator('#verify-code-error').waitFor();
    assert.equal(await page.getByTestId('verify-code').getAttribute('aria-invalid'), 'true');
    assert.equal(new URL(page.url()).pathname, '/verify-email');

    // Logging in before verifying is refused with a link back to verification.
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').fill(user.username);
    await page.getByTestId('login-password').fill(user.password);
    await page.getByTestId('login-submit').click();
    await page.locator('#login-form-error a[href="/verify-email"]').waitFor();

    guard.check();
    await guard.context.close();
  });
});

/** The card names the list shows once it matches what the API answers for `q` (first page). */
async function expectCardsFor(page, q) {
  const res = await fetch(`${base}/api/v1/plants?${new URLSearchParams({ q, limit: '20' })}`);
  assert.equal(res.status, 200);
  const expected = (await res.json()).items.map((p) => p.name_ko);
  assert.ok(expected.length > 0, `the API finds something for ${q}`);
  try {
    await page.waitForFunction(
      (names) => {
        const shown = [...document.querySelectorAll('[data-testid=plant-card] .plant-card-name')].map((e) =>
          e.textContent.trim(),
        );
        return shown.length === names.length && shown.every((n, i) => n === names[i]);
      },
      expected,
      { timeout: 10_000 },
    );
  } catch {
    const shown = await page.locator('[data-testid=plant-card] .plant-card-name').allTextContents();
    assert.deepEqual(shown, expected, `cards shown for ${q}`);
  }
  return expected;
}

async function refreshCookieCount(context) {
  const cookies = await context.cookies(`${base}/api/v1/auth/refresh`);
  return cookies.filter((c) => c.name === 'sikgu_refresh' && c.value).length;
}

async function assertText(locator, expected) {
  await locator.filter({ hasText: expected }).first().waitFor();
  const text = (await locator.first().textContent()).trim();
  assert.equal(text, expected);
}
