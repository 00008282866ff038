// An audio clip as its creator and a listener see it: upload a spoken WAV from the Upload page, play it over its
// waveform on the watch page, seek by keyboard, turn captions on, find it with its badge, and play it in the
// embeddable player inside another site's iframe.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
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

/** Another site: one page served from localhost on a port of its own, so it is neither Pando's origin nor its site. */
async function serveBlog(html) {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise((resolve) => { server.listen(0, '127.0.0.1', resolve); });
  return {
    url: `http://localhost:${server.address().port}`,
    close: () => new Promise((resolve) => { server.close(resolve); }),
  };
}

/** Waits for a condition in the page, failing with what the page shows when it never comes. */
async function waitFor(page, what, condition, arg, timeout = 30_000) {
  await page.waitForFunction(condition, arg, { timeout, polling: 100 }).catch(async (error) => {
    const state = await page.evaluate(() => {
      const media = document.getElementById('video');
      return { url: location.href, time: media?.currentTime, paused: media?.paused, error: media?.error?.message,
        alert: document.querySelector('[role="alert"]')?.textContent };
    }).catch(() => 'unreadable');
    throw new Error(`${what}: ${error.message}; ${JSON.stringify(state)}`);
  });
}

test('upload an audio clip, play it over its waveform with captions, and play it embedded in another site',
  { timeout: 300_000 }, async () => {
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await signUp(page, pando.url, 'podcaster');

    await page.goto(`${pando.url}/upload`);
    await page.getByLabel('Video or audio file').setInputFiles(path.join(SHARED, 'media', 'jfk.wav'));
    await page.getByLabel('Title').fill('Ask not');
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await waitFor(page, 'processing reaches 100%', () => document.getElementById('processing-bar').value === 100, null, 120_000);
    await page.getByText('Ready.').waitFor();
    await page.getByRole('link', { name: 'Watch it' }).click();
    await page.waitForURL(/\/v\/\w+$/);
    const id = page.url().split('/').pop();
    const video = await awaitScreened(pando.url, id, { page });
    assert.equal(video.publication, 'published', 'a spoken clip without pictures is published once analysed');
    assert.equal(video.kind, 'audio', `the API knows it as an audio clip: ${JSON.stringify(video)}`);

    // The audio player: an audio element, the waveform as the seek bar, and playback that moves on.
    await page.locator('#player.audio-player').waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('#video').evaluate((e) => e.tagName), 'AUDIO', 'an audio element plays the clip');
    await waitFor(page, 'the waveform picture loads', () => {
      const img = document.querySelector('.waveform .wave-base');
      return img && img.complete && img.naturalWidth > 0 && !img.hidden;
    });
    const picture = await page.locator('.waveform .wave-base').evaluate((img) => ({ w: img.naturalWidth, h: img.naturalHeight }));
    assert.deepEqual(picture, { w: 1280, h: 240 }, 'the waveform picture is 1280x240');
    await waitFor(page, 'the clip plays', () => document.getElementById('video').currentTime > 1.0);
    // on a busy machine the 11 s clip may have played to its end by now: ending is moving on too
    const t1 = await page.locator('#video').evaluate((a) => a.currentTime);
    await waitFor(page, `playback moves on from ${t1} s`, (from) => {
      const audio = document.getElementById('video');
      return audio.ended || audio.currentTime > from;
    }, t1);

    const seek = page.getByRole('slider', { name: 'Seek' });
    assert.equal(await seek.getAttribute('aria-valuemax'), '11', 'the seek bar spans the clip');
    // pause with the button; a clip about to end stops by itself, and its button already offers Play again
    const left = await page.locator('#video').evaluate((a) => (a.ended ? 0 : a.duration - a.currentTime));
    if (left > 1) {
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
    } else {
      await waitFor(page, 'the clip plays to its end', () => document.getElementById('video').ended);
    }
    await seek.focus();
    await page.keyboard.press('Home');
    assert.equal(await seek.getAttribute('aria-valuenow'), '0', 'Home goes to the start');
    await page.keyboard.press('ArrowRight');
    assert.equal(await seek.getAttribute('aria-valuenow'), '5', 'an arrow key steps 5 s');
    const played = await page.locator('.wave-played').evaluate((e) => e.style.clipPath);
    assert.match(played, /^inset\(0px 5\d\.\d+% 0px 0px\)$/, `the played part is drawn over the first 45% of the waveform: ${played}`);

    // Captions: the CC button comes once speech is transcribed, and the line shows what is being said.
    const cc = page.locator('#captions-toggle');
    await cc.waitFor({ timeout: 120_000 }).catch(async (error) => {
      const analysis = await (await fetch(`${pando.url}/api/v1/videos/${id}/analysis`)).text();
      throw new Error(`${error.message}; analysis: ${analysis}; errors on the page: ${problems.join(' | ') || 'none'}`);
    });
    const analysis = await (await fetch(`${pando.url}/api/v1/videos/${id}/analysis`)).json();
    assert.equal(analysis.steps.speech.status, 'done', 'speech is transcribed');
    assert.equal(analysis.steps.scenes.status, 'skipped', 'no scene cuts to find without a picture');
    assert.equal(analysis.steps.frames.status, 'skipped', 'no pictures to look at');
    const vtt = await (await fetch(`${pando.url}/api/v1/videos/${id}/captions.vtt`)).text();
    assert.match(vtt, /ask not\n\n.*\n.*\nwhat your country can do for you/, 'the captions carry the speech');
    await page.locator('#analysis-steps').getByText('Not applicable').first().waitFor();

    await cc.click();
    assert.equal(await cc.getAttribute('aria-pressed'), 'true', 'CC is on');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await waitFor(page, 'a caption line while the clip plays', () => {
      const line = document.querySelector('.caption-line');
      return line && !line.hidden && /country/.test(line.textContent);
    }, null, 20_000);
    await cc.click();
    await waitFor(page, 'the caption line goes when CC is off', () => document.querySelector('.caption-line').hidden);

    // Video Slide pages come from the pauses in the speech, each showing its stretch of the waveform.
    await page.locator('#video-slide').waitFor();
    assert.match(await page.locator('#book-picture').evaluate((e) => e.style.backgroundImage), /waveform\.png/,
      'a page shows the waveform');

    // The Embed button gives the iframe snippet.
    await page.getByRole('button', { name: 'Embed', exact: true }).click();
    const snippet = await page.locator('#embed-code').inputValue();
    assert.match(snippet, new RegExp(`^<iframe src="${pando.url}/embed/${id}" width="560" height="200" title="Ask not"`),
      `the snippet: ${snippet}`);

    // Listings show the clip by its waveform with an "Audio" badge.
    await page.goto(`${pando.url}/c/podcaster`);
    const card = page.locator(`a.card[href^="/v/${id}"]`);
    await card.waitFor();
    assert.equal(await card.locator('.audio-badge').textContent(), 'Audio', 'the channel card has the audio badge');
    assert.match(await card.locator('.thumb').evaluate((e) => e.style.backgroundImage), /waveform\.png/);
    await page.goto(`${pando.url}/`);
    const slide = page.locator(`section.slide.audio[data-video="${id}"]`);
    await slide.waitFor({ timeout: 15_000 });
    assert.equal(await slide.locator('.audio-badge').textContent(), 'Audio', 'the feed slide has the audio badge');

    // Another site shows the player in an iframe; the watch page itself refuses to be framed. The site is a server
    // of its own on a loopback address (the browser keeps public pages from framing loopback ones).
    const site = await serveBlog(`<!doctype html><title>A blog</title><h1>Listen</h1>${snippet}`
      + `<iframe id="refused" src="${pando.url}/v/${id}" width="560" height="200"></iframe>`);
    const blog = await context.newPage();
    await blog.goto(`${site.url}/post.html`);
    const frame = blog.frameLocator(`iframe[src="${pando.url}/embed/${id}"]`);
    await frame.locator('.waveform.drawn').waitFor({ timeout: 20_000 });
    await frame.getByRole('button', { name: 'Play', exact: true }).click();
    const embedded = blog.frames().find((f) => f.url().endsWith(`/embed/${id}`));
    await embedded.waitForFunction(() => document.getElementById('video').currentTime > 1.0, null, { timeout: 20_000 });
    const e1 = await embedded.evaluate(() => document.getElementById('video').currentTime);
    await blog.waitForTimeout(800);
    const e2 = await embedded.evaluate(() => document.getElementById('video').currentTime);
    assert.ok(e2 > e1, `the embedded player plays (${e1} -> ${e2})`);
    assert.equal(await frame.locator('#title').textContent(), 'Ask not', 'the embedded player names the clip');
    const refused = await (await blog.locator('#refused').elementHandle()).contentFrame();
    await refused.waitForLoadState();
    assert.equal(refused.url(), 'chrome-error://chromewebdata/',
      'the browser refuses to show the watch page inside another site\'s frame');
    await blog.close();
    await site.close();
    assert.deepEqual(problems, [], 'no script errors on the watch page');
  });
