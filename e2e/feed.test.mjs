// The feed as a person swipes it: full-screen slides, arrow keys, the next video preloaded, tabs,
// and watching reported as events.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { SHARED, awaitScreened, json, runPando, signUp, startBrowser, startPando, tusUpload } from './pando.mjs';

let pando;
let browser;
let page;

/** Waits until the video is processed and, once ready, its pictures are checked (then it is published or held). */
before(async () => {
  pando = await startPando();
  await json('POST', `${pando.url}/api/v1/accounts`, null,
    { username: 'creator', password: 'correct horse', email: 'creator@example.org', country: 'KR', languages: ['ko'] });
  const { token } = await json('POST', `${pando.url}/api/v1/sessions`, null, { username: 'creator', password: 'correct horse' });
  const ids = [];
  for (const [file, title] of [['asl-again.mkv', 'Again, in sign'], ['asl-book.mkv', 'Book, in sign'], ['derived-cut-with-speech.mp4', 'Cut']]) {
    ids.push(await tusUpload(pando.url, token, path.join(SHARED, 'media', file), title));
  }
  for (const id of ids) {
    const video = await awaitScreened(pando.url, id, { token });
    assert.equal(video.status, 'ready');
    assert.equal(video.publication, 'published', 'clips of people signing and a parking lot are not held for review');
  }
  let context;
  ({ browser, context } = await startBrowser());
  page = await context.newPage();
  await signUp(page, pando.url, 'viewer');
});

after(async () => {
  await browser?.close();
  await pando?.stop();
});

const activeSlide = () => page.evaluate(() => {
  const slides = [...document.querySelectorAll('section.slide')];
  const playing = slides.find((s) => !s.querySelector('video').paused);
  return playing ? slides.indexOf(playing) : -1;
});

test('arrow keys move one full-screen video at a time, with the next one preloaded', { timeout: 90_000 }, async () => {
  await page.goto(`${pando.url}/`);
  await page.locator('section.slide').nth(2).waitFor({ state: 'attached' });
  const box = await page.locator('section.slide').first().boundingBox();
  const viewport = page.viewportSize();
  assert.ok(box.height >= viewport.height - 60 && box.width === viewport.width, `a slide fills the screen: ${JSON.stringify(box)}`);
  await page.waitForFunction(() => document.querySelector('section.slide video').currentTime > 0.3);
  await page.waitForFunction(() => document.querySelectorAll('section.slide video')[1].readyState >= 2, null, { timeout: 15_000 });

  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.querySelectorAll('section.slide video')[1].currentTime > 0.3, null, { timeout: 15_000 });
  assert.equal(await activeSlide(), 1, 'the second video plays, the first has stopped');
  await page.keyboard.press('ArrowUp');
  await page.waitForFunction(() => !document.querySelectorAll('section.slide video')[0].paused, null, { timeout: 15_000 });
  assert.equal(await activeSlide(), 0, 'back to the first');
  await page.keyboard.press('ArrowDown');
  await page.waitForTimeout(500);

  const metrics = await page.evaluate(async () => {
    await new Promise((resolve) => setTimeout(resolve, 4500));
    return fetch('/metrics').then((r) => r.text());
  });
  const events = Number((metrics.match(/^pando_events_total (\d+)/m) || [])[1] || 0);
  assert.ok(events >= 3, `impressions, plays and skips were reported (${events} events)`);
});

test('tabs: Local shows videos from the viewer country, Following asks to follow', { timeout: 60_000 }, async () => {
  await page.goto(`${pando.url}/`);
  await page.getByRole('tab', { name: 'Following' }).click();
  await page.getByText('Follow channels to fill this tab').waitFor();
  await page.getByRole('tab', { name: 'Local' }).click();
  await page.locator('section.slide').first().waitFor().catch((error) => {
    throw new Error(`${error.message}\nserver log:\n${pando.log().slice(-3000)}`);
  });
  assert.equal(await page.locator('section.slide').count(), 3, 'the three KR videos are local to a ko-KR viewer');
  await page.locator('section.slide').first().getByRole('button', { name: 'Follow' }).click();
  await page.getByRole('tab', { name: 'Following' }).click();
  await page.locator('section.slide').first().waitFor();
  assert.equal(await page.locator('section.slide').count(), 3, 'after following, the creator videos fill Following');
});

