import { afterEach, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.js';
import { rawBrief } from '../helpers/fixtures.js';
import { OfflineProvider } from '../../server/provider/offline.js';
import type { ParagraphAsk, RewrittenParagraph } from '../../server/provider/types.js';

let ctx: Awaited<ReturnType<typeof testApp>>;
afterEach(() => ctx?.close());

async function json(res: Response) {
  return (await res.json()) as any;
}

async function created(brief: unknown = rawBrief()) {
  const res = await ctx.request('/api/drafts', { method: 'POST', json: { brief } });
  expect(res.status).toBe(201);
  return (await json(res)).id as string;
}

async function drafted(brief: unknown = rawBrief()) {
  const id = await created(brief);
  expect((await ctx.request(`/api/drafts/${id}/draft`, { method: 'POST' })).status).toBe(200);
  return id;
}

const detail = async (id: string) => json(await ctx.request(`/api/drafts/${id}`));
const section = (d: any, key: string) => d.sections.find((s: any) => s.key === key);
const shown = (d: any, key: string) => section(d, key).paragraphs.filter((p: any) => p.current.text !== '');
const revisions = async (id: string, pid: number) => (await json(await ctx.request(`/api/drafts/${id}/paragraphs/${pid}/revisions`))).revisions as any[];


/**
 * The offline composer, held inside a paragraph rewrite until `release`: `running` settles once the
 * rewrite has started. `text`, when given, is what the rewrite answers.
 */
function heldRewrite(text?: string) {
  let release!: () => void;
  let started!: () => void;
  const running = new Promise<void>((r) => (started = r));
  const gate = new Promise<void>((r) => (release = r));
  class HeldProvider extends OfflineProvider {
    override async rewriteParagraph(ask: ParagraphAsk): Promise<RewrittenParagraph> {
      started();
      await gate;
      const rewritten = await super.rewriteParagraph(ask);
      return text === undefined ? rewritten : { ...rewritten, texts: [text], answer: text };
    }
  }
  return { provider: new HeldProvider(), running, release: () => release() };
}
describe('Idempotency-Key', () => {
  it('a repeated create answers with the first draft and makes no second one', async () => {
    ctx = await testApp();
    const headers = { 'Idempotency-Key': 'create-1' };
    const first = await ctx.request('/api/drafts', { method: 'POST', headers, json: { brief: rawBrief() } });
    const second = await ctx.request('/api/drafts', { method: 'POST', headers, json: { brief: rawBrief() } });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('Idempotent-Replayed')).toBe('true');
    expect((await json(second)).id).toBe((await json(first)).id);
    expect((await json(await ctx.request('/api/drafts'))).drafts).toHaveLength(1);
    // A new key is a new action.
    await ctx.request('/api/drafts', { method: 'POST', headers: { 'Idempotency-Key': 'create-2' }, json: { brief: rawBrief() } });
    expect((await json(await ctx.request('/api/drafts'))).drafts).toHaveLength(2);
  });

  it('a repeated edit or streamed drafting adds no second revision', async () => {
    ctx = await testApp();
    const id = await created();
    const headers = { 'Idempotency-Key': 'draft-all-1', Accept: 'text/event-stream' };
    const stream1 = await (await ctx.request(`/api/drafts/${id}/draft`, { method: 'POST', headers })).text();
    const stream2 = await ctx.request(`/api/drafts/${id}/draft`, { method: 'POST', headers });
    expect(stream2.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await stream2.text()).toBe(stream1);
    expect(stream1).toContain('event: done');
    const p = shown(await detail(id), 'ket-qua')[0];
    expect(p.revisionCount).toBe(1);
    const edit = { method: 'PUT', headers: { 'Idempotency-Key': 'edit-1' }, json: { text: 'Đoạn sửa tay một lần.' } };
    await ctx.request(`/api/drafts/${id}/paragraphs/${p.id}`, edit);
    const again = await ctx.request(`/api/drafts/${id}/paragraphs/${p.id}`, edit);
    expect(again.status).toBe(200);
    expect(await revisions(id, p.id)).toHaveLength(2);
  });

  it('the same key sent with another text is a new edit, not a replay that would drop it', async () => {
    ctx = await testApp();
    const id = await drafted();
    const p = shown(await detail(id), 'ket-qua')[0];
    const headers = { 'Idempotency-Key': 'reused-key' };
    await ctx.request(`/api/drafts/${id}/paragraphs/${p.id}`, { method: 'PUT', headers, json: { text: 'Bản sửa thứ nhất.' } });
    const second = await ctx.request(`/api/drafts/${id}/paragraphs/${p.id}`, { method: 'PUT', headers, json: { text: 'Bản sửa thứ hai.' } });
    expect(second.status).toBe(200);
    expect(second.headers.get('Idempotent-Replayed')).toBeNull();
    expect(shown(await detail(id), 'ket-qua')[0].current.text).toBe('Bản sửa thứ hai.');
    expect((await revisions(id, p.id)).map((r) => r.text)).toEqual([p.current.text, 'Bản sửa thứ nhất.', 'Bản sửa thứ hai.']);
  });

  it('refuses a malformed key with a Vietnamese message and keeps a failed request retryable', async () => {
    ctx = await testApp();
    const bad = await ctx.request('/api/drafts', { method: 'POST', headers: { 'Idempotency-Key': 'two words' }, json: { brief: rawBrief() } });
    expect(bad.status).toBe(422);
    expect((await json(bad)).error.message).toContain('Idempotency-Key');
    const broken = rawBrief();
    broken.header.subject = '';
    const first = await ctx.request('/api/drafts', { method: 'POST', headers: { 'Idempotency-Key': 'k' }, json: { brief: broken } });
    expect(first.status).toBe(422);
    // The same key repeats the same refusal: nothing was made either time.
    const second = await ctx.request('/api/drafts', { method: 'POST', headers: { 'Idempotency-Key': 'k' }, json: { brief: broken } });
    expect(second.status).toBe(422);
    expect((await json(await ctx.request('/api/drafts'))).drafts).toHaveLength(0);
  });
});

