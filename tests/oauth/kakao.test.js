// Kakao login end to end: sikgu against a real OAuth 2.0 / OpenID Connect provider (npm oidc-provider) on
// loopback, driven in Debian's Chromium. The provider plays Kakao: authorization code + PKCE, a confidential
// client (client_secret_post), and a user-info endpoint answering {sub, nickname, email, email_verified}.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { freePort, startServer } from '../e2e/server.js';
import { startProvider } from './provider.js';

const ACCOUNTS = {
  gardener: { nickname: '초록손', email: 'gardener@example.com', email_verified: true },
  shared: { nickname: '공유메일', email: 'shared@example.com', email_verified: true },
  linker: { nickname: '연결할계정', email: 'linker@example.com', email_verified: true },
};

let idp;
let sikgu;
let browser;
let base;

before(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  idp = await startProvider({ redirectUri: `${base}/api/v1/auth/kakao/callback`, accounts: ACCOUNTS });
  sikgu = await startServer({
    port,
    env: {
      SIKGU_CORE__HTTP__PUBLIC_URL: base,
      SIKGU_ACCOUNT__KAKAO__CLIENT_ID: idp.client.id,
      SIKGU_ACCOUNT__KAKAO__CLIENT_SECRET: idp.client.secret,
      SIKGU_ACCOUNT__KAKAO__AUTHORIZE_URL: idp.endpoints.authorize,
      SIKGU_ACCOUNT__KAKAO__TOKEN_URL: idp.endpoints.token,
      SIKGU_ACCOUNT__KAKAO__USERINFO_URL: idp.endpoints.userinfo,
      SIKGU_ACCOUNT__KAKAO__SCOPE: 'openid profile email',
    },
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
});

after(async () => {
  await browser?.close();
  await sikgu?.stop();
  await idp?.close();
});

async function newContext() {
  const context = await browser.newContext({ locale: 'ko-KR', serviceWorkers: 'block' });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(20_000);
  return context;
}

/** At the provider's dev interaction pages: log in as `login` (any password) and consent. */
async function signInAtProvider(page, login) {
  await page.waitForURL((u) => u.href.startsWith(`${idp.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any-password');
  await page.locator('button[type="submit"]').click();
  // Then the consent page, when the grant is new, until the browser leaves the provider.
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    await page.waitForLoadState();
    const url = page.url();
    if (!url.startsWith(idp.issuer)) return;
    const consent = url.includes('/interaction/') && (await page.locator('input[name="login"]').count()) === 0;
    if (consent && (await page.locator('button[type="submit"]').count()) === 1) {
      await page.locator('button[type="submit"]').click();
      await page.waitForURL((u) => u.href !== url);
    } else {
      await page.waitForTimeout(100);
    }
  }
  throw new Error(`still at the provider: ${page.url()}\n${await page.content()}`);
}

/** Clicks the Kakao button on sikgu's login page and completes the provider's pages; ends on /me. */
async function kakaoLogin(page, login) {
  await page.goto(`${base}/login`);
  await page.getByTestId('login-kakao').click();
  await signInAtProvider(page, login);
  await page.waitForURL(`${base}/me`);
}

/** The signed-in user of a browser context, read through the refresh cookie and GET /api/v1/me. */
async function currentUser(context) {
  const refresh = await context.request.post(`${base}/api/v1/auth/refresh`, {
    headers: { 'X-Sikgu-Csrf': '1', 'content-type': 'application/json' },
    data: '{}',
  });
  assert.equal(refresh.status(), 200, await refresh.text());
  const { access_token: token } = await refresh.json();
  const me = await context.request.get(`${base}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(me.status(), 200);
  return { user: await me.json(), token };
}

async function api(method, path, { body, token } = {}) {
  const headers = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${base}${path}`, { method, headers, body: body && JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

/** A verified password account made through the API (the dev mailbox holds the code). */
async function passwordUser(username, email) {
  const signup = await api('POST', '/api/v1/auth/signup', {
    body: { username, nickname: `닉${username}`.slice(0, 16), email, password: 'garden123' },
  });
  assert.equal(signup.status, 201, JSON.stringify(signup.json));
  const mailbox = await api('GET', '/api/v1/dev/mailbox');
  const mail = mailbox.json.items.find((m) => m.to === email);
  const code = `${mail.subject}\n${mail.body}`.match(/\b(\d{6})\b/)[1];
  assert.equal((await api('POST', '/api/v1/auth/verify-email', { body: { email, code } })).status, 200);
  const login = await api('POST', '/api/v1/auth/login', { body: { username, password: 'garden123' } });
  assert.equal(login.status, 200);
  return login.json;
}

let firstUserId;

test('a first Kakao login creates a user and lands on my page', async () => {
  const context = await newContext();
  try {
    const page = await context.newPage();
    await kakaoLogin(page, 'gardener');
    await assert.doesNotReject(page.getByTestId('me-nickname').getByText('초록손').waitFor());
    const { user } = await currentUser(context);
    firstUserId = user.id;
    assert.equal(user.username, 'kakao_gardener');
    assert.equal(user.nickname, '초록손');
    assert.equal(user.email, 'gardener@example.com');
    assert.equal(user.email_verified, true);
    assert.deepEqual(user.providers, ['kakao']);
    // The exchange used the client secret in the form and the PKCE verifier.
    const grant = idp.calls.find((c) => c.kind === 'grant');
    assert.ok(grant, JSON.stringify(idp.calls));
    assert.equal(grant.params.client_id, idp.client.id);
    assert.ok(grant.params.code_verifier?.length >= 43);
    // The login-CSRF cookie is gone, the refresh cookie is httpOnly.
    const cookies = await context.cookies();
    assert.equal(cookies.find((c) => c.name === 'sikgu_oauth'), undefined);
    const refresh = cookies.find((c) => c.name === 'sikgu_refresh');
    assert.ok(refresh?.httpOnly);
    assert.equal(refresh.path, '/api/v1/auth');
  } finally {
    await context.close();
  }
});

test('a second Kakao login with the same account reuses the same sikgu user', async () => {
  assert.ok(firstUserId, 'needs the first test');
  const context = await newContext();
  try {
    const page = await context.newPage();
    await kakaoLogin(page, 'gardener');
    const { user } = await currentUser(context);
    assert.equal(user.id, firstUserId);
    assert.equal(user.username, 'kakao_gardener');
  } finally {
    await context.close();
  }
});

test('a callback with a wrong state ends at the login page with auth.oauth_state_invalid', async () => {
  const context = await newContext();
  try {
    const page = await context.newPage();
    // A real login under way (the sikgu_oauth cookie is set), then a forged callback with another state.
    await page.goto(`${base}/login`);
    await page.getByTestId('login-kakao').click();
    await page.waitForURL((u) => u.href.startsWith(idp.issuer));
    assert.ok((await context.cookies()).some((c) => c.name === 'sikgu_oauth'));
    await page.goto(`${base}/api/v1/auth/kakao/callback?code=forged&state=not-the-state`);
    await page.waitForURL(`${base}/login?error=auth.oauth_state_invalid`);
    await page.getByText('카카오 로그인 요청이 유효하지 않거나 만료되었습니다').waitFor();
    // No session was made.
    const refresh = await context.request.post(`${base}/api/v1/auth/refresh`, {
      headers: { 'X-Sikgu-Csrf': '1', 'content-type': 'application/json' },
      data: '{}',
    });
    assert.equal(refresh.status(), 401);
  } finally {
    await context.close();
  }
});

test('the provider refusing (?error=access_denied) ends with auth.oauth_denied', async () => {
  const context = await newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.getByTestId('login-kakao').click();
    await page.waitForURL((u) => u.href.startsWith(idp.issuer));
    const state = (await context.cookies()).find((c) => c.name === 'sikgu_oauth').value;
    await page.goto(`${base}/api/v1/auth/kakao/callback?error=access_denied&state=${state}`);
    await page.waitForURL(`${base}/login?error=auth.oauth_denied`);
    // The state was spent: replaying it fails.
    await page.goto(`${base}/api/v1/auth/kakao/callback?code=x&state=${state}`);
    await page.waitForURL(`${base}/login?error=auth.oauth_state_invalid`);
  } finally {
    await context.close();
  }
});

test('a password account with the same e-mail is not taken over', async () => {
  const owner = await passwordUser('mail_owner', 'shared@example.com');
  const context = await newContext();
  try {
    const page = await context.newPage();
    await kakaoLogin(page, 'shared');
    const { user, token } = await currentUser(context);
    assert.notEqual(user.id, owner.user.id);
    assert.equal(user.username, 'kakao_shared');
    assert.equal(user.email, 'kakao-shared@users.sikgu.invalid');
    assert.equal(user.email_verified, false);
    // The owner keeps the account, its password and no Kakao link.
    const again = await api('POST', '/api/v1/auth/login', { body: { username: 'mail_owner', password: 'garden123' } });
    assert.equal(again.status, 200);
    assert.equal(again.json.user.id, owner.user.id);
    assert.deepEqual(again.json.user.providers, []);

    // A Kakao-only account has no password: it is deleted with {"confirm": "delete"}.
    assert.equal((await api('DELETE', '/api/v1/me', { token, body: {} })).json.code, 'account.password_required');
    assert.equal((await api('DELETE', '/api/v1/me', { token, body: { confirm: 'delete' } })).status, 204);
    assert.equal((await api('GET', '/api/v1/me', { token })).status, 401);
  } finally {
    await context.close();
  }
});

test('a logged-in user links a Kakao account and then logs in with it', async () => {
  const linked = await passwordUser('link_owner', 'owner@example.com');
  const context = await newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').fill('link_owner');
    await page.getByTestId('login-password').fill('garden123');
    await page.getByTestId('login-password').press('Enter');
    await page.waitForURL(`${base}/me`);
    // From my page: the start link with a refresh cookie links instead of logging in.
    await page.goto(`${base}/api/v1/auth/kakao/start?return_to=/me`);
    await signInAtProvider(page, 'linker');
    await page.waitForURL(`${base}/me`);
    const { user } = await currentUser(context);
    assert.equal(user.id, linked.user.id);
    assert.deepEqual(user.providers, ['kakao']);
  } finally {
    await context.close();
  }
  // A fresh browser logging in with that Kakao account gets the linked user.
  const fresh = await newContext();
  try {
    const page = await fresh.newPage();
    await kakaoLogin(page, 'linker');
    const { user } = await currentUser(fresh);
    assert.equal(user.id, linked.user.id);
    assert.equal(user.username, 'link_owner');
  } finally {
    await fresh.close();
  }
});
