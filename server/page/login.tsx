import type { FC } from 'hono/jsx';
import { Layout } from './layout.js';

/** The login page of a server others reach over the network; its script is login.js (no inline script). */
export const LoginPage: FC = () => (
  <Layout title="Đăng nhập: soanthao" script="login.js">
    <header class="topbar">
      <h1>
        soanthao <span class="tagline">Soạn thảo văn bản hành chính</span>
      </h1>
    </header>
    <main class="login">
      <form id="login-form" class="panel login-form" novalidate>
        <h2>Đăng nhập</h2>
        <div class="field">
          <label for="username">Tên đăng nhập</label>
          <input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck={false} required />
        </div>
        <div class="field">
          <label for="password">Mật khẩu</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
        </div>
        <p id="login-error" class="error" role="alert" hidden></p>
        <button id="login-submit" type="submit">
          Đăng nhập
        </button>
        <p class="muted">Quên mật khẩu hoặc tài khoản bị khóa: nhờ quản trị viên của cơ quan đặt lại.</p>
      </form>
    </main>
  </Layout>
);