test('why this video: the reasons shown add up to the score the page was ranked by', { timeout: 60_000 }, async () => {
  await page.goto(`${pando.url}/`);
  const slide = page.locator('section.slide').first();
  await slide.waitFor();
  await slide.getByRole('button', { name: 'Why?' }).click();
  const panel = slide.locator('aside.why');
  await panel.waitFor({ state: 'visible' });
  const shown = await panel.evaluate((aside) => ({
    values: [...aside.querySelectorAll('li')].map((li) => Number(li.dataset.value)),
    labels: [...aside.querySelectorAll('li > span:first-child')].map((s) => s.textContent),
    score: Number(aside.querySelector('.total')?.dataset.score),
  }));
  assert.ok(shown.values.length > 0, `reasons are listed: ${JSON.stringify(shown)}`);
  const sum = shown.values.reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(sum - shown.score) < 1e-9, `reasons ${shown.values} add up to the score ${shown.score}`);
  assert.ok(shown.labels.every((l) => l && !l.startsWith('why.')), `every reason has a label: ${shown.labels}`);
});

test('feed settings: a strategy and weights are kept, and For You follows them', { timeout: 60_000 }, async () => {
  await page.goto(`${pando.url}/settings`);
  await page.locator('#feed-fields:not([disabled])').waitFor();
  await page.getByLabel('Popular: the same for everyone, nothing about you used').check();
  await page.locator('input[data-signal="recent"]').fill('0');
  await page.getByRole('button', { name: 'Save feed settings' }).click();
  await page.locator('#feed-status').getByText('Saved').waitFor();
  await page.reload();
  await page.locator('#feed-fields:not([disabled])').waitFor();
  assert.ok(await page.getByLabel('Popular: the same for everyone, nothing about you used').isChecked(), 'strategy kept');
  assert.equal(await page.locator('input[data-signal="recent"]').inputValue(), '0', 'weight kept');

  const feed = await page.evaluate(() => fetch('/api/v1/feed?limit=10').then((r) => r.json()));
  assert.equal(feed.strategy, 'popular');
  const signals = new Set(feed.items.flatMap((item) => item.why.map((w) => w.signal)));
  assert.ok([...signals].every((s) => ['popular', 'well-watched'].includes(s)),
    `the popular strategy with "recent" off uses only popularity: ${[...signals]}`);

  await page.goto(`${pando.url}/settings`);
  await page.locator('#feed-fields:not([disabled])').waitFor();
  await page.getByRole('button', { name: 'Reset' }).click();
  await page.locator('#feed-status').getByText('Saved').waitFor();
});

test('not interested moves on and the watch page lists what to watch next', { timeout: 60_000 }, async () => {
  await page.goto(`${pando.url}/`);
  const first = page.locator('section.slide').first();
  await first.waitFor();
  const firstId = await first.getAttribute('data-video');
  await first.getByRole('button', { name: 'Not interested' }).click();
  await page.waitForFunction(() => document.querySelectorAll('section.slide video')[1]?.paused === false, null, { timeout: 15_000 });
  await page.waitForTimeout(300);
  const feed = await page.evaluate(() => fetch('/api/v1/feed?limit=10').then((r) => r.json()));
  assert.ok(!feed.items.some((item) => item.id === firstId), 'a video marked "not interested" leaves the feed');

  await page.goto(`${pando.url}/v/${firstId}`);
  await page.locator('#related-list li').first().waitFor({ timeout: 15_000 });
  assert.ok(await page.locator('#related-list li').count() >= 1, 'related videos are listed');
});

test('the instance\'s own logs give off-policy estimates: pando eval --replay', { timeout: 90_000 }, async () => {
  await page.goto(`${pando.url}/`);
  await page.locator('section.slide').first().waitFor();
  await page.waitForTimeout(1000);
  await page.goto(`${pando.url}/settings`);
  await pando.stop({ keepData: true });
  const json = path.join(tmpdir(), `pando-replay-${process.pid}.json`);
  const { code, output } = await runPando(['eval', '--replay', '--data-dir', pando.dataDir, '--json', json]);
  pando.removeData();
  assert.equal(code, 0, output);
  const rows = JSON.parse(readFileSync(json, 'utf8')).rows;
  const forYou = rows.find((row) => row.surface === 'for-you');
  assert.ok(forYou && forYou.impressions >= 3, `For You impressions with a propensity: ${JSON.stringify(rows)}`);
  assert.ok(forYou.ips !== null && forYou.snips !== null && forYou.snips >= 0 && forYou.snips <= 1,
    `estimates: ${JSON.stringify(forYou)}`);
  assert.match(output, /IPS without exploration/);
});
