// A creator dresses their channel's page in a browser: an avatar and a banner from real photos, a new name, a
// description and links; a file that is not a picture is refused with a message and changes nothing; a visitor
// then sees the page as the creator left it, and finds the channel's clip by its new name.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { SHARED, awaitScreened, json, signUp, startBrowser, startPando, tusUpload } from './pando.mjs';

let pando;
let browser;

before(async () => {
  pando = await startPando();
  ({ browser } = await startBrowser());
});

after(async () => {
  await browser?.close();
  await pando?.stop();
});

/** The natural width and height of a loaded picture. */
async function shape(locator) {
  await locator.waitFor({ state: 'visible' });
  await locator.evaluate((img) => img.decode());
  return locator.evaluate((img) => [img.naturalWidth, img.naturalHeight]);
}

test('a creator sets pictures, name and links; a visitor sees them and finds the channel by its new name', async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  await signUp(page, pando.url, 'ana');
  const token = (await json('POST', `${pando.url}/api/v1/sessions`, null,
    { username: 'ana', password: 'correct horse battery' })).token;
  const videoId = await tusUpload(pando.url, token, path.join(SHARED, 'media', 'asl-again.mkv'), 'Again, in sign');
  assert.equal((await awaitScreened(pando.url, videoId, { token })).publication, 'published');

  await page.goto(`${pando.url}/settings`);
  await page.getByRole('link', { name: 'Edit channel' }).click();
  await page.waitForURL(`${pando.url}/studio/channels/ana`);
  await page.getByRole('heading', { name: /Edit channel/ }).waitFor();
  // the page takes pictures once it has read the channel
  await page.locator('#about-fields:enabled').waitFor();

  await page.getByLabel('Choose an avatar').setInputFiles(path.join(SHARED, 'media', 'obama.jpg'));
  await page.getByText('Avatar saved.').waitFor({ timeout: 60_000 });
  await page.getByLabel('Choose a banner').setInputFiles(path.join(SHARED, 'media', 'two_people.jpg'));
  await page.getByText('Banner saved.').waitFor({ timeout: 60_000 });
  const avatarBefore = await page.locator('.picture-slot[data-picture="avatar"] img').getAttribute('src');

  const notAPicture = path.join(pando.dataDir, 'notes.png');
  writeFileSync(notAPicture, 'these are notes, not a picture');
  await page.getByLabel('Choose an avatar').setInputFiles(notAPicture);
  await page.getByRole('alert').filter({ hasText: 'could not be read as a picture' }).waitFor();
  assert.equal(await page.locator('.picture-slot[data-picture="avatar"] img').getAttribute('src'), avatarBefore,
    'the avatar after a refused file');

  await page.getByLabel('Name').fill('Ana signs');
  await page.getByLabel('Description').fill('Sign language, one word at a time.');
  await page.getByLabel('Label of link 1').fill('Blog');
  await page.getByLabel('Address of link 1').fill('https://ana.example/blog');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.locator('#status', { hasText: 'Saved.' }).waitFor();

  const visitor = await (await browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage();
  await visitor.goto(`${pando.url}/c/ana`);
  await visitor.getByRole('heading', { name: 'Ana signs' }).waitFor();
  assert.deepEqual(await shape(visitor.locator('#avatar')), [400, 400], 'the avatar as the visitor sees it');
  assert.deepEqual(await shape(visitor.locator('#banner img')), [2048, 512], 'the banner as the visitor sees it');
  const link = visitor.getByRole('link', { name: 'Blog' });
  assert.equal(await link.getAttribute('href'), 'https://ana.example/blog');
  assert.match(await link.getAttribute('rel'), /nofollow/, 'a creator\'s link is marked as not the instance\'s');
  await visitor.getByText('Sign language, one word at a time.').waitFor();
  assert.equal(await visitor.getByRole('link', { name: 'Edit channel' }).count(), 0, 'no edit link for a visitor');

  let found;
  for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
    found = await json('GET', `${pando.url}/api/v1/search?q=${encodeURIComponent('Ana signs')}`);
    if (found.items.some((item) => item.id === videoId)) break;
    await new Promise((resolve) => { setTimeout(resolve, 200); });
  }
  assert.ok(found.items.some((item) => item.id === videoId), `the clip found by its channel's new name: ${JSON.stringify(found)}`);
  await context.close();
});
