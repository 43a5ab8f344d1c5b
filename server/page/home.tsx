import type { FC } from 'hono/jsx';
import { Layout } from './layout.js';

/** The first page: drafts on the left, the chosen draft as it will print on the right. */
export const HomePage: FC<{ provider: string }> = ({ provider }) => (
  <Layout title="Soạn thảo văn bản hành chính">
    <header class="topbar">
      <h1>soanthao</h1>
      <span class="provider" id="provider">Soạn bằng: {provider}</span>
    </header>
    <main class="workspace">
      <aside class="sidebar" aria-label="Bản thảo">
        <section class="new-draft">
          <h2>Tạo văn bản từ ý liệu</h2>
          <label for="brief-file">Chọn tệp ý liệu (.json)</label>
          <input id="brief-file" type="file" accept=".json,application/json" />
          <label for="brief-text">Hoặc dán nội dung ý liệu</label>
          <textarea id="brief-text" rows={8} spellcheck={false} placeholder='{"template": "bao-cao", "header": {...}, "sections": [...]}'></textarea>
          <button id="create" type="button">Tạo và soạn văn bản</button>
          <p id="create-error" class="error" role="alert" hidden></p>
        </section>
        <section>
          <h2>Bản thảo</h2>
          <ul id="draft-list" class="draft-list"></ul>
          <p id="no-drafts" class="muted" hidden>Chưa có bản thảo nào.</p>
        </section>
      </aside>
      <section class="document-pane" aria-live="polite">
        <div id="empty" class="muted">Chọn một bản thảo hoặc tạo văn bản mới từ ý liệu.</div>
        <div id="draft" hidden>
          <div class="toolbar">
            <h2 id="draft-title"></h2>
            <button id="redraft-all" type="button">Soạn lại toàn bộ</button>
            <button id="run-check" type="button">Kiểm tra</button>
            <a id="download" class="button">Tải về .docx</a>
          </div>
          <p id="draft-error" class="error" role="alert" hidden></p>
          <ul id="findings" class="findings"></ul>
          <article id="page" class="paper"></article>
        </div>
      </section>
    </main>
  </Layout>
);
