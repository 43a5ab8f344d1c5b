import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOpenAI, promptText, type FakeOpenAI } from '../helpers/fake-openai.js';
import { testApp } from '../helpers/app.js';
import { llmConfig } from '../helpers/llm-app.js';
import { ModelIntentReader } from '../../server/chat/read-model.js';
import { OfflineProvider } from '../../server/provider/offline.js';
import { createApp } from '../../server/app.js';
import { ModelQueue } from '../../server/queue/model-queue.js';

let fake: FakeOpenAI;
let ctx: Awaited<ReturnType<typeof testApp>>;
afterEach(async () => {
  ctx?.close();
  await fake?.close();
});

const none = {
  template: null, org: null, parentOrg: null, subject: null, place: null, symbol: null, date: null,
  recipients: null, signer: null, copies: null, section: null, paragraph: null, instruction: null, facts: null,
};

async function chatApp(script: Parameters<typeof startFakeOpenAI>[0], queue?: ModelQueue) {
  fake = await startFakeOpenAI(script);
  ctx = await testApp();
  const { app } = createApp({
    store: ctx.store,
    templates: (await import('../../server/template/load.js')).TemplateRegistry.load(),
    provider: new OfflineProvider(),
    intentReader: new ModelIntentReader(llmConfig(fake.baseURL), undefined, queue),
    concurrency: 2,
    maxBodyBytes: 1 << 20,
  });
  const call = async (path: string, json: unknown) =>
    (await (await app.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(json) })).json()) as any;
  const conversation = await call('/api/conversations', {});
  return { say: (text: string) => call(`/api/conversations/${conversation.id}/messages`, { text }) };
}

describe('the conversation read by a model', () => {
  it('turns a free-form message into the document type and trích yếu, with the state sent to the chat model', async () => {
    const { say } = await chatApp([
      { kind: 'stream', content: JSON.stringify({ ...none, intent: 'set', template: 'bao-cao', subject: 'kết quả công tác tiếp công dân 6 tháng đầu năm 2024' }) },
    ]);
    const r = await say('mình cần làm cái báo cáo tiếp dân 6 tháng đầu năm 2024 gửi tỉnh');
    // The trích yếu the model read is proposed, to confirm, like a typed one.
    expect(r.conversation).toMatchObject({ templateId: 'bao-cao', asking: 'confirm' });
    expect(r.reply[0].text).toContain('Trích yếu: «Kết quả công tác tiếp công dân 6 tháng đầu năm 2024»');
    const request = fake.requests[0]!;
    expect(request.body.model).toBe('fake-chat-model');
    expect(request.body.response_format.json_schema.name).toBe('chat_intent');
    expect(promptText(request)).toContain('mình cần làm cái báo cáo tiếp dân');
    expect(promptText(request)).toContain('Đang hỏi: template');
  });

  it('checks each value the model read with the same code as typed answers', async () => {
    const { say } = await chatApp([
      { kind: 'stream', content: JSON.stringify({ ...none, intent: 'set', template: 'bao-cao', subject: 'kết quả năm 2024' }) },
      { kind: 'stream', content: JSON.stringify({ ...none, intent: 'set', date: '31/02/2024' }) },
    ]);
    await say('báo cáo kết quả năm 2024');
    const r = await say('ngày ba mươi mốt tháng hai');
    expect(r.reply[0].text).toContain('Ngày "31/02/2024" không hợp lệ');
  });

  it('keeps the document type the model read when its trích yếu does not fit, and says why', async () => {
    const { say } = await chatApp([{ kind: 'stream', content: JSON.stringify({ ...none, intent: 'set', template: 'to-trinh', subject: 'xin' }) }]);
    const r = await say('làm cái tờ trình xin');
    expect(r.conversation).toMatchObject({ templateId: 'to-trinh', asking: 'header.org' });
    expect(r.reply[0].text).toContain('Trích yếu "xin" quá ngắn');
  });

  it('waits its turn in the model queue like a section being drafted, and is asked once a slot frees', async () => {
    const queue = new ModelQueue({ limit: 1 });
    let release!: () => void;
    const busy = queue.run('another office', () => new Promise<void>((resolve) => (release = resolve)));
    const { say } = await chatApp(
      [{ kind: 'stream', content: JSON.stringify({ ...none, intent: 'set', template: 'bao-cao', subject: 'kết quả công tác năm 2024' }) }],
      queue,
    );
    const answered = say('báo cáo kết quả công tác năm 2024');
    // The only slot is taken: the chat's question has not reached the model.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.requests).toHaveLength(0);
    release();
    await busy;
    const r = await answered;
    expect(fake.requests).toHaveLength(1);
    expect(r.conversation).toMatchObject({ templateId: 'bao-cao' });
  });

  it('falls back to the deterministic interview when the model fails', async () => {
    const { say } = await chatApp([{ kind: 'error', status: 500 }]);
    const r = await say('báo cáo kết quả thực hiện chương trình năm 2021');
    expect(r.conversation).toMatchObject({ templateId: 'bao-cao', asking: 'confirm' });
  });

  it('holds the values the model read to the same checks: a Kính gửi that is no cơ quan, a value without accents', async () => {
    const { say } = await chatApp([
      { kind: 'stream', content: JSON.stringify({ ...none, intent: 'set', template: 'cong-van', subject: 'đề nghị hướng dẫn thủ tục hộ tịch' }) },
      { kind: 'stream', content: JSON.stringify({ ...none, intent: 'set', org: 'UBND HUYEN NGHI XUAN' }) },
      { kind: 'stream', content: JSON.stringify({ ...none, intent: 'set', recipients: ['ngày mai gửi luôn'] }) },
    ]);
    await say('công văn đề nghị hướng dẫn thủ tục hộ tịch');
    await say('đúng');
    const org = await say('cơ quan là ubnd huyen nghi xuan');
    expect(org.conversation.asking).toBe('confirm');
    expect(org.reply[0].text).toContain('Ý anh/chị là «ỦY BAN NHÂN DÂN HUYỆN NGHI XUÂN»?');
    expect((await say('đúng')).conversation.brief.header.org).toBe('ỦY BAN NHÂN DÂN HUYỆN NGHI XUÂN');
    const recipients = await say('ngày mai gửi luôn nhé');
    expect(recipients.conversation.asking).toBe('header.recipients');
    expect(recipients.reply[0].text).toContain('không giống tên cơ quan hay chức danh');
    expect(recipients.conversation.brief.header.recipients).toEqual([]);
    // Corrections are read by code: the model is not asked.
    const before = fake.requests.length;
    const changed = await say('doi sang to trinh');
    expect(changed.conversation.templateId).toBe('to-trinh');
    expect(fake.requests).toHaveLength(before);
  });

  it('reads fixed commands by code, without asking the model', async () => {
    const { say } = await chatApp([{ kind: 'error', status: 500 }]);
    await say('xong');
    await say('bỏ qua');
    expect(fake.requests).toHaveLength(0);
  });
});
