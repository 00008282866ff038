// The top bar shared by every page: brand, the search box, and the account links that fit who is signed in.
import { api, me } from './api.js';
import { loadMessages, t } from './i18n.js';
import { mountSearchBox } from './search-box.js';

function link(href, key, primary = false) {
  const a = document.createElement('a');
  a.href = href;
  a.className = primary ? 'button primary' : 'button';
  a.textContent = t(key);
  return a;
}

export async function setUpPage() {
  await loadMessages();
  const search = document.querySelector('form.site-search');
  if (search) mountSearchBox(search);
  const nav = document.querySelector('nav.account');
  const account = await me();
  if (nav) {
    nav.replaceChildren();
    if (account) {
      nav.append(link('/upload', 'nav.upload', true), link('/studio', 'nav.studio'), link('/wallet', 'nav.wallet'));
      if (account.role === 'moderator' || account.role === 'admin') nav.append(link('/moderation', 'nav.moderation'));
      if (account.role === 'admin') nav.append(link('/admin', 'nav.admin'));
      nav.append(link('/settings', 'nav.settings'));
      const out = document.createElement('button');
      out.type = 'button';
      out.className = 'button';
      out.id = 'sign-out';
      out.textContent = t('nav.signout');
      out.addEventListener('click', async () => {
        await api('DELETE', '/api/v1/sessions/current');
        location.assign('/');
      });
      nav.append(out);
    } else {
      nav.append(link('/signin', 'nav.signin'), link('/signup', 'nav.signup', true));
    }
  }
  return account;
}

/** Shows an error message in a live region so screen readers announce it. */
export function showError(element, message) {
  element.textContent = message;
  element.hidden = !message;
}
