// The studio as a creator uses it: two people watch a clip from different places and countries, and the
// creator's statistics show their views, where they came from, their countries and how long they stayed, with
// charts drawn point by point and CSV files that hold what the tables show. Then a viewer tops up with the test
// provider and tips the creator, whose wallet, statement and studio show it; and the creator, who also runs the instance,
// reads the instance dashboard.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { SHARED, awaitScreened, json, runPando, signIn, signUp, startBrowser, startPando, tusUpload } from './pando.mjs';

let pando;
let browser;
let videoId;
let makerToken;

before(async () => {
  pando = await startPando();
  await json('POST', `${pando.url}/api/v1/accounts`, null,
    { username: 'maker', password: 'correct horse battery', email: 'maker@example.org', country: 'KR', languages: ['ko'] });
  // The creator also runs the instance: the operator makes them an admin, with the server stopped.
  await pando.stop({ keepData: true });
  const role = await runPando(['role', 'maker', 'admin', '--data-dir', pando.dataDir]);
  assert.equal(role.code, 0, role.output);
  pando = await startPando([], { dataDir: pando.dataDir });
  makerToken = (await json('POST', `${pando.url}/api/v1/sessions`, null,
    { username: 'maker', password: 'correct horse battery' })).token;
  videoId = await tusUpload(pando.url, makerToken, path.join(SHARED, 'media', 'asl-book.mkv'), 'Book, in sign');
  assert.equal((await awaitScreened(pando.url, videoId, { token: makerToken })).publication, 'published');
  ({ browser } = await startBrowser());
});

after(async () => {
  await browser?.close();
  await pando?.stop();
});

/** A viewer in a browser of this locale signs up and opens the clip as if from this surface. */
async function viewer(locale, username, from) {
  const context = await browser.newContext({ locale, viewport: { width: 1200, height: 800 } });
  const page = await context.newPage();
  await signUp(page, pando.url, username);
  await page.goto(`${pando.url}/v/${videoId}?from=${from}`);
  return { context, page };
}

/**
 * Waits until the clip's statistics show what a viewer did: their last events leave with the page, in a beacon
 * that may land after the browser has moved on.
 */
async function awaitStats(what, reached) {
  let stats;
  for (const deadline = Date.now() + 15_000; Date.now() < deadline;) {
    stats = await json('GET', `${pando.url}/api/v1/studio/videos/${videoId}/stats`, makerToken);
    if (reached(stats)) return;
    await new Promise((resolve) => { setTimeout(resolve, 200); });
  }
  throw new Error(`the clip's statistics never showed ${what}: ${JSON.stringify(stats)}`);
}

/** The text of every body cell of a table, row by row. */
const cells = (page, name) => page.locator(`table[data-table="${name}"] tbody tr`).evaluateAll(
  (rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));

/** The CSV behind a table's download link, as rows of cells (no quoting needed for these values). */
async function csv(page, name) {
  const text = await page.locator(`a[data-csv="${name}"]`).evaluate(async (a) => (await fetch(a.href)).text());
  return text.trim().split('\r\n').map((line) => line.split(','));
}

test('a creator sees who watched from where, and for how long, with charts and CSV', { timeout: 180_000 }, async () => {
  const korean = await viewer('ko-KR', 'minji', 'search');
  await korean.page.waitForFunction(() => document.getElementById('video').ended, null, { timeout: 60_000 });
  // leave for a page without a player (the feed would play the clip again, a view of its own)
  await korean.page.goto(`${pando.url}/settings`);
  await awaitStats('a completed view', (stats) => stats.views === 1 && stats.completion_rate === 1);
  await korean.context.close();

  const american = await viewer('en-US', 'sam', 'for-you');
  await american.page.waitForFunction(() => document.getElementById('video').currentTime > 0.3, null, { timeout: 30_000 });
  await american.page.goto(`${pando.url}/settings`);
  await awaitStats('a second view', (stats) => stats.views === 2);
  await american.context.close();

  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await signIn(page, pando.url, 'maker', 'correct horse battery');
  await page.getByRole('link', { name: 'Studio' }).click();
  await page.getByRole('link', { name: 'Statistics' }).first().click();
  await page.waitForURL(`${pando.url}/studio/videos/${videoId}`);

  const summaryName = `summary-${videoId}`;
  await page.locator(`table[data-table="${summaryName}"]`).waitFor();
  const summary = Object.fromEntries(await cells(page, summaryName));
  assert.equal(summary.Views, '2', `views in the summary: ${JSON.stringify(summary)}; page errors: ${pageErrors}`);
  assert.equal(summary['Unique viewers'], '2');
  assert.equal(summary['Completion rate'], '50%', 'one of the two watched to the end');

  const sources = Object.fromEntries((await cells(page, `sources-${videoId}`)).map(([surface, , views]) => [surface, views]));
  assert.equal(sources.Search, '1', `views from search: ${JSON.stringify(sources)}`);
  assert.equal(sources['For You'], '1', 'views from For You');
  assert.equal(sources.Related, '0');

  const countries = await cells(page, `audience-${videoId}-countries`);
  assert.deepEqual(countries.map(([code, views]) => `${code}=${views}`).sort(), ['KR=1', 'US=1'], 'views by country');
  assert.deepEqual(await csv(page, `audience-${videoId}-countries`), [['Country', 'Views'], ...countries],
    'the countries CSV holds what the table shows');
  const sourcesCsv = await csv(page, `sources-${videoId}`);
  assert.deepEqual(sourcesCsv.slice(1).map((row) => [row[0], row[2]]), Object.entries(sources),
    'the sources CSV holds the views the table shows');

  const points = page.locator('#retention svg .series-main circle.chart-point');
  const retention = await points.evaluateAll((dots) => dots.map((d) => Number(d.dataset.y)));
  const stats = await page.evaluate(async (id) => (await fetch(`/api/v1/studio/videos/${id}/stats`)).json(), videoId);
  assert.equal(retention.length, stats.retention.length, 'one point per second of the clip');
  assert.ok(retention.length >= 3, `points drawn: ${retention.length}`);
  assert.equal(retention[0], 1, 'everyone who played was watching at 0 s');
  assert.equal(retention.at(-1), 0.5, 'one of the two viewers reached the end');
  assert.equal(await page.locator('#sources svg rect.chart-bar').count(), 7, 'a bar per traffic source');
  assert.match(await page.locator('#forecast').textContent(), /Expected views in the next 30 minutes: \d+/);

  await page.getByRole('link', { name: 'Back to the studio' }).click();
  const videosName = 'videos-maker';
  await page.locator(`table[data-table="${videosName}"]`).waitFor();
  const [row] = await cells(page, videosName);
  assert.equal(row[0], 'Book, in sign');
  assert.equal(row[1], '2', 'the channel table counts the clip\'s views');
  assert.ok(await page.locator('#channel-stats svg .series-main circle.chart-point').count() >= 2, 'the Lorenz curve is drawn');
  assert.deepEqual(pageErrors, [], 'no script errors');
  await context.close();
});

