// Sign-in and sign-up forms: the session arrives as an http-only cookie, never as script-readable data.
import { api, nextPath } from './api.js';
import { setUpPage, showError } from './chrome.js';

const form = document.querySelector('form[data-mode]');
const error = document.getElementById('error');
const value = (id) => document.getElementById(id)?.value ?? '';

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  showError(error, '');
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  try {
    if (form.dataset.mode === 'signup') {
      await api('POST', '/api/v1/accounts', { username: value('username'), email: value('email'), password: value('password'), cookie: true });
    } else {
      await api('POST', '/api/v1/sessions', { username: value('username'), password: value('password'), cookie: true });
    }
    location.assign(nextPath());
  } catch (e) {
    showError(error, e.message);
    button.disabled = false;
  }
});

await setUpPage();
