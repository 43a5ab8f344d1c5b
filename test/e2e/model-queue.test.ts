import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.js';
import { llmConfig } from '../helpers/llm-app.js';
import { startFakeOpenAI, type FakeOpenAI } from '../helpers/fake-openai.js';
import { answerByHeading } from '../helpers/model-answers.js';
import { SEED_BRIEF_PATH, rawBrief } from '../helpers/fixtures.js';
import { OpenAIProvider } from '../../server/provider/openai/provider.js';
import { ModelQueue } from '../../server/queue/model-queue.js';
import { QueuedProvider } from '../../server/queue/queued-provider.js';
import { firstVisit, screenshot, servedPage } from './browser.js';
import { paragraph, sectionTexts, waitDrafted } from './flows.js';

const REWRITTEN = 'Tăng cường kiểm tra, kiểm soát thị trường và xử lý nghiêm vi phạm trong sản xuất, kinh doanh.';

/** The page in Debian's chromium against a server that lets one model call through at a time. */
let fake: FakeOpenAI;
const served = servedPage(async () => {
  fake = await startFakeOpenAI([]);
  const app = await testApp(new QueuedProvider(new OpenAIProvider(llmConfig(fake.baseURL)), new ModelQueue({ limit: 1 })));
  return {
    ...app,
    async close() {
      await app.close();
      await fake.close();
    },
  };
});

describe('the page while the model is busy', { timeout: 90_000 }, () => {
  it('shows each waiting section and paragraph its place in the line, then drafts it when its turn comes', async () => {
    const brief = rawBrief();
    const answer = answerByHeading(brief);
    let release!: () => void;
    const busy = new Promise<void>((resolve) => (release = resolve));
    fake.script((request) => ({ kind: 'gated', gate: busy, reply: answer(request) }));
    const { page, problems } = await firstVisit(served.context, served.server.url);
    await page.setInputFiles('#brief-file', SEED_BRIEF_PATH);
    // The page drafts a few sections at once; one reaches the model, the others wait their turn.
    await page.waitForFunction(() => {
      const chips = [...document.querySelectorAll('[data-section] .status')].map((n) => n.textContent);
      return chips.includes('Đang chờ lượt: 1') && chips.includes('Đang chờ lượt: 2');
    });
    await screenshot(page, '40-waiting-for-the-model');
    expect(fake.requests).toHaveLength(1);
    release();
    await waitDrafted(page);
    expect(await page.locator('[data-section] .status').allTextContents()).not.toContain('Đang chờ lượt: 1');
    expect((await sectionTexts(page, 'ket-qua')).join(' ')).toContain('phát 29 đĩa tuyên truyền');

    // Another clerk's section holds the only slot: a paragraph to redraft waits its turn too.
    let free!: () => void;
    const held = new Promise<void>((resolve) => (free = resolve));
    fake.script((request) => ({ kind: 'gated', gate: held, reply: answer(request) }));
    const other = (await (await served.ctx.request('/api/drafts', { method: 'POST', json: { brief } })).json()) as { id: string };
    const before = fake.requests.length;
    const otherDraft = served.ctx.request(`/api/drafts/${other.id}/sections/ket-qua/draft`, { method: 'POST' });
    await expect.poll(() => fake.requests.length).toBe(before + 1);
    fake.script((request) => (request.body.model === 'fake-paragraph-model' ? { kind: 'stream', content: JSON.stringify({ paragraph: REWRITTEN }) } : answer(request)));
    const target = paragraph(page, 'phuong-huong', 2);
    await target.getByRole('button', { name: 'Soạn lại' }).click();
    await target.getByRole('button', { name: 'Soạn lại đoạn này' }).click();
    await expect.poll(() => target.locator('.para-new .ui-label').textContent()).toBe('Đang chờ lượt: 1');
    free();
    await otherDraft;
    await expect.poll(() => target.locator('.rev-position').textContent()).toBe('Bản 2/2');
    expect(await target.locator('.para').textContent()).toBe(`- ${REWRITTEN}`);
    expect(problems).toEqual([]);
    await page.close();
  });
});
