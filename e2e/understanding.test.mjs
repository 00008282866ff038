// What Pando understood of a real clip, as its creator and a viewer see it on the watch page: the
// analysis steps, captions from speech behind a CC button, Video Slide pages to flip and play, the
// creator's caption corrections, and tags suggested from what is said.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { SHARED, awaitScreened, json, signUp, startBrowser, startPando, tusUpload } from './pando.mjs';

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

test('captions from speech, Video Slide pages and caption corrections on the watch page', { timeout: 240_000 }, async () => {
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => { if (message.type() !== 'log') pageErrors.push(message.text()); });
  await signUp(page, pando.url, 'speaker');
  const { token } = await json('POST', `${pando.url}/api/v1/sessions`, null,
    { username: 'speaker', password: 'correct horse battery' });

  const id = await tusUpload(pando.url, token, path.join(SHARED, 'media', 'derived-cut-with-speech.mp4'), 'Ask not');

  // The creator opens the watch page while the video is processed and analysed: the steps show up.
  await page.goto(`${pando.url}/v/${id}`);
  await page.locator('#analysis-steps li').first().waitFor({ timeout: 120_000 });
  const labels = await page.locator('#analysis-steps li > span:first-child').allTextContents();
  assert.deepEqual(labels, ['Reading the file', 'Measuring loudness', 'Transcribing speech', 'Finding the topics',
    'Finding scene cuts',
    'Making Video Slide pages', 'Looking at the pictures'], 'the analysis steps, named for people');

  // When the analysis is done: a CC button, the Video Slide book and the loudness facts.
  const cc = page.locator('#captions-toggle');
  await cc.waitFor({ timeout: 120_000 }).catch(async (error) => {
    const steps = await page.locator('#analysis-steps').textContent();
    const analysis = await (await fetch(`${pando.url}/api/v1/videos/${id}/analysis`)).text();
    throw new Error(`${error.message}; errors on the page: ${pageErrors.join(' | ') || 'none'}; steps shown: ${steps}; `
      + `analysis: ${analysis}; controls: ${await page.locator('.controls').count()}`);
  });
  await page.locator('#video-slide').waitFor();
  assert.equal((await awaitScreened(pando.url, id, { token })).publication, 'published', 'the speech clip is published to all');
  assert.match(await page.locator('#analysis-facts').textContent(), /Loudness -1[5-7]\.\d LUFS as uploaded, played at -1[34]\.\d LUFS/);

  const trackMode = () => page.evaluate(() => document.querySelector('#video track').track.mode);
  assert.equal(await trackMode(), 'hidden', 'captions start hidden');
  await cc.click();
  assert.equal(await cc.getAttribute('aria-pressed'), 'true');
  assert.equal(await trackMode(), 'showing', 'CC shows the captions');
  await page.waitForFunction(() => document.querySelector('#video track').track.cues?.length > 0, null, { timeout: 10_000 });
  const cueText = await page.evaluate(() => [...document.querySelector('#video track').track.cues].map((c) => c.text).join(' '));
  assert.match(cueText, /ask not what your country can do for you/, 'captions carry the speech');

  // Flip the book to the page that begins at the cut (5 s): it carries the words said after the cut.
  assert.match(await page.locator('#book-number').textContent(), /^Page 1 of \d+$/);
  const analysed = await json('GET', `${pando.url}/api/v1/videos/${id}/analysis`);
  const { pages, poster } = analysed;
  assert.ok(poster && poster.nsfw >= 0 && poster.nsfw < 0.2 && Number.isInteger(poster.faces),
    `the poster is looked at on its own besides the frames: ${JSON.stringify(poster)}`);
  assert.ok(analysed.nsfw_max >= poster.nsfw, `the highest score counts the poster: ${analysed.nsfw_max}`);
  const atCut = pages.findIndex((p) => Math.abs(p.start - 5.0) <= 0.2);
  assert.ok(atCut > 0, `a page begins at the cut: ${JSON.stringify(pages)}`);
  for (let i = 0; i < atCut; i += 1) await page.getByRole('button', { name: 'Next page' }).click();
  assert.match(await page.locator('#book-time').textContent(), /^0:05–/, 'the page at the cut');
  const cutPage = await page.locator('#book-text').textContent();
  assert.match(await page.locator('#book-picture').evaluate((e) => e.style.backgroundImage), /\/media\/\w+\/pages\/\d+\.jpg/,
    'the page shows its own picture');
  assert.match(cutPage, /what your country/, `words of the page at the cut: ${cutPage}`);
  await page.keyboard.press('ArrowLeft');
  await page.getByRole('button', { name: 'Next page' }).focus();
  await page.keyboard.press('ArrowRight');
  assert.match(await page.locator('#book-time').textContent(), /^0:05–/, 'arrow keys flip back and forth');

  // Play that page at double speed: the video starts at the page and stops at its end.
  await page.locator('#book-speed').selectOption('2');
  await page.getByRole('button', { name: 'Play this page' }).click();
  await page.waitForFunction(() => document.getElementById('video').playbackRate === 2);
  await page.waitForFunction(() => {
    const v = document.getElementById('video');
    return v.paused && v.currentTime > 5;
  }, null, { timeout: 20_000 });
  const stoppedAt = await page.evaluate(() => document.getElementById('video').currentTime);
  assert.ok(Math.abs(stoppedAt - pages[atCut].end) < 0.6, `stopped at ${stoppedAt}, the page ends at ${pages[atCut].end}`);

  // The creator corrects the first caption; everyone's captions change.
  const first = page.locator('#caption-rows li').first().locator('input[type="text"]');
  await first.fill('And so, my fellow Americans');
  await page.getByRole('button', { name: 'Save captions' }).click();
  await page.waitForFunction(() => document.getElementById('caption-saved').textContent !== ''
    || !document.getElementById('caption-error').hidden, null, { timeout: 10_000 });
  assert.equal(await page.locator('#caption-error').isHidden(), true,
    `saving failed: ${await page.locator('#caption-error').textContent()}`);
  assert.equal(await page.locator('#caption-saved').textContent(), 'Saved.');
  const vtt = await (await fetch(`${pando.url}/api/v1/videos/${id}/captions.vtt`)).text();
  assert.match(vtt, /And so, my fellow Americans/, 'the corrected caption is served');

  // Tags suggested from the speech: the creator adds one with a click and types another; a bad one is refused.
  const suggestion = page.locator('#tag-suggestions button', { hasText: 'politics' });
  await suggestion.waitFor({ timeout: 10_000 }).catch(async (error) => {
    const analysis = await json('GET', `${pando.url}/api/v1/videos/${id}/analysis`);
    throw new Error(`${error.message}; suggested: ${JSON.stringify(analysis.suggested_tags)}`);
  });
  await suggestion.click();
  await page.locator('#tag-list .chip', { hasText: '#politics' }).waitFor();
  assert.equal(await page.locator('#tag-suggestions button', { hasText: 'politics' }).count(), 0,
    'a tag the video has is no longer suggested');
  await page.getByLabel('Add a tag').fill('  #Famous Speeches ');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.locator('#tag-list .chip', { hasText: '#famous speeches' }).waitFor();
  await page.getByLabel('Add a tag').fill('fish & chips');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.locator('#tag-error').waitFor();
  assert.match(await page.locator('#tag-error').textContent(), /not a tag/);
  assert.deepEqual((await json('GET', `${pando.url}/api/v1/videos/${id}`)).tags, ['politics', 'famous speeches'],
    'the tags as kept, in the order added');
  await page.getByRole('button', { name: 'Remove the tag famous speeches' }).click();
  await page.waitForFunction(() => document.querySelectorAll('#tag-list .chip').length === 1);

  // A viewer sees captions, the book and the tags but no editor.
  const viewer = await context.browser().newContext();
  const other = await viewer.newPage();
  await other.goto(`${pando.url}/v/${id}`);
  await other.locator('#captions-toggle').waitFor({ timeout: 30_000 });
  await other.locator('#video-slide').waitFor();
  assert.equal(await other.locator('#caption-editor').isHidden(), true, 'only the creator edits captions');
  assert.deepEqual(await other.locator('#tag-list .chip').allTextContents(), ['#politics']);
  assert.equal(await other.locator('#tag-editor').isHidden(), true, 'only the creator edits tags');
  await viewer.close();
});