test('a viewer tops up with the test provider and tips the creator, who sees it in their statement and studio', { timeout: 90_000 }, async () => {
  const fan = await viewer('ko-KR', 'jisoo', 'for-you');
  const page = fan.page;
  await page.getByRole('link', { name: 'Wallet' }).click();
  await page.waitForURL(`${pando.url}/wallet`);
  await page.getByLabel('Coins to add').fill('3.00');
  await page.getByRole('button', { name: 'Top up with the test provider' }).click();
  await page.waitForFunction(() => document.getElementById('balance').textContent === '3.00 PDC');

  await page.goto(`${pando.url}/v/${videoId}`);
  await page.getByRole('button', { name: 'Tip', exact: true }).click();
  await page.getByLabel('5.00 PDC').check();
  await page.getByRole('button', { name: 'Send tip' }).click();
  await page.getByText(/holds 3\.00 PDC, not enough/).waitFor();
  await page.getByLabel('1.00 PDC').check();
  await page.getByLabel('A message (optional)').fill('Thank you, "really"');
  await page.getByRole('button', { name: 'Send tip' }).click();
  await page.getByText('Thank you! Your tip was sent; your wallet now holds 2.00 PDC.').waitFor();
  await fan.context.close();

  const context = await browser.newContext({ locale: 'ko-KR' });
  const creator = await context.newPage();
  await signIn(creator, pando.url, 'maker', 'correct horse battery');
  await creator.goto(`${pando.url}/wallet`);
  await creator.waitForFunction(() => document.getElementById('balance').textContent === '1.00 PDC');
  const month = new Date().toISOString().slice(0, 7);
  await creator.locator(`table[data-table="statement-${month}"] tbody tr a`).first().waitFor();
  const rows = await cells(creator, `statement-${month}`);
  assert.equal(rows.length, 1, `one line in the creator's statement: ${JSON.stringify(rows)}`);
  assert.deepEqual(rows[0].slice(1), ['Tip', videoId, 'Thank you, "really"', '1.00', '1.00']);
  const csvText = await creator.locator('#statement-csv').evaluate(async (a) => (await fetch(a.href)).text());
  assert.match(csvText, new RegExp(`,tip,${videoId},"Thank you, ""really""",1\\.00,1\\.00\r\n`), csvText);

  await creator.goto(`${pando.url}/studio`);
  await creator.locator('#earnings-total').filter({ hasText: `Tips in ${month}: 1, 1.00 PDC.` }).waitFor();
  assert.deepEqual(await cells(creator, `earnings-${month}`), [['Book, in sign', '1', '1.00']], 'the studio\'s earnings table');
  const earningsCsv = await creator.locator(`a[data-csv="earnings-${month}"]`).evaluate(async (a) => (await fetch(a.href)).text());
  assert.equal(earningsCsv, 'Video,Tips,Earned (PDC)\r\n"Book, in sign",1,1.00\r\n', 'the earnings CSV');
  await context.close();
});

test('the admin reads the instance dashboard: uploads, active users, fairness and load', { timeout: 60_000 }, async () => {
  const context = await browser.newContext({ locale: 'ko-KR' });
  const page = await context.newPage();
  await signIn(page, pando.url, 'maker', 'correct horse battery');
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await page.waitForURL(`${pando.url}/admin`);
  await page.locator('#facts').filter({ hasText: /Processing queue: \d+ videos/ }).waitFor();
  const today = new Date().toISOString().slice(0, 10);
  const uploads = Object.fromEntries(await cells(page, 'uploads-per-day'));
  assert.equal(uploads[today], '1', `uploads today: ${JSON.stringify(uploads)}`);
  assert.deepEqual((await csv(page, 'uploads-per-day')).slice(1), Object.entries(uploads), 'the uploads CSV holds the table');
  const active = Object.fromEntries(await cells(page, 'active-users-per-day'));
  assert.ok(Number(active[today]) >= 3, `the creator and three viewers were active today: ${active[today]}`);
  assert.equal(await page.locator('#uploads svg rect.chart-bar').count(), 30, 'a bar per day');
  assert.ok(await page.locator('#fairness svg .series-main circle.chart-point').count() >= 2, 'Gini and Lorenz drawn');
  assert.equal(await page.locator('#load svg rect.chart-bar').count(), 60, 'a bar per minute of the last hour');
  assert.match(await page.locator('#forecast').textContent(), /Expected views in the next 30 minutes: \d+/);
  await context.close();
});
