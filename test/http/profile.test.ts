import { afterEach, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.js';
import { join } from 'node:path';
import { parseBrief } from '../../server/brief/load.js';
import { DraftStore } from '../../server/store/draft-store.js';
import { ProfileStore } from '../../server/store/profile-store.js';
import { LOCAL_OFFICE } from '../../server/auth/scope.js';

let ctx: Awaited<ReturnType<typeof testApp>>;
afterEach(() => ctx?.close());

const PROFILE = {
  parentOrg: 'UBND HUYỆN THANH HÀ',
  org: 'ỦY BAN NHÂN DÂN XÃ ĐÔNG SƠN',
  orgName: 'Ủy ban nhân dân xã Đông Sơn',
  place: 'Đông Sơn',
  symbolSuffix: 'UBND',
  unit: 'VP',
  signers: [
    { lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: 'Lê Văn Thành' },
    { lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Trần Thị Mai' },
  ],
  copies: ['Như trên', 'Thường trực Đảng ủy, HĐND xã'],
  archive: 'VT, VP',
};

async function put(profile: unknown) {
  return ctx.request('/api/profile', { method: 'PUT', json: profile });
}

async function prefill(query: string) {
  const res = await ctx.request(`/api/profile/prefill?${query}`);
  return { status: res.status, body: (await res.json()) as any };
}

describe('office profile', () => {
  it('is empty until saved, then read back as saved, in NFC', async () => {
    ctx = await testApp();
    expect(await (await ctx.request('/api/profile')).json()).toEqual({ profile: null, updatedAt: null });
    const saved = await put({ ...PROFILE, place: 'Đông Sơn'.normalize('NFD') });
    expect(saved.status).toBe(200);
    const got = (await (await ctx.request('/api/profile')).json()) as any;
    expect(got.profile).toEqual(PROFILE);
    expect(got.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('is replaced as a whole on the next save, and survives a restart of the store', async () => {
    ctx = await testApp();
    await put(PROFILE);
    await put({ ...PROFILE, signers: [], copies: [] });
    const got = (await (await ctx.request('/api/profile')).json()) as any;
    expect(got.profile.signers).toEqual([]);
    expect(await ctx.store.db.kysely.selectFrom('office_profiles').select('office_id').execute()).toHaveLength(1);
    const reopened = await DraftStore.open(ctx.place.location);
    try {
      expect((await new ProfileStore(reopened.db).get(LOCAL_OFFICE))?.profile).toEqual({ ...PROFILE, signers: [], copies: [] });
    } finally {
      await reopened.close();
    }
  });

  it('keeps Nơi nhận and Lưu bare, whatever marks staff typed around them', async () => {
    ctx = await testApp();
    const saved = (await (await put({ ...PROFILE, copies: ['- Sở Nội vụ;', 'Phòng Tư pháp.'], archive: 'Lưu: VT, VP.' })).json()) as any;
    expect(saved.profile.copies).toEqual(['Sở Nội vụ', 'Phòng Tư pháp']);
    expect(saved.profile.archive).toBe('VT, VP');
  });

  it('refuses a bad profile with 422 and a Vietnamese message per field', async () => {
    ctx = await testApp();
    const res = await put({ ...PROFILE, org: '', symbolSuffix: 'UB ND', signers: [{ lines: [], name: 'X' }], sigenrs: [] });
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as any;
    expect(error.code).toBe('bad_input');
    const byField = Object.fromEntries(error.issues.map((i: any) => [i.field, i.message]));
    expect(byField).toEqual({
      org: 'Cần tên cơ quan ban hành',
      symbolSuffix: 'Ký hiệu cơ quan không hợp lệ: viết liền, không dấu cách (ví dụ UBND)',
      'signers.0.lines': expect.stringMatching(/^Người ký cần ít nhất một dòng quyền hạn, chức vụ/),
      '': 'Trường không được hỗ trợ: sigenrs',
    });
    expect(await (await ctx.request('/api/profile')).json()).toEqual({ profile: null, updatedAt: null });
  });

  it('refuses a missing field, a wrong type and broken JSON', async () => {
    ctx = await testApp();
    const { place: _, ...noPlace } = PROFILE;
    const missing = (await (await put({ ...noPlace, copies: 'Như trên' })).json()) as any;
    expect(missing.error.issues).toEqual([
      { field: 'place', message: 'Thiếu trường bắt buộc: địa danh' },
      { field: 'copies', message: 'Nơi nhận phải là một mảng chuỗi' },
    ]);
    const broken = await ctx.request('/api/profile', { method: 'PUT', body: '{"org": ' });
    expect(broken.status).toBe(422);
    expect(((await broken.json()) as any).error.message).toMatch(/không phải JSON hợp lệ/);
  });
});

describe('prefill from the office profile', () => {
  const now = new Date();

  it('fills a kế hoạch: ký hiệu KH-<cơ quan>, no Kính gửi, no "Như trên", a task table to fill', async () => {
    ctx = await testApp();
    await put(PROFILE);
    const { status, body } = await prefill('template=ke-hoach');
    expect(status).toBe(200);
    const brief = body.brief;
    expect(brief.template).toBe('ke-hoach');
    expect(brief.header).toMatchObject({
      parentOrg: 'UBND HUYỆN THANH HÀ',
      org: 'ỦY BAN NHÂN DÂN XÃ ĐÔNG SƠN',
      orgName: 'Ủy ban nhân dân xã Đông Sơn',
      number: '',
      symbol: 'KH-UBND',
      place: 'Đông Sơn',
      subject: '',
      recipients: [],
    });
    // The month is today's; the day stays blank for văn thư.
    expect(brief.header.date).toMatch(/^\d{4}-\d{2}$/);
    expect(Math.abs(Date.parse(`${brief.header.date}-01`) - now.getTime())).toBeLessThan(32 * 24 * 3600 * 1000);
    expect(brief.sections).toEqual([
      { key: 'mo-dau', facts: [] },
      { key: 'muc-dich', facts: [] },
      { key: 'noi-dung', facts: [], tasks: [] },
      { key: 'kinh-phi', facts: [] },
      { key: 'to-chuc', facts: [] },
      { key: 'ket-thuc', facts: [] },
    ]);
    expect(brief.signer).toEqual(PROFILE.signers[0]);
    expect(brief.copies).toEqual(['Thường trực Đảng ủy, HĐND xã']);
    expect(brief.archive).toBe('VT, VP');
  });

  it('fills a công văn: ký hiệu <cơ quan>-<đơn vị>, "Như trên" first; another unit and signer on request', async () => {
    ctx = await testApp();
    await put(PROFILE);
    const cv = (await prefill('template=cong-van')).body.brief;
    expect(cv.header.symbol).toBe('UBND-VP');
    expect(cv.copies).toEqual(['Như trên', 'Thường trực Đảng ủy, HĐND xã']);
    expect(cv.sections.map((s: any) => s.key)).toEqual(['mo-dau', 'noi-dung', 'de-nghi', 'ket-thuc']);
    const other = (await prefill('template=cong-van&unit=TP&signer=1')).body.brief;
    expect(other.header.symbol).toBe('UBND-TP');
    expect(other.signer).toEqual(PROFILE.signers[1]);
  });

  it.each([
    ['to-trinh', 'TTr-UBND', true],
    ['thong-bao', 'TB-UBND', false],
    ['bao-cao', 'BC-UBND', true],
  ])('fills a %s with ký hiệu %s', async (template, symbol, nhuTren) => {
    ctx = await testApp();
    await put(PROFILE);
    const brief = (await prefill(`template=${template}`)).body.brief;
    expect(brief.header.symbol).toBe(symbol);
    expect(brief.copies[0] === 'Như trên').toBe(nhuTren);
  });

  it('gives the template’s defaults when no profile is saved', async () => {
    ctx = await testApp();
    const brief = (await prefill('template=thong-bao')).body.brief;
    expect(brief.header).toMatchObject({ org: '', place: '', symbol: 'TB-' });
    expect(brief.signer).toEqual({ lines: ['TL. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG'], name: '' });
    expect(brief.archive).toBe('VT');
  });

  it('says in Vietnamese what is wrong with the request', async () => {
    ctx = await testApp();
    await put(PROFILE);
    const none = await prefill('');
    expect(none.status).toBe(422);
    expect(none.body.error.issues[0]).toMatchObject({ field: 'template' });
    const unknown = await prefill('template=quyet-dinh');
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({ code: 'unknown_template', message: 'Loại văn bản "quyet-dinh" chưa được hỗ trợ' });
    const signer = await prefill('template=to-trinh&signer=5');
    expect(signer.status).toBe(422);
    expect(signer.body.error.message).toBe('Hồ sơ cơ quan không có người ký thứ 6');
    const unit = await prefill('template=cong-van&unit=V P');
    expect(unit.status).toBe(422);
    expect(unit.body.error.issues[0]).toMatchObject({ field: 'unit', message: expect.stringMatching(/^Đơn vị soạn thảo không hợp lệ/) });
  });

  it('gives a skeleton that, once the trích yếu and facts are written, drafts and exports', async () => {
    ctx = await testApp();
    await put(PROFILE);
    const brief = (await prefill('template=to-trinh')).body.brief;
    brief.header.subject = 'Về việc đề nghị hỗ trợ kinh phí sửa chữa đường giao thông nông thôn';
    brief.header.recipients = ['Ủy ban nhân dân huyện Thanh Hà'];
    for (const s of brief.sections) if (s.key !== 'mo-dau' && s.key !== 'ket-thuc') s.facts = ['tuyến đường thôn 3 dài 1,2 km xuống cấp'];
    expect(() => parseBrief(brief)).not.toThrow();
    const created = await ctx.request('/api/drafts', { method: 'POST', json: { brief } });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await ctx.request(`/api/drafts/${id}/draft`, { method: 'POST' })).status).toBe(200);
    const docx = await ctx.request(`/api/drafts/${id}/export.docx`);
    expect(docx.status).toBe(200);
    const detail = (await (await ctx.request(`/api/drafts/${id}`)).json()) as any;
    expect(detail.document.header.numberLine).toMatch(/\/TTr-UBND$/);
    expect(detail.document.signer).toEqual({ lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: 'Lê Văn Thành' });
    expect(detail.document.copies).toEqual(['- Như trên;', '- Thường trực Đảng ủy, HĐND xã;', '- Lưu: VT, VP.']);
  });
});
