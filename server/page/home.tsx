import type { FC } from 'hono/jsx';
import { Layout } from './layout.js';

/** The chat page: the conversation on the left, the document as it will print on the right (stacked on a phone). */
export const HomePage: FC<{ provider: string; offline: boolean }> = ({ provider, offline }) => (
  <Layout title="soanthao: soạn thảo văn bản hành chính">
    <header class="topbar">
      <h1>
        soanthao <span class="tagline">Soạn thảo văn bản hành chính</span>
      </h1>
      <span class="provider" id="provider" data-offline={offline ? 'true' : 'false'}>
        Soạn bằng: <strong>{provider}</strong>
      </span>
      <span id="account" class="account" hidden></span>
    </header>
    <div id="admin-panel" class="admin-panel" hidden></div>
    <main class="workspace">
      <section class="chat-pane" aria-labelledby="chat-heading">
        <h2 id="chat-heading" class="sr-only">
          Trò chuyện
        </h2>
        <div class="chat-head">
          <button id="new-document" type="button">
            Văn bản mới
          </button>
          <button id="toggle-drafts" type="button" class="secondary" aria-expanded="false" aria-controls="drafts-panel">
            Bản thảo
          </button>
          <button id="toggle-profile" type="button" class="secondary" aria-expanded="false" aria-controls="profile-panel">
            Thông tin cơ quan
          </button>
        </div>
        <div id="profile-panel" class="side-panel" hidden></div>
        <p id="chat-status" class="ok-text chat-status" role="status"></p>
        <div id="drafts-panel" class="side-panel" hidden>
          <p id="drafts-error" class="error" role="alert" hidden></p>
          <ul id="draft-list" class="draft-list" aria-label="Bản thảo đã lưu"></ul>
          <p id="no-drafts" class="muted" hidden>
            Chưa có bản thảo nào.
          </p>
        </div>
        <div id="messages" class="messages" role="log" aria-live="polite" aria-label="Hội thoại"></div>
        <form id="composer" class="composer">
          <label for="message" class="sr-only">
            Tin nhắn
          </label>
          <textarea id="message" rows={3} placeholder="Nhập yêu cầu hoặc dán danh sách ý (Enter để gửi, Shift+Enter để xuống dòng)"></textarea>
          <div class="composer-actions">
            <button id="send" type="submit">
              Gửi
            </button>
            <button id="import-brief" type="button" class="secondary">
              Nhập tệp các ý chính (.json)
            </button>
            <input id="brief-file" class="sr-only" type="file" accept=".json,application/json" tabindex={-1} aria-hidden="true" />
          </div>
          <p id="chat-error" class="error" role="alert" hidden></p>
        </form>
      </section>
      <section class="doc-pane" aria-labelledby="doc-heading">
        <h2 id="doc-heading" class="sr-only">
          Văn bản
        </h2>
        <div id="doc-empty" class="doc-empty">
          <p>Văn bản sẽ hiện ở đây, đúng như khi in, và được viết dần khi soạn.</p>
          <p id="interview-status" class="interview-status" role="status"></p>
          <p class="muted">Bắt đầu bằng một tin nhắn bên trái, nhập tệp các ý chính, hoặc mở một bản thảo đã lưu.</p>
        </div>
        <div id="doc" hidden>
          <div class="doc-toolbar">
            <div class="doc-title-row">
              <span id="draft-type" class="badge"></span>
              <h3 id="draft-title"></h3>
              <span id="draft-progress" class="progress" role="status"></span>
            </div>
            <div class="doc-actions">
              <button id="draft-all" type="button">
                Soạn toàn bộ
              </button>
              <button id="stop-all" type="button" class="danger" disabled>
                Dừng tất cả
              </button>
              <button id="edit-header" type="button" class="secondary" aria-expanded="false" aria-controls="header-panel">
                Thông tin văn bản
              </button>
              <button id="duplicate" type="button" class="secondary">
                Nhân bản
              </button>
              <button id="history" type="button" class="secondary" aria-expanded="false" aria-controls="history-panel">
                Lịch sử
              </button>
              <button id="copy-text" type="button" class="secondary">
                Sao chép văn bản
              </button>
              <button id="export" type="button" aria-expanded="false" aria-controls="export-panel">
                Xuất .docx, PDF
              </button>
            </div>
            <div id="review" class="review" hidden></div>
            <p id="doc-error" class="error" role="alert" hidden></p>
            <p id="doc-status" class="ok-text" role="status"></p>
            <div id="staff-confirm" class="panel staff-confirm" role="group" aria-labelledby="staff-confirm-text" hidden></div>
          </div>
          <div id="header-panel" class="panel wide" hidden></div>
          <div id="export-panel" class="panel wide export-panel" hidden></div>
          <div id="history-panel" class="panel wide history-panel" hidden></div>
          <div id="missing" class="panel missing" hidden>
            <span id="missing-text"></span>{' '}
            <button id="missing-draft" type="button" class="small">
              Soạn các mục còn thiếu
            </button>
          </div>
          <article id="paper" class="paper" aria-label="Văn bản như khi in"></article>
          <div id="optional-sections"></div>
        </div>
      </section>
    </main>
  </Layout>
);