describe('staff edits are kept', () => {
  it('"Soạn toàn bộ" keeps a hand-edited paragraph, names it, and overwrites it only when asked', async () => {
    ctx = await testApp();
    const id = await drafted();
    const p = shown(await detail(id), 'ket-qua')[0];
    await ctx.request(`/api/drafts/${id}/paragraphs/${p.id}`, { method: 'PUT', json: { text: 'Cán bộ tự viết đoạn này.' } });
    const again = await json(await ctx.request(`/api/drafts/${id}/draft`, { method: 'POST' }));
    expect(again.kept).toEqual([p.id]);
    expect(again.sections.find((s: any) => s.section === 'ket-qua').kept).toEqual([p.id]);
    const after = shown(await detail(id), 'ket-qua')[0];
    expect(after.current.text).toBe('Cán bộ tự viết đoạn này.');
    // The model's text is there to look at, not current.
    const revs = await revisions(id, p.id);
    expect(revs.map((r) => r.author)).toEqual(['offline', 'staff', 'offline']);
    const section1 = await json(await ctx.request(`/api/drafts/${id}/sections/ket-qua/draft`, { method: 'POST', json: { overwriteStaff: true } }));
    expect(section1.kept).toEqual([]);
    expect(shown(await detail(id), 'ket-qua')[0].current.author).toBe('offline');
  });

  it('a paragraph edited while its redraft runs keeps the edit; the new text waits among its revisions', async () => {
    const { provider, running, release } = heldRewrite('Đoạn do máy soạn lại.');
    ctx = await testApp(provider);
    const id = await drafted();
    const p = shown(await detail(id), 'phuong-huong')[0];
    const redraft = ctx.request(`/api/drafts/${id}/paragraphs/${p.id}/redraft`, { method: 'POST', json: {} });
    await running;
    await ctx.request(`/api/drafts/${id}/paragraphs/${p.id}`, { method: 'PUT', json: { text: 'Cán bộ sửa trong lúc máy soạn.' } });
    release();
    const answer = await json(await redraft);
    expect(answer.current).toBe(false);
    const now = shown(await detail(id), 'phuong-huong')[0];
    expect(now.current.text).toBe('Cán bộ sửa trong lúc máy soạn.');
    expect((await revisions(id, p.id)).at(-1).text).toContain('Đoạn do máy soạn lại.');
  });

  it('a paragraph staff added stays in its place through "Soạn toàn bộ", and every drafted paragraph still shows', async () => {
    ctx = await testApp();
    const id = await drafted();
    const before = shown(await detail(id), 'phuong-huong');
    const added = await json(await ctx.request(`/api/drafts/${id}/paragraphs/${before[0].id}/after`, { method: 'POST', json: { text: 'Đoạn cán bộ thêm.' } }));
    expect(added.instruction).toBe('Cán bộ thêm đoạn');
    const again = await json(await ctx.request(`/api/drafts/${id}/draft`, { method: 'POST' }));
    expect(again.kept).toEqual([added.paragraphId]);
    const texts = shown(await detail(id), 'phuong-huong').map((p: any) => p.current.text);
    expect(texts).toEqual([before[0].current.text, 'Đoạn cán bộ thêm.', ...before.slice(1).map((p: any) => p.current.text)]);
    // Its revisions gained nothing: no drafted text was put behind it.
    expect(await revisions(id, added.paragraphId)).toHaveLength(1);
  });

  it('a repeat of a redraft still running is told to wait, and changes nothing', async () => {
    const { provider, running, release } = heldRewrite();
    ctx = await testApp(provider);
    const id = await drafted();
    const p = shown(await detail(id), 'phuong-huong')[0];
    const headers = { 'Idempotency-Key': 'redraft-1' };
    const first = ctx.request(`/api/drafts/${id}/paragraphs/${p.id}/redraft`, { method: 'POST', headers, json: {} });
    await running;
    const repeat = await ctx.request(`/api/drafts/${id}/paragraphs/${p.id}/redraft`, { method: 'POST', headers, json: {} });
    expect(repeat.status).toBe(409);
    expect((await json(repeat)).error.message).toContain('đang được xử lý');
    release();
    expect((await first).status).toBe(200);
    expect(await revisions(id, p.id)).toHaveLength(2);
  });

  it('a text of invisible characters only is refused as empty', async () => {
    ctx = await testApp();
    const id = await drafted();
    const p = shown(await detail(id), 'ket-qua')[0];
    const res = await ctx.request(`/api/drafts/${id}/paragraphs/${p.id}`, { method: 'PUT', json: { text: '\u200B\u200F\u202E ' } });
    expect(res.status).toBe(422);
    expect((await json(res)).error.message).toBe('Đoạn văn không được để trống');
    const rename = await ctx.request(`/api/drafts/${id}`, { method: 'PATCH', json: { title: '\u200B\u2066' } });
    expect(rename.status).toBe(422);
    expect((await detail(id)).title).not.toBe('');
  });
});

