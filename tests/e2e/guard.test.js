// The browser tests' own safety net: requests that would leave the machine are stopped and reported.

import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import { isLocalUrl, launchBrowser, newGuardedContext } from './helpers.js';

describe('network guard', () => {
  test('isLocalUrl accepts loopback only', () => {
    for (const u of [
      'http://127.0.0.1:8080/api/v1/plants',
      'http://localhost/',
      'http://[::1]:3000/x',
      'data:text/plain,hi',
      'blob:http://127.0.0.1:1/abc',
    ]) {
      assert.equal(isLocalUrl(u), true, u);
    }
    for (const u of [
      'https://fonts.googleapis.com/css',
      'http://127.0.0.1.nip.io/',
      'http://10.0.0.1/',
      'http://192.168.1.1/',
      'http://localhost.example.test/',
      'not a url',
    ]) {
      assert.equal(isLocalUrl(u), false, u);
    }
  });

  describe('in the browser', () => {
    let browser;
    let server;
    let origin;

    before(async () => {
      server = http.createServer((req, res) => {
        res.setHeader('Content-Type', 'text/html');
        res.end('<!doctype html><html lang="en"><title>t</title><h1>local</h1></html>');
      });
      await new Promise((r) => server.listen(0, '127.0.0.1', r));
      origin = `http://127.0.0.1:${server.address().port}`;
      browser = await launchBrowser();
    });

    after(async () => {
      await browser?.close();
      await new Promise((r) => server.close(r));
    });

    test('loopback requests pass, others are aborted before they leave and are recorded', async () => {
      const guard = await newGuardedContext(browser);
      const page = await guard.context.newPage();
      await page.goto(`${origin}/`);
      assert.equal(await page.locator('h1').textContent(), 'local');

      // ".invalid" never resolves; the route handler aborts it before any lookup anyway.
      const outcome = await page.evaluate(() =>
        fetch('http://offsite.invalid/probe', { mode: 'no-cors' }).then(
          () => 'loaded',
          () => 'failed',
        ),
      );
      assert.equal(outcome, 'failed');
      assert.deepEqual(guard.offsite, ['http://offsite.invalid/probe']);
      assert.throws(() => guard.check(), /non-loopback/);
      await guard.context.close();
    });
  });
});
