// The marketplace in a real browser, with two accounts:
// the seller posts a listing with two photos (made in the page with a canvas, uploaded to media) → a buyer finds it
// by a two-syllable Korean term and wish-lists it → the seller marks it 예약중 → edits it → deletes it.
// axe-core checks every marketplace page (and the species page's marketplace section) on the way, at 390 px and 1280 px.
//
// Needs a server with the market and media modules; against one without them the whole file is skipped.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  DESKTOP,
  PHONE,
  assertAccessible,
  createVerifiedUser,
  loginViaUi,
  newGuardedContext,
  startServerAndBrowser,
  uniqueUser,
} from './helpers.js';

/** A plant in the shipped catalogue (also used by a11y.test.js). */
const SPECIES_ID = '16449';

let server;
let browser;
let base;
let seller;
let buyer;
let marketAvailable = false;

before(async () => {
  ({ server, browser } = await startServerAndBrowser());
  base = server.baseUrl;
  const probe = await fetch(`${base}/api/v1/market/listings?limit=1`);
  await probe.arrayBuffer();
  marketAvailable = probe.status === 200;
  if (!marketAvailable) return;
  [seller, buyer] = await Promise.all([
    createVerifiedUser(base, uniqueUser('ms')),
    createVerifiedUser(base, uniqueUser('mb')),
  ]);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});


