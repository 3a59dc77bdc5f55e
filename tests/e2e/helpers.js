// Browser and API helpers shared by the end-to-end tests.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { startServer } from './server.js';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const DESKTOP = { width: 1280, height: 800 };
export const MOBILE = { width: 360, height: 740 };
export const PHONE = { width: 390, height: 844 };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** True for URLs that stay on this machine (or never touch the network at all). */
export function isLocalUrl(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return true;
  return LOOPBACK_HOSTS.has(u.hostname);
}

/** Headless Debian chromium; playwright-core never downloads a browser of its own. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
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
}

/**
 * A fresh browser context (own cookies and storage) that aborts and records every request
 * to a host other than loopback, and records uncaught page errors and CSP violations.
 * Call `guard.check()` at the end of a test.
 */
export async function newGuardedContext(browser, { viewport = DESKTOP, locale = 'ko-KR' } = {}) {
  const context = await browser.newContext({ viewport, locale, serviceWorkers: 'block' });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  const offsite = [];
  const pageErrors = [];
  const record = (url) => {
    if (!offsite.includes(url)) offsite.push(url);
  };

  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (isLocalUrl(url)) return route.continue();
    record(url);
    return route.abort('blockedbyclient');
  });
  // Requests that bypass routing still show up here.
  context.on('request', (req) => {
    if (!isLocalUrl(req.url())) record(req.url());
  });

  const watch = (page) => {
    page.on('pageerror', (err) => pageErrors.push(`${page.url()}: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) {
        pageErrors.push(`${page.url()}: ${msg.text()}`);
      }
    });
    page.on('websocket', (ws) => {
      if (!isLocalUrl(ws.url().replace(/^ws/, 'http'))) record(ws.url());
    });
  };
  context.on('page', watch);

  return {
    context,
    offsite,
    pageErrors,
    check() {
      assert.deepEqual(offsite, [], `requests to non-loopback hosts: ${offsite.join(', ')}`);
      assert.deepEqual(pageErrors, [], `page errors: ${pageErrors.join('\n')}`);
    },
  };
}

/**
 * Run axe-core in the page. The app's CSP (script-src 'self') forbids injected inline
 * script tags, so the engine is evaluated through the DevTools protocol instead, which
 * leaves the page's policy in force.
 */
export async function runAxe(page) {
  const loaded = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  });
}

/** Violations that fail a test: impact "serious" or "critical". */
export function blocking(violations) {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function describeViolations(violations) {
  return violations
    .map(
      (v) =>
        `- [${v.impact}] ${v.id}: ${v.help}\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `    ${n.target}\n      ${(n.summary || '').replace(/\n/g, '\n      ')}`)
          .join('\n'),
    )
    .join('\n');
}

/** A new account's details, unique per run. */
export function uniqueUser(prefix = 'e2e') {
  const stamp = Date.now().toString(36).slice(-6);
  const rand = Math.random().toString(36).slice(2, 6);
  const username = `${prefix}_${stamp}${rand}`.slice(0, 20);
  return {
    username,
    nickname: `식물${stamp.slice(-3)}${rand}`.slice(0, 16),
    email: `${username}@example.test`,
    password: `Leafy-${rand}-2024`,
  };
}

async function json(res) {
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Poll the dev mailbox until a message to `email` arrives that holds a 6-digit code. */
export async function mailboxCode(baseUrl, email, { timeoutMs = 10_000, after = null } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = null;
  while (Date.now() < deadline) {
    const res = await fetch(`${baseUrl}/api/v1/dev/mailbox`);
    assert.equal(res.status, 200, 'dev mailbox should answer 200 on a loopback server without SMTP');
    last = await json(res);
    // Newest first: the first match is the latest mail.
    const mail = (last.items ?? []).find((m) => m.to === email && (!after || m.id !== after));
    if (mail) {
      const m = /\b(\d{6})\b/.exec(`${mail.subject}\n${mail.body}`);
      assert.ok(m, `no 6-digit code in mail: ${JSON.stringify(mail)}`);
      return { code: m[1], mail };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail to ${email} in the dev mailbox: ${JSON.stringify(last)}`);
}

/** Sign up and verify an account through the API (for tests that need a user but not the sign-up UI). */
export async function createVerifiedUser(baseUrl, user = uniqueUser()) {
  const res = await fetch(`${baseUrl}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      username: user.username,
      nickname: user.nickname,
      email: user.email,
      password: user.password,
    }),
  });
  assert.equal(res.status, 201, `signup: ${JSON.stringify(await json(res))}`);
  const { code } = await mailboxCode(baseUrl, user.email);
  const v = await fetch(`${baseUrl}/api/v1/auth/verify-email`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: user.email, code }),
  });
  assert.equal(v.status, 200, `verify-email: ${JSON.stringify(await json(v))}`);
  return user;
}

/** A JSON (or FormData) call to `/api/v1<path>` that must succeed; returns the parsed answer (null when empty). */
export async function apiCall(baseUrl, token, method, path, body) {
  const res = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body && !(body instanceof FormData) ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** An access token for `user`, through the API. */
export async function apiLogin(baseUrl, user) {
  return (await apiCall(baseUrl, '', 'POST', '/auth/login', { username: user.username, password: user.password })).access_token;
}

/** Log in through the login form; resolves once the my page shows the account. */
export async function loginViaUi(page, baseUrl, user) {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(user.username);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(`${baseUrl}/me`);
  await page.getByTestId('me-nickname').filter({ hasText: user.nickname }).waitFor();
}

/**
 * Start the server and the browser side by side. If either fails, the other is shut down
 * again so that a failed set-up never leaves a process behind (or keeps the test run alive).
 */
export async function startServerAndBrowser(serverOptions = {}) {
  const [s, b] = await Promise.allSettled([startServer(serverOptions), launchBrowser()]);
  if (s.status === 'rejected' || b.status === 'rejected') {
    if (b.status === 'fulfilled') await b.value.close().catch(() => undefined);
    if (s.status === 'fulfilled') await s.value.stop().catch(() => undefined);
    throw s.status === 'rejected' ? s.reason : b.reason;
  }
  return { server: s.value, browser: b.value };
}

/** Every axe violation (any impact) on the page fails, and nothing may scroll sideways: for pages that start clean. */
export async function assertAccessible(page, what) {
  await page.evaluate(() => document.fonts.ready);
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, `axe violations on ${what} (${page.url()}):\n${describeViolations(violations)}`);
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  assert.ok(scrollWidth <= clientWidth, `${what} scrolls sideways: ${scrollWidth} > ${clientWidth}`);
}
