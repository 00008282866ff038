// Bad uploads from the browser: each fails with a message the uploader sees, and the page stays usable.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { signUp, startBrowser, startPando } from './pando.mjs';

let pando;
let browser;
let page;

before(async () => {
  pando = await startPando();
  let context;
  ({ browser, context } = await startBrowser());
  page = await context.newPage();
  await signUp(page, pando.url, 'careless');
});

after(async () => {
  await browser?.close();
  await pando?.stop();
});

async function uploadFile(file) {
  await page.goto(`${pando.url}/upload`);
  await page.getByLabel('Video or audio file').setInputFiles(file);
  await page.getByLabel('Title').fill(`Bad: ${file.name}`);
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor({ state: 'visible', timeout: 60_000 });
  return alert.textContent();
}

const cases = [
  { name: 'notes.mp4', mimeType: 'video/mp4', buffer: Buffer.from('Meeting notes, not a video.\n'.repeat(400)),
    expect: /Processing failed: This file could not be read as a video/ },
  { name: 'empty.mp4', mimeType: 'video/mp4', buffer: Buffer.alloc(0), expect: /The upload failed: The file is empty/ },
  { name: 'bell\u0007clip.mp4', mimeType: 'video/mp4', buffer: Buffer.from('x'.repeat(2000)),
    expect: /The upload failed: The file name contains control characters/ },
];

for (const file of cases) {
  test(`uploading ${JSON.stringify(file.name)} shows why it failed`, { timeout: 90_000 }, async () => {
    const message = await uploadFile(file);
    assert.match(message, file.expect, `message shown for ${JSON.stringify(file.name)}`);
    const health = await page.evaluate(() => fetch('/health').then((r) => r.status));
    assert.equal(health, 200, 'the server is still up');
  });
}