/** Two small real images, drawn on a canvas in the page: a green JPEG and a terracotta PNG. */
async function makeImages(page) {
  const [jpeg, png] = await page.evaluate(async () => {
    const draw = (w, h, colour, type) => {
      const c = document.createElement('canvas');
      c.width = w;
      c.height = h;
      const g = c.getContext('2d');
      g.fillStyle = colour;
      g.fillRect(0, 0, w, h);
      g.fillStyle = '#ffffff';
      g.beginPath();
      g.arc(w / 2, h / 2, Math.min(w, h) / 4, 0, Math.PI * 2);
      g.fill();
      return c.toDataURL(type, 0.9).split(',')[1];
    };
    return [draw(480, 360, '#3f8f4f', 'image/jpeg'), draw(300, 400, '#c97a32', 'image/png')];
  });
  return [
    { name: 'monstera-1.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(jpeg, 'base64') },
    { name: 'pot-2.png', mimeType: 'image/png', buffer: Buffer.from(png, 'base64') },
  ];
}

const tileIds = (page) =>
  page.getByTestId('photo-tile').evaluateAll((tiles) => tiles.map((t) => t.getAttribute('data-photo-id')));

async function waitForUploads(page, count) {
  await page.waitForFunction(
    (n) => {
      const tiles = [...document.querySelectorAll('[data-testid="photo-tile"]')];
      return tiles.length === n && tiles.every((t) => t.getAttribute('data-status') === 'ready');
    },
    count,
    { timeout: 20_000 },
  );
}

describe('marketplace', { timeout: 180_000 }, () => {
  test('post with two photos → found by 알보 → wish-listed by another user → 예약중 → edited → deleted', async (t) => {
    if (!marketAvailable) {
      t.skip('this server has no market module (GET /api/v1/market/listings did not answer 200)');
      return;
    }
    const sellerCtx = await newGuardedContext(browser, { viewport: PHONE });
    const buyerCtx = await newGuardedContext(browser, { viewport: DESKTOP });
    const sp = await sellerCtx.context.newPage();
    const bp = await buyerCtx.context.newPage();

    // The empty feed first (fresh server), reached from the main menu.
    await loginViaUi(sp, base, seller);
    await sp.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '중고거래' }).click();
    await sp.waitForURL(`${base}/market`);
    await sp.getByTestId('listing-empty').waitFor();
    await assertAccessible(sp, 'the empty feed (390 px)');

    // Write: two photos, reordered, a species from the encyclopedia, a price, a two-line description.
    await sp.getByTestId('market-write').click();
    await sp.waitForURL(`${base}/market/new`);
    await sp.getByRole('heading', { level: 1, name: '판매글 쓰기' }).waitFor();
    await assertAccessible(sp, 'the write page (390 px)');

    // Client-side checks first: nothing is sent without photos and a title.
    await sp.getByTestId('listing-submit').click();
    await sp.locator('#title-error').filter({ hasText: '제목을 입력해 주세요.' }).waitFor();
    await sp.locator('#photos-error').filter({ hasText: '사진을 한 장 이상 올려 주세요.' }).waitFor();

    const files = await makeImages(sp);
    await sp.getByTestId('photo-input').setInputFiles(files);
    await waitForUploads(sp, 2);
    const uploaded = await tileIds(sp);
    assert.equal(uploaded.length, 2);
    for (const src of await sp.getByTestId('photo-tile').locator('img').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('src')))) {
      assert.match(src, /^\/media\/p\/[0-9a-f]{64}\/320\.webp$/, 'previews come from media once uploaded');
    }
    // Keyboard reordering: the second photo becomes the cover.
    await sp.getByRole('button', { name: '2번 사진 앞으로 옮기기' }).focus();
    await sp.keyboard.press('Enter');
    // React re-renders after the key press: wait for the moved tile's button to hold focus, then look.
    await sp
      .waitForFunction(() => document.activeElement?.getAttribute('aria-label') === '1번 사진 뒤로 옮기기', null, { timeout: 2000 })
      .catch(() => {});
    assert.deepEqual(await tileIds(sp), [uploaded[1], uploaded[0]]);
    assert.equal(
      await sp.evaluate(() => document.activeElement?.getAttribute('aria-label')),
      '1번 사진 뒤로 옮기기',
      'focus stays with the moved photo',
    );

    // Drag and drop does the same: the first photo dropped on the second, and back again.
    await sp.getByTestId('photo-tile').nth(0).dragTo(sp.getByTestId('photo-tile').nth(1));
    assert.deepEqual(await tileIds(sp), uploaded, 'dragging reorders too');
    await sp.getByTestId('photo-tile').nth(1).dragTo(sp.getByTestId('photo-tile').nth(0));
    assert.deepEqual(await tileIds(sp), [uploaded[1], uploaded[0]]);

    const title = '몬스테라 알보 분양해요';
    await sp.getByTestId('listing-title-input').fill(title);
    await sp.getByTestId('listing-price').fill('25000');
    await sp.locator('#price-hint').filter({ hasText: '25,000원' }).waitFor();
    await sp.getByTestId('listing-description-input').fill('잎 다섯 장, 무늬 선명해요.\n토분 포함입니다.');
    await sp.getByTestId('species-search').fill('몬스테라');
    await sp.getByTestId('species-option').first().click();
    await sp.getByTestId('species-picked').waitFor();
    await sp.getByTestId('listing-trade-area').fill('마포구 망원동');
    await assertAccessible(sp, 'the filled write page (390 px)');
    await sp.getByTestId('listing-submit').click();

    await sp.waitForURL((u) => /^\/market\/\d+$/.test(u.pathname));
    const listingId = new URL(sp.url()).pathname.split('/').pop();
    await sp.getByTestId('listing-detail-title').filter({ hasText: title }).waitFor();
    assert.equal(await sp.getByTestId('listing-detail-price').innerText(), '25,000원');
    assert.equal(await sp.getByTestId('listing-description').innerText(), '잎 다섯 장, 무늬 선명해요.\n토분 포함입니다.');
    assert.equal(await sp.locator('.gallery-thumbs button').count(), 2, 'both photos in the gallery');
    const firstLarge = await sp.locator('.gallery-slide img').first().getAttribute('src');
    assert.match(firstLarge, /\/1080\.webp$/);
    await sp.getByTestId('species-link').waitFor();
    await sp.getByTestId('seller-panel').waitFor();
    await assertAccessible(sp, 'the detail page as its seller (390 px)');

    // The buyer finds it with a two-syllable term and wish-lists it.
    await loginViaUi(bp, base, buyer);
    await bp.goto(`${base}/market`);
    await bp.getByTestId('market-search').fill('알보');
    await bp.waitForURL((u) => u.searchParams.get('q') === '알보');
    const card = bp.getByTestId('listing-card').filter({ hasText: title });
    await card.waitFor();
    assert.equal(await card.getByTestId('listing-price').innerText(), '25,000원');
    await assertAccessible(bp, 'the feed with a search (1280 px)');
    await card.click();
    await bp.waitForURL(`${base}/market/${listingId}`);
    await bp.getByTestId('listing-detail-title').waitFor();
    assert.equal(await bp.getByTestId('seller-panel').count(), 0, 'no seller tools for the buyer');
    // The gallery answers the arrow keys.
    await bp.locator('.gallery-track').focus();
    await bp.keyboard.press('ArrowRight');
    await bp.locator('.gallery-counter').filter({ hasText: '2 / 2' }).waitFor();
    const wish = bp.getByTestId('wish-button');
    assert.equal(await wish.getAttribute('aria-pressed'), 'false');
    await wish.click();
    // Optimistic: pressed within a frame or two of the click, not after a reload.
    await bp
      .waitForFunction(() => document.querySelector('[data-testid="wish-button"]')?.getAttribute('aria-pressed') === 'true', null, { timeout: 1000 })
      .catch(() => {});
    assert.equal(await wish.getAttribute('aria-pressed'), 'true', 'shown at once');
    await bp.getByTestId('wish-count').filter({ hasText: '1' }).waitFor();
    await assertAccessible(bp, 'the detail page as a buyer (1280 px)');
    await bp.reload();
    await bp.getByTestId('wish-button').and(bp.locator('[aria-pressed="true"]')).waitFor();
    await bp.goto(`${base}/market/me?tab=wishes`);
    await bp.getByTestId('listing-card').filter({ hasText: title }).waitFor();
    await assertAccessible(bp, 'my wish list (1280 px)');

    // The seller sees the wish, and marks the listing 예약중.
    await sp.reload();
    await sp.getByTestId('seller-panel').waitFor();
    await sp.getByTestId('state-reserved').check();
    await sp.getByTestId('state-save').click();
    await sp.locator('.notice-success').filter({ hasText: '예약중' }).waitFor();
    await sp.locator('.listing-head .state-badge').filter({ hasText: '예약중' }).waitFor();
    // Choosing 거래완료 explains that nobody has chatted yet.
    await sp.getByTestId('state-sold').check();
    await sp.locator('.notice-info').filter({ hasText: '채팅한 사람이 없어' }).waitFor();
    assert.equal(await sp.getByTestId('state-save').isDisabled(), true);
    await assertAccessible(sp, 'the seller panel choosing 거래완료 (390 px)');
    await sp.getByTestId('state-reserved').check();

    await bp.goto(`${base}/market?q=%EC%95%8C%EB%B3%B4`);
    await bp.getByTestId('listing-card').filter({ hasText: title }).locator('.state-badge', { hasText: '예약중' }).waitFor();

    // Edit: a new title and price; the photos stay.
    await sp.getByTestId('edit-listing').click();
    await sp.waitForURL(`${base}/market/${listingId}/edit`);
    await waitForUploads(sp, 2);
    assert.deepEqual(await tileIds(sp), [uploaded[1], uploaded[0]], 'photos in the saved order');
    assert.equal(await sp.getByTestId('listing-title-input').inputValue(), title);
    await assertAccessible(sp, 'the edit page (390 px)');
    const edited = '몬스테라 알보 중품 (토분 포함)';
    await sp.getByTestId('listing-title-input').fill(edited);
    await sp.getByTestId('listing-price').fill('20000');
    await sp.getByTestId('listing-submit').click();
    await sp.waitForURL(`${base}/market/${listingId}`);
    await sp.getByTestId('listing-detail-title').filter({ hasText: edited }).waitFor();
    assert.equal(await sp.getByTestId('listing-detail-price').innerText(), '20,000원');

    // My page, each tab.
    await sp.goto(`${base}/market/me`);
    await sp.getByTestId('listing-card').filter({ hasText: edited }).waitFor();
    await assertAccessible(sp, 'my listings (390 px)');
    await sp.getByTestId('tab-selling').focus();
    await sp.keyboard.press('ArrowRight');
    await sp.waitForURL((u) => u.searchParams.get('tab') === 'purchases');
    await sp.getByTestId('listing-empty').waitFor();
    await assertAccessible(sp, 'my purchases (390 px)');
    await sp.getByTestId('tab-keywords').click();
    await sp.getByTestId('keyword-input').fill('토분');
    await sp.getByTestId('keyword-add').click();
    await sp.getByTestId('keyword-item').filter({ hasText: '토분' }).waitFor();
    await assertAccessible(sp, 'my keyword alerts (390 px)');
    await sp.getByRole('button', { name: '“토분” 키워드 삭제' }).click();
    await sp.getByTestId('keyword-item').first().waitFor({ state: 'detached' });

    // The species page shows the listing and the price guide (nothing sold yet).
    const species = await (await fetch(`${base}/api/v1/market/listings/${listingId}`)).json();
    assert.ok(species.species, 'the listing is linked to a species');
    await bp.goto(`${base}/plants/${species.species.id}`);
    await bp.getByTestId('species-market').getByText(edited).waitFor();
    await bp.getByTestId('price-guide-empty').waitFor();
    await assertAccessible(bp, 'the species page with its marketplace section (1280 px)');

    // Delete, after the confirmation.
    await sp.goto(`${base}/market/${listingId}`);
    await sp.getByTestId('delete-listing').click();
    await sp.getByTestId('delete-confirm').click();
    await sp.waitForURL(`${base}/market/me`);
    await sp.locator('.notice-success').filter({ hasText: '삭제했습니다' }).waitFor();
    const gone = await fetch(`${base}/api/v1/market/listings/${listingId}`);
    assert.equal(gone.status, 404, 'nobody else sees a deleted listing');
    await bp.goto(`${base}/market/${listingId}`);
    await bp.getByRole('heading', { level: 1, name: '판매글을 찾을 수 없습니다.' }).waitFor();
    await assertAccessible(bp, 'a deleted listing (1280 px)');

    sellerCtx.check();
    buyerCtx.check();
    await sellerCtx.context.close();
    await buyerCtx.context.close();
  });

  test('the feed and detail in English at 390 px; a failed upload shows the server’s reason on its photo', async (t) => {
    if (!marketAvailable) {
      t.skip('this server has no market module');
      return;
    }
    const guard = await newGuardedContext(browser, { viewport: PHONE });
    await guard.context.addInitScript(() => {
      if (location.protocol === 'http:' && !localStorage.getItem('sikgu.lang')) localStorage.setItem('sikgu.lang', 'en');
    });
    const page = await guard.context.newPage();
    await loginViaUi(page, base, seller);
    await page.goto(`${base}/market/new`);
    await page.getByRole('heading', { level: 1, name: 'New listing' }).waitFor();
    // Not an image: media refuses it, the tile says why, the form cannot be sent.
    await page.getByTestId('photo-input').setInputFiles([
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture at all\n'.repeat(20)) },
    ]);
    await page.getByTestId('photo-error').waitFor({ timeout: 15_000 });
    assert.ok((await page.getByTestId('photo-error').innerText()).trim().length > 0, 'the server’s problem text is shown');
    await assertAccessible(page, 'a failed upload (390 px, English)');
    await page.goto(`${base}/market?sort=price_asc&free=true`);
    assert.equal(await page.getByTestId('filter-free').isChecked(), true);
    assert.equal(await page.getByTestId('filter-sort').inputValue(), 'price_asc');
    await page.getByTestId('listing-empty').waitFor();
    await assertAccessible(page, 'the filtered feed (390 px, English)');
    guard.check();
    await guard.context.close();
  });
});
