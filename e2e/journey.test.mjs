// The spine as a new user lives it: sign up, upload a real clip, watch it as adaptive HLS, find it in the
// feed, like it, sign out.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { SHARED, awaitScreened, signUp, startBrowser, startPando } from './pando.mjs';

let pando;
let browser;
let context;

before(async () => {
  pando = await startPando();
  ({ browser, context } = await startBrowser());
});

after(async () => {
  await browser?.close();
  await pando?.stop();
});

test('sign up, upload, watch with quality switching, find it in the feed, like it, sign out', { timeout: 240_000 }, async () => {
  const page = await context.newPage();
  const base = pando.url;
  await signUp(page, base, 'mina');
  const me = await page.evaluate(() => fetch('/api/v1/me').then((r) => r.json()));
  assert.equal(me.country, 'KR', 'country defaulted from the browser language ko-KR');
  assert.deepEqual(me.languages, ['ko'], 'languages defaulted from Accept-Language');

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.waitForFunction(() => document.getElementById('languages').value !== '', null, { timeout: 10_000 });
  await page.getByLabel('Languages').fill('ko, en');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Saved.').waitFor();
  await page.getByLabel('Handle').fill('mina-walks');
  await page.getByLabel('Name', { exact: true }).fill('Mina walks');
  await page.getByRole('button', { name: 'Create channel' }).click();
  await page.getByRole('link', { name: 'Mina walks (@mina-walks)' }).waitFor();
  const profile = await page.evaluate(() => fetch('/api/v1/me').then((r) => r.json()));
  assert.deepEqual(profile.languages, ['ko', 'en'], 'languages edited in Settings');

  await page.getByRole('link', { name: 'Upload' }).click();
  await page.waitForURL(`${base}/upload`);
  await page.getByLabel('Channel').selectOption('mina-walks');
  await page.getByLabel('Video or audio file').setInputFiles(path.join(SHARED, 'media', 'derived-cut-with-speech.mp4'));
  await page.getByLabel('Title').fill('Parking lot, then a hallway');
  await page.getByLabel('Description').fill('Cars from above, a cut, people walking in. Voice: JFK.');
  await page.getByRole('button', { name: 'Upload', exact: true }).click();

  const uploadValues = [];
  const processingValues = [];
  await page.waitForFunction(() => document.getElementById('upload-bar').value === 100, null, { timeout: 60_000 });
  uploadValues.push(await page.locator('#upload-bar').evaluate((e) => e.value));
  await page.waitForFunction(() => {
    const bar = document.getElementById('processing-bar');
    window.__seen = window.__seen || [];
    window.__seen.push(bar.value);
    return bar.value === 100;
  }, null, { timeout: 120_000, polling: 100 });
  processingValues.push(...await page.evaluate(() => window.__seen));
  assert.equal(uploadValues.at(-1), 100, 'upload bar reaches 100%');
  assert.ok(processingValues.some((v) => v > 0 && v < 100),
    `processing bar showed progress between 0 and 100%: ${processingValues.join(',')}`);
  await page.getByText('Ready.').waitFor();

  await page.getByRole('link', { name: 'Watch it' }).click();
  await page.waitForURL(/\/v\/\w+$/);
  const videoId = page.url().split('/').pop();
  await page.waitForFunction(() => document.getElementById('channel').textContent.startsWith('@'));
  assert.equal(await page.locator('#channel').textContent(), '@mina-walks', 'published in the chosen channel');
  const video = page.locator('#video');
  await page.waitForFunction(() => document.getElementById('video').currentTime > 1.0, null, { timeout: 30_000 });
  const t1 = await video.evaluate((v) => v.currentTime);
  await page.waitForTimeout(1000);
  const t2 = await video.evaluate((v) => v.currentTime);
  assert.ok(t2 > t1, `currentTime advances (${t1} -> ${t2})`);

  const quality = page.getByLabel('Quality');
  await page.waitForFunction(() => document.querySelector('select[name="quality"]').options.length >= 3);
  const options = await quality.locator('option').allTextContents();
  assert.ok(options.includes('360p') && options.includes('240p'), `quality menu lists the ladder: ${options}`);
  for (const [label, height] of [['240p', 240], ['360p', 360]]) {
    await quality.selectOption({ label });
    await video.evaluate((v) => { v.currentTime = 0; return v.play(); });
    await page.waitForFunction((h) => document.getElementById('video').videoHeight === h, height, { timeout: 30_000 })
      .catch(async (error) => {
        const state = await video.evaluate((v) => ({ t: v.currentTime, h: v.videoHeight, paused: v.paused, ended: v.ended }));
        throw new Error(`switching to ${label}: ${JSON.stringify(state)}: ${error.message}`);
      });
  }

  const seek = page.getByLabel('Seek');
  const box = await seek.boundingBox();
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2);
  const preview = page.locator('.preview');
  await preview.waitFor({ state: 'visible' });
  assert.match(await preview.evaluate((e) => e.style.backgroundImage), /storyboard\.jpg/, 'seek bar shows a storyboard preview');

  // Others see the video once the look at its pictures publishes it.
  const { publication } = await awaitScreened(base, videoId, { page });
  assert.equal(publication, 'published', 'a parking lot and a hallway are not held for review');
  await page.goto(`${base}/`);
  const slide = page.locator(`section.slide[data-video="${videoId}"]`);
  await slide.waitFor({ timeout: 15_000 });
  await page.waitForFunction((id) => {
    const v = document.querySelector(`section.slide[data-video="${id}"] video`);
    return v && v.currentTime > 0.5;
  }, videoId, { timeout: 30_000 });
  const like = slide.getByRole('button', { name: 'Like' });
  await like.click();
  await page.waitForFunction((id) => document.querySelector(`section.slide[data-video="${id}"] .like`).getAttribute('aria-pressed') === 'true', videoId);
  const state = await page.evaluate((id) => fetch(`/api/v1/videos/${id}`).then((r) => r.json()), videoId);
  assert.equal(state.liked, true, 'the like is stored');
  assert.equal(state.likes, 1);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('link', { name: 'Sign in' }).waitFor();
  const after = await page.evaluate(() => fetch('/api/v1/me').then((r) => r.status));
  assert.equal(after, 401, 'signed out');
});
