// Starts a real Pando (the built jar, a fresh data directory, a free port) and a headless Chromium for
// the journeys, and stops both afterwards.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const SHARED = process.env.PANDO_SHARED || path.resolve(import.meta.dirname, '..', '..', 'shared');

const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-proxy-server', '--autoplay-policy=no-user-gesture-required',
];

/** Starts Pando on a fresh data directory, or on `dataDir` to carry on with what an earlier run left. */
export async function startPando(extraArgs = [], { dataDir = mkdtempSync(path.join(tmpdir(), 'pando-e2e-')) } = {}) {
  const java = process.env.PANDO_JAVA || 'java';
  const jar = process.env.PANDO_JAR || path.resolve(import.meta.dirname, '..', 'app', 'target', 'pando.jar');
  const child = spawn(java, ['--enable-native-access=ALL-UNNAMED', '-jar', jar, 'serve', '--port', '0', '--data-dir', dataDir, ...extraArgs],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stderr.on('data', (chunk) => { log += chunk; });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Pando did not start in 60 s:\n${log}`)), 60_000);
    child.stdout.on('data', (chunk) => {
      log += chunk;
      const match = String(log).match(/Pando is serving (http:\/\/[^/\s]+)\//);
      if (match) { clearTimeout(timer); resolve(match[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`Pando exited with ${code}:\n${log}`)); });
  });
  return {
    url,
    dataDir,
    log: () => log,
    /** Stops the server; its data directory goes too unless keepData (then call removeData later). */
    async stop({ keepData = false } = {}) {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => { if (child.exitCode !== null) resolve(); else child.on('exit', resolve); });
      }
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
    removeData() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs one pando command to its end and returns its exit code and output. */
export function runPando(args) {
  const java = process.env.PANDO_JAVA || 'java';
  const jar = process.env.PANDO_JAR || path.resolve(import.meta.dirname, '..', 'app', 'target', 'pando.jar');
  return new Promise((resolve) => {
    const child = spawn(java, ['--enable-native-access=ALL-UNNAMED', '-jar', jar, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.on('exit', (code) => resolve({ code, output }));
  });
}

export async function startBrowser() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1200, height: 800 } });
  return { browser, context };
}

/** Signs a new account up through the page and lands on the feed. */
export async function signUp(page, base, username) {
  await page.goto(`${base}/signup`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Email').fill(`${username}@example.org`);
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(`${base}/`);
}

/** Signs an existing account in through the page and lands on the feed. */
export async function signIn(page, base, username, password) {
  await page.goto(`${base}/signin`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${base}/`);
}

/** Calls the JSON API; a failed call fails the test with the status and body. */
export async function json(method, url, token, body) {
  const response = await fetch(url, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  assert.ok(response.ok, `${method} ${url}: ${response.status} ${await response.clone().text()}`);
  return response.status === 204 ? null : response.json();
}

/** Uploads a file with the tus protocol, as any tus client would, and returns the new video's id. */
export async function tusUpload(base, token, file, title) {
  const bytes = readFileSync(file);
  const b64 = (s) => Buffer.from(s).toString('base64');
  const created = await fetch(`${base}/api/v1/uploads`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Tus-Resumable': '1.0.0', 'Upload-Length': String(bytes.length),
      'Upload-Metadata': `filename ${b64(path.basename(file))},title ${b64(title)}` },
  });
  assert.equal(created.status, 201, `creating the upload of ${file}`);
  const patched = await fetch(new URL(created.headers.get('location'), base), {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${token}`, 'Tus-Resumable': '1.0.0', 'Upload-Offset': '0',
      'Content-Type': 'application/offset+octet-stream' },
    body: bytes,
  });
  assert.equal(patched.status, 204, `sending ${file}`);
  return patched.headers.get('pando-video-id');
}

/**
 * Waits until a video is ready and its pictures were looked at (then it is published, or held for review) and
 * returns it, as its creator sees it: through the signed-in page, or with the creator's API token.
 */
export async function awaitScreened(base, id, { page, token, timeoutMs = 150_000 } = {}) {
  const read = page
    ? () => page.evaluate(async (url) => (await fetch(url)).json(), `/api/v1/videos/${id}`)
    : () => json('GET', `${base}/api/v1/videos/${id}`, token);
  let video;
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
    video = await read();
    if (video.status === 'failed') throw new Error(`video ${id} failed: ${video.error}`);
    if (video.status === 'ready' && video.publication !== 'checking') return video;
    await new Promise((resolve) => { setTimeout(resolve, 250); });
  }
  throw new Error(`video ${id} was not screened in ${timeoutMs} ms: ${JSON.stringify(video)}`);
}
