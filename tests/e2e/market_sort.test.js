// A search sorted by price orders only its newest matches (`[market] sort_window`, three here), and the feed
// says so: five listings match 화분, the two oldest are the cheapest and stay out of the cheapest-first page.
// axe-core checks the page at 390 px and 1280 px.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { png } from '../support/png.js';
import {
  DESKTOP,
  PHONE,
  apiCall,
  apiLogin,
  assertAccessible,
  createVerifiedUser,
  newGuardedContext,
  startServerAndBrowser,
  uniqueUser,
} from './helpers.js';

let server;
let browser;
let base;
const titles = [];


before(async () => {
  ({ server, browser } = await startServerAndBrowser({ env: { SIKGU_MARKET__SORT_WINDOW: '3' } }));
  base = server.baseUrl;
  const seller = await createVerifiedUser(base, uniqueUser('so'));
  const token = await apiLogin(base, seller);
  // Oldest first, cheapest first: 1,000원 … 5,000원.
  for (let i = 1; i <= 5; i++) {
    const form = new FormData();
    form.append('file', new Blob([png(64 + i, 48, 0x3f8f4f + i * 0x100)], { type: 'image/png' }), `pot-${i}.png`);
    const photos = await apiCall(base, token, 'POST', '/photos', form);
    const title = `토분 화분 ${i}호`;
    await apiCall(base, token, 'POST', '/market/listings', { title, price: i * 1000, category: 'supplies', photo_ids: photos.items.map((p) => p.id) });
    titles.push(title);
  }
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

describe('sorted search', { timeout: 60_000 }, () => {
  for (const viewport of [PHONE, DESKTOP]) {
    test(`orders the newest matches and says so (${viewport.width} px)`, async () => {
      const guarded = await newGuardedContext(browser, { viewport });
      const page = await guarded.context.newPage();
      await page.goto(`${base}/market?q=${encodeURIComponent('화분')}&sort=price_asc`);
      await page.getByTestId('sorted-within').filter({ hasText: '최근 판매글 3개 안에서 정렬했어요' }).waitFor();
      await page.getByTestId('listing-card').nth(2).waitFor();
      assert.deepEqual(await page.getByTestId('listing-title').allTextContents(), [titles[2], titles[3], titles[4]]);
      await assertAccessible(page, `the sorted search (${viewport.width} px)`);

      // The newest order is not windowed, and has no note.
      await page.getByTestId('filter-sort').selectOption('newest');
      await page.getByTestId('listing-card').nth(4).waitFor();
      assert.equal(await page.getByTestId('sorted-within').count(), 0);
      guarded.check();
      await guarded.context.close();
    });
  }
});
