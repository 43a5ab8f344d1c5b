// The login page: sends the name and password to /api/session and, once logged in, opens soanthao.
import { $, api, showError } from './dom.js';

async function submit(event) {
  event.preventDefault();
  const username = $('username').value.normalize('NFC').trim();
  const password = $('password').value;
  if (!username || !password) {
    showError($('login-error'), new Error('Nhập tên đăng nhập và mật khẩu.'));
    return;
  }
  $('login-submit').disabled = true;
  try {
    await api('/api/session', { method: 'POST', body: { username, password } });
    location.assign('/');
  } catch (e) {
    showError($('login-error'), e);
    $('password').value = '';
    $('password').focus();
  } finally {
    $('login-submit').disabled = false;
  }
}

$('login-form').addEventListener('submit', submit);
$('username').focus();
document.body.dataset.ready = 'true';
