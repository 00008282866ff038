// Search as a person uses it: a word said in a real clip, and written nowhere, finds the video; its result opens
// the player at the moment the word is said; the search box in the top bar suggests a title as one types; and the
// impression and the play are reported as the search surface's.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { SHARED, json, signUp, startBrowser, startPando, tusUpload } from './pando.mjs';

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

async function until(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await check();
    if (last.done) return last.value;
    await new Promise((resolve) => { setTimeout(resolve, 500); });
  }
  throw new Error(`${what} did not happen within ${timeoutMs / 1000} s; last seen: ${JSON.stringify(last?.value)}`);
}

test('a word said in a clip finds it, the result plays from that moment, and the top bar suggests as one types',
  { timeout: 300_000 }, async () => {
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const sent = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/v1/events')) sent.push(...request.postDataJSON().events);
    });
    await signUp(page, pando.url, 'listener');
    const { token } = await json('POST', `${pando.url}/api/v1/sessions`, null,
      { username: 'listener', password: 'correct horse battery' });

    const id = await tusUpload(pando.url, token, path.join(SHARED, 'media', 'derived-cut-with-speech.mp4'), 'Inaugural address');

    // The understanding step transcribes the clip; "country" is said in it and written nowhere.
    await until('the analysis', async () => {
      const analysis = await json('GET', `${pando.url}/api/v1/videos/${id}/analysis`, token);
      const steps = Object.values(analysis.steps);
      return { done: steps.every((s) => s.status === 'done' || s.status === 'failed'), value: analysis.steps };
    }, 240_000);
    const { cues } = await json('GET', `${pando.url}/api/v1/videos/${id}/captions`, token);
    const saying = cues.find((c) => /country/.test(c.text));
    assert.ok(saying, `a caption says "country": ${JSON.stringify(cues)}`);
    const hit = await until('the search hit', async () => {
      const found = await json('GET', `${pando.url}/api/v1/search?q=country`);
      const item = found.items.find((i) => i.id === id);
      return { done: Boolean(item), value: item ?? found };
    }, 10_000);
    assert.equal(hit.t, Math.round(saying.start * 1000) / 1000, 't is the start of the caption saying the word');
    assert.match(hit.snippet, /country/);
    assert.equal(hit.url, `/v/${id}?t=${Math.floor(saying.start)}`);

    // The search page shows the card with the moment; following it plays the video from there.
    await page.goto(`${pando.url}/search?q=country`);
    const card = page.locator(`#search-results li[data-video="${id}"]`);
    await card.waitFor();
    assert.equal(await card.locator('h2').textContent(), 'Inaugural address');
    const said = card.locator('a.said');
    assert.match(await said.textContent(), /^Said at 0:0\d: “….*country.*…”$/);
    await said.click();
    await page.waitForURL(`${pando.url}/v/${id}?from=search&t=${Math.floor(saying.start)}`);
    const startedAt = await page.waitForFunction(() => {
      const v = document.getElementById('video');
      return !v.paused && v.currentTime > 0 && v.currentTime;
    }, null, { timeout: 30_000 });
    const at = await startedAt.jsonValue();
    assert.ok(at >= Math.floor(saying.start) - 0.3 && at < saying.end + 2,
      `the player started at ${at} s; the word is said from ${saying.start} s`);

    // What the pages reported: the result shown on the search page, and the play it started, as the search surface's.
    const fromSearch = (type) => sent.find((e) => e.type === type && e.video === id && e.surface === 'search');
    await until('the search surface\'s events', async () => ({
      done: Boolean(fromSearch('impression') && fromSearch('play')), value: sent,
    }), 15_000);

    // The box in the top bar: typing shows suggestions, ↓ picks one, Enter searches it.
    const box = page.getByRole('combobox', { name: 'Search videos' });
    await box.click();
    await box.pressSequentially('inaug', { delay: 40 });
    const option = page.getByRole('option', { name: 'Inaugural address' });
    await option.waitFor({ timeout: 10_000 });
    assert.equal(await box.getAttribute('aria-expanded'), 'true');
    await box.press('ArrowDown');
    assert.equal(await box.getAttribute('aria-activedescendant'), await option.getAttribute('id'));
    assert.equal(await option.getAttribute('aria-selected'), 'true');
    await box.press('Enter');
    await page.waitForURL(`${pando.url}/search?q=Inaugural+address`);
    await page.locator(`#search-results li[data-video="${id}"]`).waitFor();
    await box.press('Escape');
    assert.equal(await box.getAttribute('aria-expanded'), 'false');
    assert.deepEqual(pageErrors, [], 'no errors on the pages');
  });
