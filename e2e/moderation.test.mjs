// Moderation as people see it: with the hold threshold lowered to 0.25, a real clip whose pictures score 0.32 (a
// woman close to her webcam in asl-book.mkv) is held for review; its creator sees why, a moderator made with
// `pando role` finds it in the review queue and approves it, and then everyone sees it. A viewer reports a comment,
// which reaches the queue, and the moderator removes it.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { SHARED, awaitScreened, json, runPando, signIn, startBrowser, startPando, tusUpload } from './pando.mjs';

const PASSWORD = 'correct horse battery';
const SETTINGS = ['--set', 'moderation.hold-threshold=0.25'];
let pando;
let browser;
let context;
const tokens = {};
const videos = {};

async function pageOf(username) {
  const page = await context.newPage();
  await signIn(page, pando.url, username, PASSWORD);
  return page;
}

before(async () => {
  pando = await startPando(SETTINGS);
  for (const name of ['moddy', 'creator', 'viewer']) {
    await json('POST', `${pando.url}/api/v1/accounts`, null, { username: name, password: PASSWORD, email: `${name}@example.org` });
  }
  // The first moderator is made by the operator, with the server stopped (it holds the embedded database).
  await pando.stop({ keepData: true });
  const role = await runPando(['role', 'moddy', 'moderator', '--data-dir', pando.dataDir]);
  assert.equal(role.code, 0, role.output);
  assert.match(role.output, /moddy is now a moderator\./);
  pando = await startPando(SETTINGS, { dataDir: pando.dataDir });
  for (const name of ['moddy', 'creator', 'viewer']) {
    tokens[name] = (await json('POST', `${pando.url}/api/v1/sessions`, null, { username: name, password: PASSWORD })).token;
  }
  videos.held = await tusUpload(pando.url, tokens.creator, path.join(SHARED, 'media', 'asl-book.mkv'), 'Book, in sign');
  videos.clean = await tusUpload(pando.url, tokens.creator, path.join(SHARED, 'media', 'asl-again.mkv'), 'Again, in sign');
  ({ browser, context } = await startBrowser());
});

after(async () => {
  await browser?.close();
  await pando?.stop();
});

test('a clip above the hold threshold waits for a moderator, who approves it; then everyone sees it', { timeout: 240_000 }, async () => {
  const held = await awaitScreened(pando.url, videos.held, { token: tokens.creator });
  const clean = await awaitScreened(pando.url, videos.clean, { token: tokens.creator });
  assert.equal(held.publication, 'held', `asl-book.mkv is held: ${JSON.stringify(held.review)}`);
  assert.equal(held.review.hold.cause, 'nsfw-score');
  assert.ok(held.review.hold.score > 0.25, `its score is above the threshold: ${JSON.stringify(held.review.hold)}`);
  assert.equal(clean.publication, 'published', 'asl-again.mkv scores far lower and is published');

  const stranger = await fetch(`${pando.url}/api/v1/videos/${videos.held}`, { headers: { Authorization: `Bearer ${tokens.viewer}` } });
  assert.equal(stranger.status, 404, 'a held video does not exist for others');
  const channel = await json('GET', `${pando.url}/api/v1/channels/creator/videos`, tokens.viewer);
  assert.deepEqual(channel.items.map((v) => v.id), [videos.clean], 'the channel lists only the published video');

  const creator = await pageOf('creator');
  await creator.goto(`${pando.url}/v/${videos.held}`);
  const notice = creator.locator('#review');
  await notice.waitFor();
  const said = await notice.textContent();
  assert.match(said, /Held for review: the picture at \d+(\.\d)? s scored 0\.\d\d/, `the creator is told why: ${said}`);
  await creator.goto(`${pando.url}/studio`);
  await creator.locator(`li[data-video="${videos.held}"]`).getByText('Held for review', { exact: true }).waitFor();

  const moderator = await pageOf('moddy');
  await moderator.getByRole('link', { name: 'Review queue' }).click();
  await moderator.waitForURL(`${pando.url}/moderation`);
  const item = moderator.locator(`li.case[data-target="${videos.held}"]`);
  await item.waitFor();
  assert.match(await item.locator('.hold-reason').textContent(), /Held: the picture at \d+(\.\d)? s scored 0\.\d\d \(threshold 0\.25\)/);
  const moment = item.getByRole('link', { name: /Watch the moment at/ });
  assert.match(await moment.getAttribute('href'), new RegExp(`^/v/${videos.held}\\?t=\\d+`), 'a link to the moment');
  await item.getByLabel('Note to the creator').fill('Signing close to the webcam; nothing wrong.');
  await item.getByRole('button', { name: 'Approve' }).click();
  await item.getByRole('status').getByText('Approved.').waitFor();

  const approved = await json('GET', `${pando.url}/api/v1/videos/${videos.held}`, tokens.viewer);
  assert.equal(approved.publication, 'approved', 'others see it now');
  let inFeed = false;
  for (let i = 0; i < 40 && !inFeed; i += 1) {
    const feed = await json('GET', `${pando.url}/api/v1/feed?limit=20`, tokens.viewer);
    inFeed = feed.items.some((v) => v.id === videos.held);
    if (!inFeed) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.ok(inFeed, 'the approved video is recommended like any other');

  await creator.goto(`${pando.url}/v/${videos.held}`);
  await creator.locator('#review-note').getByText('Signing close to the webcam; nothing wrong.').waitFor();
  await moderator.reload();
  await moderator.locator('#queue').waitFor({ state: 'attached' });
  assert.equal(await moderator.locator(`li.case[data-target="${videos.held}"]`).count(), 0, 'the decided video left the queue');
});

test('a viewer reports a comment; it reaches the queue and the moderator removes it', { timeout: 120_000 }, async () => {
  await awaitScreened(pando.url, videos.clean, { token: tokens.creator });
  const comment = await json('POST', `${pando.url}/api/v1/videos/${videos.clean}/comments`, tokens.creator,
    { body: 'Nobody asked for your opinion, loser.' });

  const viewer = await pageOf('viewer');
  await viewer.goto(`${pando.url}/v/${videos.clean}`);
  await viewer.getByRole('button', { name: 'Report comment by @creator' }).click();
  const dialog = viewer.getByRole('dialog', { name: 'Report this comment' });
  await dialog.getByLabel('Harassment or bullying').check();
  await dialog.getByLabel('Anything to add (optional)').fill('Insults another viewer.');
  await dialog.getByRole('button', { name: 'Send report' }).click();
  await viewer.locator('#report-status').getByText('Thank you. A moderator will look at it.').waitFor();
  assert.equal(await dialog.isVisible(), false, 'the form closes');

  const moderator = await pageOf('moddy');
  await moderator.goto(`${pando.url}/moderation`);
  const item = moderator.locator(`li.case[data-kind="comment"][data-target="${comment.id}"]`);
  await item.waitFor();
  assert.match(await item.locator('blockquote').textContent(), /Nobody asked for your opinion/);
  assert.match(await item.locator('.report-list').textContent(), /Harassment or bullying · @viewer — Insults another viewer\./);
  await item.getByLabel('Note for the record').fill('Insults.');
  await item.getByRole('button', { name: 'Remove comment' }).click();
  await item.getByRole('status').getByText('Rejected.').waitFor();

  await viewer.reload();
  await viewer.locator('#comments-empty').waitFor();
  assert.equal(await viewer.getByText('Nobody asked for your opinion').count(), 0, 'the comment is gone');
});