describe('header edits flow through', () => {
  it('re-renders the opening at once and marks a hand-written closing and a body naming the old value stale', async () => {
    ctx = await testApp();
    const brief = rawBrief();
    const id = await drafted(brief);
    const before = await detail(id);
    const closing = shown(before, 'ket-thuc')[0];
    await ctx.request(`/api/drafts/${id}/paragraphs/${closing.id}`, { method: 'PUT', json: { text: `Trên đây là báo cáo ${brief.header.subject.toLocaleLowerCase('vi')} của huyện.` } });
    const body = shown(before, 'phuong-huong')[0];
    await ctx.request(`/api/drafts/${id}/paragraphs/${body.id}`, { method: 'PUT', json: { text: 'Sở Công Thương tỉnh Hà Tĩnh hướng dẫn thêm.' } });
    const next = rawBrief();
    next.header.org = 'ỦY BAN NHÂN DÂN HUYỆN CAN LỘC';
    next.header.subject = 'Kết quả phát triển thương mại điện tử năm 2021';
    next.header.recipients = ['Sở Tài chính tỉnh Hà Tĩnh'];
    const res = await ctx.request(`/api/drafts/${id}/brief`, { method: 'PUT', json: { brief: next } });
    expect(res.status).toBe(200);
    const d = await json(res);
    const opening = shown(d, 'mo-dau').map((p: any) => p.current.text).join(' ');
    expect(opening).toContain('Ủy ban nhân dân huyện Can Lộc báo cáo');
    expect(shown(d, 'mo-dau')[0].current.findings.filter((f: any) => f.rule === 'stale.header')).toEqual([]);
    const staleClosing = shown(d, 'ket-thuc')[0];
    expect(staleClosing.current.text).toContain('tiêu dùng bền vững');
    const mark = staleClosing.current.findings.find((f: any) => f.rule === 'stale.header');
    expect(mark.message).toMatch(/^Mục này viết theo thông tin cũ: cơ quan ban hành “ỦY BAN NHÂN DÂN HUYỆN NGHI XUÂN” \(nay là “ỦY BAN NHÂN DÂN HUYỆN CAN LỘC”\); trích yếu/);
    expect(shown(d, 'phuong-huong')[0].current.findings.some((f: any) => f.rule === 'stale.header' && f.message.includes('Kính gửi'))).toBe(true);
    // The check keeps the marks and does not pass.
    const check = await json(await ctx.request(`/api/drafts/${id}/check`, { method: 'POST' }));
    expect(check.findings.filter((f: any) => f.rule === 'stale.header' && f.severity === 'error')).toHaveLength(2);
    // A new revision from the new header clears the mark.
    await ctx.request(`/api/drafts/${id}/sections/ket-thuc/draft`, { method: 'POST', json: { overwriteStaff: true } });
    const after = await json(await ctx.request(`/api/drafts/${id}/check`, { method: 'POST' }));
    expect(after.findings.filter((f: any) => f.rule === 'stale.header' && f.where.section === 'ket-thuc')).toEqual([]);
  });
});

