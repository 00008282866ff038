// Uploading with the tus protocol (resumable, with a real progress bar), then following processing live.
import { csrfToken, goSignIn } from './api.js';
import { setUpPage, showError } from './chrome.js';
import { formatBytes, t } from './i18n.js';

const $ = (id) => document.getElementById(id);
let upload = null;
let paused = false;

function problemMessage(error) {
  const response = error.originalResponse;
  if (response) {
    try {
      const problem = JSON.parse(response.getBody());
      if (problem.detail) return problem.detail;
    } catch { /* not a problem document */ }
  }
  return error.message;
}

function setUploadProgress(sent, total) {
  const percent = total ? Math.floor((sent / total) * 100) : 0;
  $('upload-bar').value = percent;
  $('upload-percent').textContent = `${percent}%`;
  $('upload-label').textContent = sent >= total ? t('upload.sent') : t('upload.sending', { done: formatBytes(sent), total: formatBytes(total) });
}

function followProcessing(videoId) {
  $('processing-progress').hidden = false;
  $('processing-label').textContent = t('upload.processing', { percent: 0 });
  const source = new EventSource(`/api/v1/videos/${videoId}/progress`);
  source.addEventListener('progress', (event) => {
    const state = JSON.parse(event.data);
    const percent = Math.floor(state.progress * 100);
    $('processing-bar').value = percent;
    $('processing-percent').textContent = `${percent}%`;
    $('processing-label').textContent = t('upload.processing', { percent });
    if (state.playable) {
      $('watch-link').href = `/v/${videoId}`;
      $('watch-link').hidden = false;
      if (state.status === 'processing') {
        $('playable').textContent = t('upload.playable');
        $('playable').hidden = false;
      }
    }
    if (state.status === 'ready') {
      $('playable').textContent = t('upload.ready');
      $('playable').hidden = false;
      $('again').hidden = false;
      source.close();
    }
    if (state.status === 'failed') {
      $('watch-link').hidden = true;
      $('playable').hidden = true;
      showError($('error'), t('upload.failed', { error: state.error }));
      $('again').hidden = false;
      source.close();
    }
  });
  source.onerror = () => {
    if (source.readyState === EventSource.CLOSED) return;
    source.close();
    setTimeout(() => followProcessing(videoId), 2000);
  };
}

function start(file) {
  showError($('error'), '');
  $('upload-form').hidden = true;
  $('status').hidden = false;
  setUploadProgress(0, file.size);
  let videoId = null;
  const metadata = { filename: file.name, title: $('title').value, description: $('description').value };
  if ($('channel').value) metadata.channel = $('channel').value;
  upload = new window.tus.Upload(file, {
    endpoint: '/api/v1/uploads',
    chunkSize: 8 * 1024 * 1024,
    retryDelays: [0, 1000, 3000, 5000, 10000],
    metadata,
    headers: { 'X-CSRF-Token': csrfToken() },
    removeFingerprintOnSuccess: true,
    onProgress: setUploadProgress,
    onAfterResponse: (_, response) => {
      const id = response.getHeader('Pando-Video-Id');
      if (id) videoId = id;
    },
    onError: (error) => {
      $('pause').hidden = true;
      showError($('error'), t('upload.error', { error: problemMessage(error) }));
      $('again').hidden = false;
    },
    onSuccess: () => {
      $('pause').hidden = true;
      setUploadProgress(file.size, file.size);
      if (videoId) followProcessing(videoId);
    },
  });
  upload.findPreviousUploads().then((previous) => {
    if (previous.length > 0) upload.resumeFromPreviousUpload(previous[0]);
    upload.start();
  });
}

$('file').addEventListener('change', () => {
  const file = $('file').files[0];
  if (file && !$('title').value) $('title').value = file.name.replace(/\.[^.]+$/, '');
});
$('upload-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const file = $('file').files[0];
  if (file) start(file);
});
$('pause').addEventListener('click', () => {
  if (!upload) return;
  paused = !paused;
  if (paused) upload.abort(); else upload.start();
  $('pause').textContent = t(paused ? 'upload.resume' : 'upload.pause');
});

const account = await setUpPage();
if (!account) {
  goSignIn();
} else {
  for (const channel of account.channels) {
    $('channel').append(new Option(`${channel.display_name} (@${channel.handle})`, channel.handle));
  }
}
