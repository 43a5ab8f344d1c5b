import { afterEach, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.js';
import { rawBrief } from '../helpers/fixtures.js';

let ctx: Awaited<ReturnType<typeof testApp>>;
afterEach(() => ctx?.close());

async function start() {
  const res = await ctx.request('/api/conversations', { method: 'POST', json: {} });
  expect(res.status).toBe(201);
  return (await res.json()) as any;
}

async function say(id: string, text: string) {
  const res = await ctx.request(`/api/conversations/${id}/messages`, { method: 'POST', json: { text } });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as any;
}

const seed = rawBrief();
const lines = (facts: string[]) => facts.map((f) => `- ${f}`).join('\n');
const ketQua = seed.sections[1].parts.map((p: any, i: number) => `${i + 1}. ${p.title}\n${lines(p.facts)}`).join('\n');

/** The seed's notes, typed into the chat the way a clerk would. */
async function interview(id: string) {
  const answers: [string, string | null][] = [
    ['báo cáo kết quả thực hiện chương trình sản xuất tiêu dùng bền vững năm 2021', 'confirm'],
    ['đúng', 'header.org'],
    ['UBND huyện Nghi Xuân', 'header.recipients'],
    ['Sở Công Thương tỉnh Hà Tĩnh', 'header.place'],
    ['nghi xuân', 'header.symbol'],
    ['UBND', 'header.date'],
    ['12/2021', 'signer'],
    ['TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Viết Hưng', 'copies'],
    ['UBND tỉnh (B/c)\nChủ tịch, các PCT UBND huyện\nPhòng Kinh tế và Hạ tầng', 'facts:mo-dau'],
    [lines(seed.sections[0].facts), 'facts:mo-dau'],
    ['xong', 'facts:ket-qua'],
    [ketQua, 'facts:ket-qua'],
    ['xong', 'facts:ton-tai'],
    ['bỏ qua', 'facts:phuong-huong'],
    [lines(seed.sections[2].facts), 'facts:phuong-huong'],
    ['xong', 'facts:kien-nghi'],
    ['bỏ qua', 'facts:ket-thuc'],
    [lines(seed.sections[3].facts), 'facts:ket-thuc'],
    ['xong', 'summary'],
  ];
  for (const [text, asking] of answers) {
    const r = await say(id, text);
    expect(r.conversation.asking, `after "${text.slice(0, 40)}"`).toBe(asking);
    expect(r.reply.length).toBeGreaterThan(0);
  }
  return say(id, 'đúng');
}

describe('the conversation', () => {
  it('asks for the document type first, offering the types', async () => {
    ctx = await testApp();
    const c = await start();
    expect(c.asking).toBe('template');
    expect(c.messages[0]).toMatchObject({ role: 'assistant', suggestions: ['báo cáo', expect.any(String), expect.any(String), expect.any(String), expect.any(String)] });
  });

  it('turns the seed notes, typed message by message, into the same brief and a draft to stream', async () => {
    ctx = await testApp();
    const c = await start();
    const last = await interview(c.id);
    const preview = (await (await ctx.request(`/api/conversations/${c.id}`)).json()) as any;
    expect(preview.brief.header.subject).toBe(seed.header.subject);
    expect(last.conversation.asking).toBeNull();
    // With the offline composer, the chat does not offer rewrites on request that it cannot do.
    expect(last.reply[0].text).toContain('"soạn lại đoạn 2 mục I" (soạn lại từ các ý chính)');
    expect(last.reply[0].text).not.toContain('"viết lại đoạn 2 mục I ngắn gọn hơn"');
    // The notes' own shorthand, which no lexicon knows, is kept as written and asked about last.
    expect(last.reply).toHaveLength(2);
    expect(last.reply[1].text).toContain('Các ý chính có 01 chữ viết tắt chưa rõ nghĩa');
    expect(last.reply[1].text).toContain('SXTDBV là viết tắt của gì?');
    expect(last.reply[1].suggestions).toEqual(['giữ nguyên', 'bỏ qua']);
    const draftId = last.conversation.draftId;
    expect(last.actions).toEqual([
      { type: 'open-draft', draftId },
      { type: 'draft-all', draftId },
    ]);
    const draft = (await (await ctx.request(`/api/drafts/${draftId}`)).json()) as any;
    expect(draft.conversationId).toBe(c.id);
    const { orgName: _, ...header } = draft.brief.header;
    expect(header).toEqual(seed.header);
    expect(draft.brief.signer).toEqual(seed.signer);
    // Staff list the others; "Như trên" comes first by itself where the document has Kính gửi.
    expect(draft.brief.copies).toEqual(seed.copies);
    const facts = (b: any) => b.sections.map((s: any) => ({ key: s.key, facts: s.facts, parts: s.parts }));
    expect(facts(draft.brief)).toEqual(facts({ sections: seed.sections.map(({ title, ...s }: any) => s) }));
  });

  it('after drafting, turns requests into actions on the draft', async () => {
    ctx = await testApp();
    const c = await start();
    const { conversation } = await interview(c.id);
    const draftId = conversation.draftId;
    await ctx.request(`/api/drafts/${draftId}/draft`, { method: 'POST' });
    const draft = (await (await ctx.request(`/api/drafts/${draftId}`)).json()) as any;
    const second = draft.sections.find((s: any) => s.key === 'ket-qua').paragraphs[1];

    // The offline composer cannot follow "ngắn gọn hơn": the chat says so and opens the edit box instead.
    const redraft = await say(c.id, 'viết lại đoạn 2 mục I ngắn gọn hơn');
    expect(redraft.actions).toEqual([{ type: 'edit-paragraph', draftId, paragraphId: second.id }]);
    expect(redraft.reply[0].text).toContain('Bộ soạn ngoại tuyến không làm theo yêu cầu viết lại ("ngắn gọn hơn")');
    expect(redraft.reply[0].text).toContain('Đã mở ô sửa đoạn 2 của mục I. KẾT QUẢ THỰC HIỆN');
    expect(redraft.reply[0].text).not.toMatch(/Đang viết lại/);
    // Without a request, a redraft from the facts is what the offline composer does.
    const plain = await say(c.id, 'viết lại đoạn 2 mục I');
    expect(plain.actions).toEqual([{ type: 'redraft-paragraph', draftId, paragraphId: second.id, instruction: null }]);

    const more = await say(c.id, 'thêm vào mục II: tăng cường kiểm tra VSATTP tại 12 chợ');
    expect(more.actions).toEqual([{ type: 'draft-section', draftId, section: 'phuong-huong' }]);
    const updated = (await (await ctx.request(`/api/drafts/${draftId}`)).json()) as any;
    expect(updated.brief.sections.find((s: any) => s.key === 'phuong-huong').facts.at(-1)).toBe('tăng cường kiểm tra VSATTP tại 12 chợ');

    expect((await say(c.id, 'soạn lại mục I')).actions).toEqual([{ type: 'draft-section', draftId, section: 'ket-qua' }]);
    // Typed without accents, as on a phone.
    expect((await say(c.id, 'soan lai muc ket qua')).actions).toEqual([{ type: 'draft-section', draftId, section: 'ket-qua' }]);
    expect((await say(c.id, 'viet lai doan 2 muc I ngắn gọn hơn')).actions).toEqual([{ type: 'edit-paragraph', draftId, paragraphId: second.id }]);
    const plainFacts = await say(c.id, 'them vao muc II: phối hợp kiểm tra 05 chợ');
    expect(plainFacts.actions).toEqual([{ type: 'draft-section', draftId, section: 'phuong-huong' }]);
    const missing = await say(c.id, 'viết lại đoạn 9 mục II');
    expect(missing.actions).toEqual([]);
    expect(missing.reply[0].text).toContain('mục này có 4 đoạn');
  });

  it('asks again, saying why, for a wrong date or ký hiệu, and refuses to skip what is required', async () => {
    ctx = await testApp();
    const c = await start();
    await say(c.id, 'báo cáo kết quả công tác năm 2024');
    for (const text of ['đúng', 'UBND xã Đông Sơn', 'UBND huyện Thanh Hà', 'Đông Sơn']) await say(c.id, text);
    const badSymbol = await say(c.id, 'BC UBND XA');
    expect(badSymbol.conversation.asking).toBe('header.symbol');
    expect(badSymbol.reply[0].text).toContain('không hợp lệ');
    await say(c.id, 'BC-UBND');
    const badDate = await say(c.id, '2021-13-40');
    expect(badDate.conversation.asking).toBe('header.date');
    expect(badDate.reply[0].text).toContain('Ngày "2021-13-40" không hợp lệ');
    const date = await say(c.id, '05/3/2024');
    expect(date.conversation.asking).toBe('signer');
    await say(c.id, 'bỏ qua');
    await say(c.id, 'bỏ qua');
    await say(c.id, 'xong');
    const required = await say(c.id, 'bỏ qua');
    expect(required.conversation.asking).toBe('facts:ket-qua');
    expect(required.reply[0].text).toContain('bắt buộc');
    const early = await say(c.id, 'soạn');
    expect(early.actions).toEqual([]);
    expect(early.reply[0].text).toContain('Chưa soạn được');
    expect(early.conversation.asking).toBe('facts:ket-qua');
  });

  it('reads pasted facts as facts even when one of them looks like "Nhãn: giá trị"', async () => {
    ctx = await testApp();
    const c = await start();
    const answers = ['kế hoạch tập huấn phòng chống thiên tai năm 2025', 'đúng', 'UBND huyện Thanh Hà', 'Thanh Hà', 'KH-UBND', '03/2025', 'bỏ qua', 'bỏ qua'];
    for (const a of answers) await say(c.id, a);
    const asked = await say(c.id, 'xong');
    expect(asked.conversation.asking).toBe('facts:muc-dich');
    const r = await say(c.id, '- tập huấn 3 lớp cho cán bộ xã\nĐơn vị: Phòng Nông nghiệp chủ trì\n- kinh phí 50 triệu đồng');
    expect(r.reply[0].text).toContain('Đã ghi 3 ý');
    expect(r.conversation.brief.header.org).toBe('ỦY BAN NHÂN DÂN HUYỆN THANH HÀ');
  });

  it('keeps the readable fields of a pasted block and names the one it could not read', async () => {
    ctx = await testApp();
    const c = await start();
    const first = await say(c.id, 'thong bao ket luan cuoc hop giao ban thang 12');
    expect(first.conversation.templateId).toBe('thong-bao');
    const r = await say(c.id, 'Cơ quan: UBND huyện Thanh Hà\nSố: 85\nKý hiệu: TB UBND X Y\nNgày: 31/02/2024\nĐịa danh: thanh hà');
    expect(r.conversation.brief.header).toMatchObject({ org: 'ỦY BAN NHÂN DÂN HUYỆN THANH HÀ', number: '85', place: 'Thanh Hà' });
    expect(r.reply[0].text).toContain('Ký hiệu "TB UBND X Y" không hợp lệ');
    expect(r.reply[0].text).toContain('tháng 2 năm 2024 không có ngày 31');
    const symbol = await say(c.id, 'Ký hiệu: TB - UBND');
    expect(symbol.conversation.brief.header.symbol).toBe('TB-UBND');
  });

  it('takes a pasted "Lưu:" line as the archive, not as one more Nơi nhận', async () => {
    ctx = await testApp();
    const c = await start();
    await say(c.id, 'công văn về việc báo cáo tình hình');
    const r = await say(c.id, 'Nơi nhận: Sở Nội vụ; Lưu: VT, NCTH.HH');
    expect(r.conversation.brief.copies).toEqual(['Sở Nội vụ']);
    expect(r.conversation.brief.archive).toBe('VT, NCTH.HH');
  });

  it('refuses more facts than a section holds, at once and by name, and can start a section again', async () => {
    ctx = await testApp();
    const c = await start();
    for (const a of ['báo cáo kết quả công tác năm 2024', 'đúng', 'UBND xã Đông Sơn', 'bỏ qua', 'Đông Sơn', 'BC-UBND', '12/2024', 'bỏ qua', 'bỏ qua']) await say(c.id, a);
    const many = Array.from({ length: 70 }, (_, i) => `- ý số ${i + 1}`).join('\n');
    const r = await say(c.id, many);
    expect(r.reply[0].text).toContain('Chưa ghi vào phần mở đầu: Mỗi mục (hoặc tiểu mục) có tối đa 60 ý');
    expect(r.conversation.brief.sections).toEqual([]);
    await say(c.id, '- thực hiện KH 12/KH-UBND');
    const cleared = await say(c.id, 'xóa ý phần mở đầu');
    expect(cleared.reply[0].text).toContain('Đã xóa các ý của phần mở đầu');
    expect(cleared.conversation.brief.sections).toEqual([]);
  });

  it('reads "việc | chủ trì | phối hợp | thời hạn" lines as a kế hoạch\'s task table', async () => {
    ctx = await testApp();
    const c = await start();
    for (const a of ['kế hoạch phòng chống thiên tai năm 2025', 'đúng', 'UBND huyện Thanh Hà', 'Thanh Hà', 'KH-UBND', '03/2025', 'bỏ qua', 'bỏ qua', 'xong']) await say(c.id, a);
    for (const a of ['- nâng cao năng lực ứng phó', 'xong']) await say(c.id, a);
    const r = await say(c.id, '- tập huấn cho 18 xã\nKiểm tra đê điều | Phòng NN&PTNT | UBND các xã | 30/4/2025\nDiễn tập cứu hộ | Ban CHQS huyện | | 15/5/2025');
    expect(r.reply[0].text).toContain('Đã ghi 3 ý');
    const s = r.conversation.brief.sections.find((x: any) => x.key === 'noi-dung');
    expect(s.facts).toEqual(['tập huấn cho 18 xã']);
    expect(s.tasks).toEqual([
      { task: 'Kiểm tra đê điều', lead: 'Phòng NN&PTNT', support: 'UBND các xã', deadline: '30/4/2025' },
      { task: 'Diễn tập cứu hộ', lead: 'Ban CHQS huyện', deadline: '15/5/2025' },
    ]);
  });

  it('takes the document type named first', async () => {
    ctx = await testApp();
    const c = await start();
    const r = await say(c.id, 'thông báo về việc triển khai kế hoạch phòng chống lụt bão');
    expect(r.conversation.templateId).toBe('thong-bao');
  });

  it('keeps both of two messages sent at once', async () => {
    ctx = await testApp();
    const c = await start();
    for (const a of ['báo cáo kết quả công tác năm 2024', 'đúng', 'UBND xã Đông Sơn', 'UBND huyện Thanh Hà', 'Đông Sơn', 'BC-UBND', '12/2024', 'bỏ qua', 'bỏ qua', 'xong']) {
      await say(c.id, a);
    }
    await Promise.all([say(c.id, '- ý thứ nhất'), say(c.id, '- ý thứ hai')]);
    const now = (await (await ctx.request(`/api/conversations/${c.id}`)).json()) as any;
    expect(now.brief.sections.find((s: any) => s.key === 'ket-qua').facts).toEqual(['ý thứ nhất', 'ý thứ hai']);
  });

  it('keeps a kế hoạch\'s task table when a chat message changes the brief', async () => {
    ctx = await testApp();
    const brief = rawBrief('ke-hoach-phong-chong-thien-tai-example.json');
    const { id } = (await (await ctx.request('/api/drafts', { method: 'POST', json: { brief } })).json()) as any;
    const c = (await (await ctx.request('/api/conversations', { method: 'POST', json: { draftId: id } })).json()) as any;
    await say(c.id, 'Ngày: 05/12/2024');
    const d = (await (await ctx.request(`/api/drafts/${id}`)).json()) as any;
    expect(d.brief.header.date).toBe('2024-12-05');
    expect(d.brief.sections.find((s: any) => s.key === 'noi-dung').tasks).toEqual(brief.sections.find((s: any) => s.key === 'noi-dung').tasks);
  });

  it('answers in the chat when a message would make the brief invalid', async () => {
    ctx = await testApp();
    const { id } = (await (await ctx.request('/api/drafts', { method: 'POST', json: { brief: rawBrief() } })).json()) as any;
    const c = (await (await ctx.request('/api/conversations', { method: 'POST', json: { draftId: id } })).json()) as any;
    const r = await say(c.id, `thêm vào mục I: ${'x'.repeat(2500)}`);
    expect(r.reply[0].text).toContain('Chưa ghi được');
    expect(r.actions).toEqual([]);
  });

  it('rejects an empty or huge message with a Vietnamese 422, keeping the conversation', async () => {
    ctx = await testApp();
    const c = await start();
    const empty = await ctx.request(`/api/conversations/${c.id}/messages`, { method: 'POST', json: { text: '   ' } });
    expect(empty.status).toBe(422);
    const huge = await ctx.request(`/api/conversations/${c.id}/messages`, { method: 'POST', json: { text: 'x'.repeat(30_000) } });
    expect(huge.status).toBe(422);
    expect(((await huge.json()) as any).error.message).toContain('Tin nhắn dài quá');
    const again = (await (await ctx.request(`/api/conversations/${c.id}`)).json()) as any;
    expect(again.messages).toHaveLength(1);
  });

  it('offers the office profile and the latest draft\'s values', async () => {
    ctx = await testApp();
    const put = await ctx.request('/api/profile', {
      method: 'PUT',
      json: { org: 'ỦY BAN NHÂN DÂN XÃ ĐÔNG SƠN', place: 'Đông Sơn', symbolSuffix: 'UBND', signers: [{ lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: 'Lê Văn Thành' }] },
    });
    expect(put.status).toBe(200);
    const c = await start();
    const r = await say(c.id, 'tờ trình về việc đề nghị phê duyệt kinh phí sửa chữa nhà học');
    expect(r.reply[0].text).toContain('Soạn tờ trình.');
    expect(r.reply[0].text).toContain('Trích yếu: «Đề nghị phê duyệt kinh phí sửa chữa nhà học»');
    const org = await say(c.id, 'đúng');
    expect(org.reply[0].suggestions).toEqual(['ỦY BAN NHÂN DÂN XÃ ĐÔNG SƠN']);
  });
});

describe('a clerk’s usual mistakes, corrected in the conversation', () => {
  /** Sends each message and checks what the interview asks next. */
  async function steps(id: string, list: [string, string | null][]) {
    let last: any;
    for (const [text, asking] of list) {
      last = await say(id, text);
      expect(last.conversation.asking, `after "${text}"`).toBe(asking);
    }
    return last;
  }

  it('a công văn: routing words out of the trích yếu, a wrong type changed, a place confirmed with accents, a back step, a summary', async () => {
    ctx = await testApp();
    const c = await start();
    const first = await say(c.id, 'công văn đề nghị hướng dẫn thủ tục đăng ký hộ tịch của UBND huyện Nghi Xuân gửi Sở Tư pháp tỉnh Hà Tĩnh');
    expect(first.conversation).toMatchObject({ templateId: 'cong-van', asking: 'confirm' });
    expect(first.reply[0].text).toContain('Trích yếu: «Đề nghị hướng dẫn thủ tục đăng ký hộ tịch»');
    const recipients = await say(c.id, 'đúng');
    expect(recipients.reply[0].text).toContain('Kính gửi: «Sở Tư pháp tỉnh Hà Tĩnh»?');
    const org = await say(c.id, 'dung');
    expect(org.reply[0].text).toContain('Cơ quan ban hành: «ỦY BAN NHÂN DÂN HUYỆN NGHI XUÂN»?');
    const place = await say(c.id, 'có');
    expect(place.conversation.asking).toBe('header.place');
    expect(place.conversation.brief.header).toMatchObject({
      subject: 'Đề nghị hướng dẫn thủ tục đăng ký hộ tịch',
      recipients: ['Sở Tư pháp tỉnh Hà Tĩnh'],
      org: 'ỦY BAN NHÂN DÂN HUYỆN NGHI XUÂN',
    });

    // The wrong type, then back: nothing gathered is lost, and nothing is stored as the địa danh.
    const toTrinh = await say(c.id, 'à nhầm, tôi cần soạn tờ trình');
    expect(toTrinh.conversation).toMatchObject({ templateId: 'to-trinh', asking: 'header.place' });
    expect(toTrinh.reply[0].text).toContain('Đã đổi sang tờ trình');
    const back = await say(c.id, 'doi sang cong van');
    expect(back.conversation).toMatchObject({ templateId: 'cong-van', asking: 'header.place' });
    expect(back.conversation.brief.header).toMatchObject({ place: '', subject: 'Đề nghị hướng dẫn thủ tục đăng ký hộ tịch', recipients: ['Sở Tư pháp tỉnh Hà Tĩnh'] });

    const unaccented = await say(c.id, 'nghi xuan');
    expect(unaccented.conversation.asking).toBe('confirm');
    expect(unaccented.reply[0].text).toContain('Ý anh/chị là «Nghi Xuân»?');
    expect(unaccented.reply[0].suggestions).toEqual(['đúng', 'giữ nguyên']);
    expect(unaccented.conversation.brief.header.place).toBe('');
    await steps(c.id, [['đúng', 'header.symbol']]);

    // "huy" is the command, not a ký hiệu; saying no to it loses nothing.
    const cancel = await say(c.id, 'huy');
    expect(cancel.reply[0].text).toContain('Hủy văn bản đang soạn dở?');
    const kept = await say(c.id, 'không');
    expect(kept.conversation.asking).toBe('header.symbol');
    expect(kept.conversation.brief.header.place).toBe('Nghi Xuân');

    await steps(c.id, [
      ['UBND-TP', 'header.date'],
      ['quay lại', 'header.symbol'],
      ['15/UBND-TP', 'header.date'],
      ['05/12/2024', 'signer'],
      ['Phó Chủ tịch Nguyễn Viết Hưng', 'copies'],
      ['bỏ qua', 'facts:mo-dau'],
      ['- thực hiện Thông tư 04/2020/TT-BTP', 'facts:mo-dau'],
      ['xong', 'facts:noi-dung'],
      ['- 12 hồ sơ đăng ký khai sinh quá hạn chưa xử lý được', 'facts:noi-dung'],
      ['xong', 'facts:de-nghi'],
      ['bỏ qua', 'facts:ket-thuc'],
    ]);
    const summary = await say(c.id, 'xong');
    expect(summary.conversation.asking).toBe('summary');
    const text = summary.reply[0].text;
    for (const row of [
      '- Loại văn bản: Công văn',
      '- Cơ quan ban hành: ỦY BAN NHÂN DÂN HUYỆN NGHI XUÂN',
      '- Số, ký hiệu: 15/UBND-TP',
      '- Địa danh, ngày: Nghi Xuân, 05/12/2024',
      '- Trích yếu: V/v Đề nghị hướng dẫn thủ tục đăng ký hộ tịch',
      '- Kính gửi: Sở Tư pháp tỉnh Hà Tĩnh',
      '- Người ký: TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Viết Hưng',
      '- Các ý chính: phần mở đầu: 1 ý; mục NỘI DUNG: 1 ý',
    ]) {
      expect(text).toContain(row);
    }
    // A correction from the summary comes back to the summary.
    await steps(c.id, [
      ['sửa kính gửi', 'header.recipients'],
      ['Sở Tư pháp tỉnh Hà Tĩnh\nSở Nội vụ tỉnh Hà Tĩnh', 'summary'],
    ]);
    const done = await say(c.id, 'đúng');
    const draftId = done.conversation.draftId;
    expect(done.actions).toEqual([
      { type: 'open-draft', draftId },
      { type: 'draft-all', draftId },
    ]);
    const draft = (await (await ctx.request(`/api/drafts/${draftId}`)).json()) as any;
    expect(draft.brief.header).toMatchObject({ number: '15', symbol: 'UBND-TP', place: 'Nghi Xuân', date: '2024-12-05', recipients: ['Sở Tư pháp tỉnh Hà Tĩnh', 'Sở Nội vụ tỉnh Hà Tĩnh'] });
    expect(draft.brief.signer).toEqual({ lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Nguyễn Viết Hưng' });
  });

  it('asks again, saying why, when an answer does not fit the question, and keeps what it had', async () => {
    ctx = await testApp();
    const c = await start();
    await steps(c.id, [
      ['cong van ve viec bao cao tinh hinh', 'confirm'],
      ['đúng', 'header.org'],
    ]);
    const notOrg = await say(c.id, 'doi chut nhe');
    expect(notOrg.conversation.asking).toBe('header.org');
    expect(notOrg.reply[0].text).toContain('không giống tên cơ quan ban hành');
    await steps(c.id, [['UBND xã Đông Sơn', 'header.recipients']]);
    const notRecipient = await say(c.id, 'ngày mai gửi');
    expect(notRecipient.reply[0].text).toContain('không giống tên cơ quan hay chức danh');
    expect(notRecipient.conversation.brief.header.recipients).toEqual([]);
  });

  it('"trợ giúp" lists the commands and asks the same question; "hủy" then "có" starts again', async () => {
    ctx = await testApp();
    const c = await start();
    await steps(c.id, [
      ['báo cáo kết quả công tác năm 2024', 'confirm'],
      ['đúng', 'header.org'],
      ['UBND xã Đông Sơn', 'header.recipients'],
    ]);
    const help = await say(c.id, 'tro giup');
    expect(help.conversation.asking).toBe('header.recipients');
    for (const command of ['quay lại', 'sửa <trường>', 'đổi sang <loại>', 'hủy']) expect(help.reply[0].text).toContain(command);
    await steps(c.id, [
      ['hủy', 'confirm'],
      ['có', 'template'],
    ]);
    const now = (await (await ctx.request(`/api/conversations/${c.id}`)).json()) as any;
    expect(now).toMatchObject({ templateId: null, brief: null });
  });

  it('keeps a value typed without accents only when told to, and remembers it', async () => {
    ctx = await testApp();
    const c = await start();
    await steps(c.id, [
      ['thong bao ket luan cuoc hop giao ban', 'confirm'],
    ]);
    const subject = (await (await ctx.request(`/api/conversations/${c.id}`)).json()) as any;
    expect(subject.messages.at(-1).text).toContain('Trích yếu: «Kết luận cuộc họp giao ban»');
    await steps(c.id, [
      ['giữ nguyên', 'header.org'],
      ['UBND xã Đông Sơn', 'header.place'],
    ]);
    const r = await say(c.id, 'Dong Son');
    expect(r.reply[0].text).toContain('Ý anh/chị là «Đông Sơn»?');
    const kept = await say(c.id, 'giu nguyen');
    expect(kept.conversation.brief.header).toMatchObject({ subject: 'Ket luan cuoc hop giao ban', place: 'Dong Son' });
  });
});

describe('changing the type', () => {
  it('keeps what was gathered, asks the ký hiệu again, and sets aside facts the new type has no place for', async () => {
    ctx = await testApp();
    const c = await start();
    for (const a of ['kế hoạch tập huấn phòng chống thiên tai năm 2025', 'đúng', 'UBND huyện Thanh Hà', 'Thanh Hà', 'KH-UBND', '03/2025', 'bỏ qua', 'bỏ qua']) await say(c.id, a);
    await say(c.id, '- thực hiện Chỉ thị 05/CT-UBND');
    await say(c.id, 'xong');
    await say(c.id, '- nâng cao năng lực ứng phó');
    const changed = await say(c.id, 'à nhầm, tôi cần soạn báo cáo');
    expect(changed.conversation.templateId).toBe('bao-cao');
    expect(changed.reply[0].text).toContain('Đã đổi sang báo cáo; các thông tin đã ghi vẫn giữ. Ký hiệu cần ghi lại theo loại mới.');
    expect(changed.reply[0].text).toContain('không có chỗ trong báo cáo');
    expect(changed.conversation.brief.header).toMatchObject({ org: 'ỦY BAN NHÂN DÂN HUYỆN THANH HÀ', place: 'Thanh Hà', symbol: '', date: '2025-03' });
    expect(changed.conversation.brief.sections.map((s: any) => s.key)).toEqual(['mo-dau']);
    // Back to the kế hoạch: the facts set aside are there again.
    const back = await say(c.id, 'doi sang ke hoach');
    expect(back.conversation.brief.sections.map((s: any) => s.key)).toEqual(['mo-dau', 'muc-dich']);
  });
});

describe('the signer', () => {
  it('offers the office profile’s signers, and takes one by name alone or a new one on one line', async () => {
    ctx = await testApp();
    const signers = [
      { lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: 'Lê Văn Thành' },
      { lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Trần Thị Mai' },
    ];
    await ctx.request('/api/profile', { method: 'PUT', json: { org: 'ỦY BAN NHÂN DÂN XÃ ĐÔNG SƠN', place: 'Đông Sơn', symbolSuffix: 'UBND', signers } });
    const c = await start();
    let r: any;
    for (const a of ['báo cáo kết quả công tác năm 2024', 'đúng', 'UBND xã Đông Sơn', 'bỏ qua', 'Đông Sơn', 'BC-UBND', '12/2024']) r = await say(c.id, a);
    expect(r.conversation.asking).toBe('signer');
    expect(r.reply.at(-1).suggestions).toEqual(['TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / Lê Văn Thành', 'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Trần Thị Mai']);
    const offered = await say(c.id, r.reply.at(-1).suggestions[1]);
    expect(offered.conversation.brief.signer).toEqual(signers[1]);

    await say(c.id, 'sửa người ký');
    const byName = await say(c.id, 'Lê Văn Thành');
    expect(byName.conversation.brief.signer).toEqual(signers[0]);

    await say(c.id, 'sửa người ký');
    const typed = await say(c.id, 'pho chu tich Nguyen Viet Hung');
    expect(typed.reply[0].text).toContain('Ý anh/chị là «Nguyễn Viết Hưng»?');
    const confirmed = await say(c.id, 'đúng');
    expect(confirmed.conversation.brief.signer).toEqual({ lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Nguyễn Viết Hưng' });
  });
});

describe('commands at every step of the interview', () => {
  /** A báo cáo's interview: each answer and the question asked after it. */
  const STEPS: [string, string][] = [
    ['báo cáo kết quả công tác năm 2024', 'confirm'],
    ['đúng', 'header.org'],
    ['UBND xã Đông Sơn', 'header.recipients'],
    ['UBND huyện Thanh Hà', 'header.place'],
    ['Đông Sơn', 'header.symbol'],
    ['BC-UBND', 'header.date'],
    ['12/2024', 'signer'],
    ['Chủ tịch Lê Văn Thành', 'copies'],
    ['bỏ qua', 'facts:mo-dau'],
    ['- thực hiện KH 12/KH-UBND', 'facts:mo-dau'],
    ['xong', 'facts:ket-qua'],
    ['- hoàn thành 5 công trình', 'facts:ket-qua'],
    ['xong', 'facts:ton-tai'],
    ['bỏ qua', 'facts:phuong-huong'],
    ['bỏ qua', 'facts:kien-nghi'],
    ['bỏ qua', 'facts:ket-thuc'],
    ['bỏ qua', 'summary'],
  ];

  it('"trợ giúp", "hủy" then "không", and "quay lại" then "bỏ qua" each come back to the same question, losing nothing', async () => {
    ctx = await testApp();
    const c = await start();
    const brief = async () => ((await (await ctx.request(`/api/conversations/${c.id}`)).json()) as any).brief;
    for (const [i, [answer, asking]] of STEPS.entries()) {
      const r = await say(c.id, answer);
      expect(r.conversation.asking, `after "${answer}"`).toBe(asking);
      if (i < 2) continue;
      const before = await brief();
      for (const [help, cancel, no, back] of [['trợ giúp', 'hủy', 'không', 'quay lại'], ['tro giup', 'huy', 'khong', 'quay lai']]) {
        expect((await say(c.id, help!)).conversation.asking, `${help} at ${asking}`).toBe(asking);
        expect((await say(c.id, cancel!)).conversation.asking, `${cancel} at ${asking}`).toBe('confirm');
        expect((await say(c.id, no!)).conversation.asking, `${no} at ${asking}`).toBe(asking);
        const stepBack = STEPS[i - 1]![1] === asking ? STEPS.slice(0, i).map(([, a]) => a).filter((a) => a !== asking).at(-1) : STEPS[i - 1]![1];
        const back2 = await say(c.id, back!);
        expect(back2.conversation.asking, `${back} at ${asking}`).toBe(stepBack);
        expect(back2.reply[0].text).toContain('Quay lại');
        const keep = back === 'quay lại' ? 'giữ nguyên' : 'bỏ qua';
        expect((await say(c.id, keep)).conversation.asking, `"${keep}" after going back from ${asking}`).toBe(asking);
      }
      expect(await brief(), `at ${asking}`).toEqual(before);
    }
    const done = await say(c.id, 'đúng');
    expect(done.conversation.draftId).toBeTruthy();
  });
});

describe('accents over HTTP', () => {
  it('proposes the accented form of a text, with where each stretch is', async () => {
    ctx = await testApp();
    const res = await ctx.request('/api/accents', { method: 'POST', json: { text: 'Ubnd Huyen nghi xuan báo cáo' } });
    expect(res.status).toBe(200);
    const { proposals } = (await res.json()) as any;
    expect(proposals).toEqual([{ start: 5, end: 20, typed: 'Huyen nghi xuan', candidates: expect.arrayContaining(['Huyện Nghi Xuân']) }]);
    expect(proposals[0].candidates[0]).toBe('Huyện Nghi Xuân');
    const bad = await ctx.request('/api/accents', { method: 'POST', json: {} });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as any).error.message).toBeTruthy();
  });

  it('lists a draft’s unaccented texts as findings, leaving out those staff kept as typed', async () => {
    ctx = await testApp();
    const brief = rawBrief();
    brief.header.org = 'UBND HUYEN NGHI XUAN';
    const { id } = (await (await ctx.request('/api/drafts', { method: 'POST', json: { brief } })).json()) as any;
    const before = (await (await ctx.request(`/api/accents/drafts/${id}`)).json()) as any;
    expect(before.findings.map((f: any) => [f.rule, f.where.field])).toEqual([['accents.unaccented', 'header.org']]);

    const c = (await (await ctx.request('/api/conversations', { method: 'POST', json: { draftId: id } })).json()) as any;
    const asked = await say(c.id, 'thêm vào mục II:\n- phoi hop kiem tra 5 cong trinh');
    expect(asked.reply[0].text).toContain('Ý anh/chị là «phối hợp kiểm tra 5 công trình»?');
    expect(asked.actions).toEqual([]);
    const kept = await say(c.id, 'giữ nguyên');
    expect(kept.actions).toEqual([{ type: 'draft-section', draftId: id, section: 'phuong-huong' }]);
    const after = (await (await ctx.request(`/api/accents/drafts/${id}`)).json()) as any;
    expect(after.findings.map((f: any) => f.where.field)).toEqual(['header.org']);
  });
});