describe('header edits the formulas do not use', () => {
  it('a new date leaves the opening and closing as they are, and marks only a paragraph that names the old date', async () => {
    ctx = await testApp();
    const id = await drafted();
    const body = shown(await detail(id), 'phuong-huong')[0];
    await ctx.request(`/api/drafts/${id}/paragraphs/${body.id}`, { method: 'PUT', json: { text: 'Trong tháng 12 năm 2021, huyện tiếp tục tuyên truyền.' } });
    const next = rawBrief();
    next.header.date = '2022-01';
    const d = await json(await ctx.request(`/api/drafts/${id}/brief`, { method: 'PUT', json: { brief: next } }));
    expect(shown(d, 'mo-dau')[0].revisionCount).toBe(1);
    expect(shown(d, 'ket-thuc')[0].revisionCount).toBe(1);
    const marked = d.sections.flatMap((s: any) => s.paragraphs).filter((p: any) => p.current.findings.some((f: any) => f.rule === 'stale.header'));
    expect(marked.map((p: any) => p.id)).toEqual([body.id]);
    expect(marked[0].current.findings.find((f: any) => f.rule === 'stale.header').message).toContain('ngày ban hành “tháng 12 năm 2021” (nay là “tháng 1 năm 2022”)');
  });
});

describe('honest export', () => {
  it('the check names every section with words to write and no paragraph', async () => {
    ctx = await testApp();
    const id = await created();
    await ctx.request(`/api/drafts/${id}/sections/mo-dau/draft`, { method: 'POST' });
    const { findings } = await json(await ctx.request(`/api/drafts/${id}/check`, { method: 'POST' }));
    const missing = findings.filter((f: any) => f.rule === 'draft.section-missing');
    expect(missing.map((f: any) => f.where.section).sort()).toEqual(['ket-qua', 'ket-thuc', 'phuong-huong']);
    expect(missing.every((f: any) => f.severity === 'error')).toBe(true);
    expect(missing.find((f: any) => f.where.section === 'ket-qua').message).toContain('“KẾT QUẢ THỰC HIỆN” chưa được soạn');
  });
});

describe('paragraph tools', () => {
  it('adds a paragraph after another, moves it, deletes it and brings it back from its revisions', async () => {
    ctx = await testApp();
    const id = await drafted();
    const [first, second] = shown(await detail(id), 'phuong-huong');
    const added = await ctx.request(`/api/drafts/${id}/paragraphs/${first.id}/after`, { method: 'POST', json: { text: 'Đoạn cán bộ thêm vào.' } });
    expect(added.status).toBe(201);
    const rev = await json(added);
    expect(rev.author).toBe('staff');
    let texts = shown(await detail(id), 'phuong-huong').map((p: any) => p.current.text);
    expect(texts[1]).toBe('Đoạn cán bộ thêm vào.');
    expect(texts[2]).toBe(second.current.text);

    const moved = await ctx.request(`/api/drafts/${id}/paragraphs/${rev.paragraphId}/move`, { method: 'POST', json: { direction: 'up' } });
    expect(moved.status).toBe(200);
    texts = shown(await detail(id), 'phuong-huong').map((p: any) => p.current.text);
    expect(texts.slice(0, 2)).toEqual(['Đoạn cán bộ thêm vào.', first.current.text]);
    const top = await ctx.request(`/api/drafts/${id}/paragraphs/${rev.paragraphId}/move`, { method: 'POST', json: { direction: 'up' } });
    expect(top.status).toBe(422);
    expect((await json(top)).error.message).toBe('Đoạn này đã ở đầu mục.');
    expect((await revisions(id, rev.paragraphId)).map((r) => r.instruction)).toEqual(['Cán bộ thêm đoạn', 'Chuyển đoạn lên trên']);

    const deleted = await ctx.request(`/api/drafts/${id}/paragraphs/${rev.paragraphId}`, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect(shown(await detail(id), 'phuong-huong').map((p: any) => p.current.text)).not.toContain('Đoạn cán bộ thêm vào.');
    const revs = await revisions(id, rev.paragraphId);
    expect(revs.at(-1)).toMatchObject({ text: '', author: 'staff' });
    await ctx.request(`/api/drafts/${id}/paragraphs/${rev.paragraphId}/current`, { method: 'POST', json: { revisionId: revs.at(-2).id } });
    expect(shown(await detail(id), 'phuong-huong')[0].current.text).toBe('Đoạn cán bộ thêm vào.');
  });
});
