import { describe, expect, it } from 'vitest';
import { TemplateRegistry } from '../../server/template/load.js';
import { readText, type ReadContext } from '../../server/chat/read-text.js';
import { emptyIntake } from '../../server/chat/intake.js';
import { readSigner } from '../../server/chat/signer.js';
import { splitRouting } from '../../server/chat/subject.js';
import { accentsProposal } from '../../server/chat/proposals.js';
import { defaultTable } from '../../server/accents/table.js';
import type { Intake } from '../../server/chat/model.js';

const templates = TemplateRegistry.load();
const baoCao = templates.get('bao-cao');

function ctx(asking: string, intake: Intake = { ...emptyIntake(), template: 'bao-cao', sections: [{ key: 'ket-qua', facts: ['hoàn thành 5 công trình'] }] }): ReadContext {
  return { asking, template: asking === 'template' ? undefined : baoCao, templates: templates.list(), intake, now: new Date('2024-12-05T08:00:00Z') };
}

/** Every step of the interview, where a clerk may type a command instead of an answer. */
const STEPS = ['template', 'header.org', 'header.subject', 'header.recipients', 'header.place', 'header.symbol', 'header.date', 'signer', 'copies', 'facts:mo-dau', 'facts:ket-qua', 'summary'];

/** Commands, as typed with accents and without. */
const COMMANDS: [string[], object][] = [
  [['quay lại', 'quay lai', 'Quay lại.', 'trở lại'], { kind: 'back' }],
  [['hủy', 'huy', 'Hủy bỏ', 'huy bo'], { kind: 'cancel' }],
  [['trợ giúp', 'tro giup', 'giúp', '?'], { kind: 'help' }],
  [['giữ nguyên', 'giu nguyen', 'giữ như đã gõ'], { kind: 'keep' }],
  [['đúng', 'dung', 'có', 'ok', 'đồng ý'], { kind: 'yes' }],
  [['đổi sang tờ trình', 'doi sang to trinh', 'à nhầm, tôi cần soạn tờ trình', 'a nham, toi can soan to trinh', 'chuyển sang loại tờ trình'], { kind: 'change-template', template: 'to-trinh' }],
  [['sửa ký hiệu', 'sua ky hieu', 'Sửa lại ký hiệu'], { kind: 'edit', ask: 'header.symbol' }],
  [['sửa người ký', 'sua nguoi ky'], { kind: 'edit', ask: 'signer' }],
  [['sửa kính gửi', 'sua kinh gui'], { kind: 'edit', ask: 'header.recipients' }],
  [['sửa trích yếu', 'sua trich yeu'], { kind: 'edit', ask: 'header.subject' }],
  [['sửa địa danh', 'sua dia danh'], { kind: 'edit', ask: 'header.place' }],
  [['sửa mục I', 'sua muc 1', 'sửa ý mục kết quả'], { kind: 'edit', ask: 'facts:ket-qua' }],
];

describe('the interview reads commands at every step, with or without accents', () => {
  for (const step of STEPS) {
    it(`while asking ${step}`, () => {
      for (const [typed, intent] of COMMANDS) {
        // Sections are named only once the type is known.
        if (step === 'template' && (intent as any).ask?.startsWith('facts:')) continue;
        for (const text of typed) expect(readText(text, ctx(step)), `"${text}" at ${step}`).toEqual(intent);
      }
    });
  }

  it('carries a trích yếu written after a change of type', () => {
    expect(readText('à nhầm, tôi cần soạn tờ trình về việc đề nghị cấp kinh phí', ctx('header.org'))).toEqual({
      kind: 'change-template',
      template: 'to-trinh',
      subject: 'Đề nghị cấp kinh phí',
    });
  });

  it('sets a field named with its value: "sửa ký hiệu: 15/BC-UBND"', () => {
    expect(readText('sửa ký hiệu: 15/BC-UBND', ctx('facts:ket-qua'))).toEqual({ kind: 'set', fields: { number: '15', symbol: 'BC-UBND' } });
    expect(readText('sua ngay thanh 05/12/2024', ctx('summary'))).toEqual({ kind: 'set', fields: { date: '2024-12-05' } });
  });

  it('does not take words of an answer for a command', () => {
    expect(readText('sửa chữa nhà học', ctx('facts:ket-qua'))).toEqual({ kind: 'facts', section: null, lines: ['sửa chữa nhà học'] });
    expect(readText('hủy bỏ 3 thủ tục hành chính', ctx('facts:ket-qua')).kind).toBe('facts');
  });
});

describe('each answer is checked against what was asked', () => {
  const wrong = ['à nhầm, tôi cần soạn tờ trình', 'doi sang to trinh', 'huy'];

  it('never stores a command as a field value', () => {
    for (const step of ['header.org', 'header.subject', 'header.recipients', 'header.place', 'header.symbol', 'header.date', 'signer', 'copies']) {
      for (const text of wrong) expect(['change-template', 'cancel']).toContain(readText(text, ctx(step)).kind);
    }
  });

  it('a Kính gửi is a cơ quan or a chức danh', () => {
    expect(readText('Sở Tư pháp tỉnh Hà Tĩnh\nChủ tịch UBND huyện', ctx('header.recipients'))).toEqual({
      kind: 'set',
      fields: { recipients: ['Sở Tư pháp tỉnh Hà Tĩnh', 'Chủ tịch UBND huyện'] },
    });
    const r = readText('ngày mai gửi luôn nhé', ctx('header.recipients'));
    expect(r).toMatchObject({ kind: 'invalid', message: expect.stringContaining('không giống tên cơ quan hay chức danh') });
  });

  it('a cơ quan ban hành is a cơ quan', () => {
    expect(readText('UBND huyện Nghi Xuân', ctx('header.org'))).toEqual({ kind: 'set', fields: { org: 'ỦY BAN NHÂN DÂN HUYỆN NGHI XUÂN' } });
    expect(readText('tháng 12 năm 2024', ctx('header.org'))).toMatchObject({ kind: 'invalid', message: expect.stringContaining('không giống tên cơ quan ban hành') });
  });

  it('a địa danh is a place', () => {
    expect(readText('nghi xuân', ctx('header.place'))).toEqual({ kind: 'set', fields: { place: 'Nghi Xuân' } });
    expect(readText('Thành phố Hồ Chí Minh', ctx('header.place'))).toEqual({ kind: 'set', fields: { place: 'Thành phố Hồ Chí Minh' } });
    expect(readText('tờ trình', ctx('header.place'))).toMatchObject({ kind: 'invalid', message: expect.stringContaining('Để đổi loại, gõ "đổi sang tờ trình"') });
    expect(readText('to trinh', ctx('header.subject'))).toMatchObject({ kind: 'invalid', message: expect.stringContaining('là tên loại văn bản') });
    for (const text of ['12/2024', 'UBND huyện Nghi Xuân', 'BC-UBND']) {
      expect(readText(text, ctx('header.place')), text).toMatchObject({ kind: 'invalid', message: expect.stringContaining('không giống một địa danh') });
    }
  });

  it('a ký hiệu matches the code pattern and a date is a real date', () => {
    expect(readText('BC UBND XA', ctx('header.symbol'))).toMatchObject({ kind: 'invalid', message: expect.stringContaining('không hợp lệ') });
    expect(readText('30/02/2024', ctx('header.date'))).toMatchObject({ kind: 'invalid', message: expect.stringContaining('tháng 2 năm 2024 không có ngày 30') });
  });

  it('a trích yếu says something', () => {
    expect(readText('về việc kết quả công tác', ctx('header.subject'))).toEqual({ kind: 'set', fields: { subject: 'Kết quả công tác' } });
    expect(readText('abc', ctx('header.subject'))).toMatchObject({ kind: 'invalid', message: expect.stringContaining('quá ngắn') });
  });
});

describe('the signer', () => {
  const ubnd = { org: 'ỦY BAN NHÂN DÂN HUYỆN NGHI XUÂN' };

  it('reads quyền hạn, chức vụ and name from one line', () => {
    expect(readSigner('Phó Chủ tịch Nguyễn Viết Hưng', ubnd)).toEqual({
      value: { lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Nguyễn Viết Hưng' },
    });
    expect(readSigner('Chủ tịch Nguyễn Văn A', ubnd)).toEqual({ value: { lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: 'Nguyễn Văn A' } });
    expect(readSigner('Phó Chủ tịch Nguyễn Viết Hưng')).toEqual({ value: { lines: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Nguyễn Viết Hưng' } });
    expect(readSigner('Phó Giám đốc Trần Thị Bình', { org: 'SỞ TƯ PHÁP TỈNH HÀ TĨNH' })).toEqual({
      value: { lines: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], name: 'Trần Thị Bình' },
    });
    expect(readSigner('pct nguyễn viết hưng', ubnd)).toEqual({ value: { lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Nguyễn Viết Hưng' } });
  });

  it('keeps the quyền hạn staff wrote, on one line or several', () => {
    expect(readSigner('TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Viết Hưng', ubnd)).toEqual({
      value: { lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Nguyễn Viết Hưng' },
    });
    expect(readSigner('KT. Chủ tịch, Phó Chủ tịch Nguyễn Viết Hưng', ubnd)).toEqual({ value: { lines: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Nguyễn Viết Hưng' } });
    expect(readSigner('TL. Chủ tịch / Chánh Văn phòng / Lê Văn C', ubnd)).toEqual({ value: { lines: ['TL. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG'], name: 'Lê Văn C' } });
    expect(readSigner('Phó Chủ tịch\nNguyễn Viết Hưng', ubnd)).toEqual({
      value: { lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Nguyễn Viết Hưng' },
    });
  });

  it('asks rather than guess where a cơ quan ends and the name begins', () => {
    expect(readSigner('Chủ tịch UBND huyện Nguyễn Văn A', ubnd)).toMatchObject({ error: expect.stringContaining('Chưa đọc được họ tên người ký') });
    for (const name of ['Vũ Văn Nam', 'Đoàn Thị Hoa', 'Trương Văn Bình']) {
      expect(readSigner(`Phó Chủ tịch ${name}`, ubnd)).toEqual({ value: { lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name } });
    }
  });

  it('picks the office profile’s signer by name, and asks for the chức vụ otherwise', () => {
    const known = [{ lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: 'Lê Văn Thành' }];
    expect(readSigner('Lê Văn Thành', { ...ubnd, known })).toEqual({ value: known[0] });
    expect(readSigner('Lê Văn Thành', ubnd)).toMatchObject({ error: expect.stringContaining('Chưa rõ chức vụ') });
  });
});

describe('the trích yếu of the first message', () => {
  it('loses the routing words, which become the Kính gửi and cơ quan proposed', () => {
    expect(splitRouting('báo cáo tình hình thi hành pháp luật năm 2024 của UBND huyện gửi Sở Tư pháp')).toEqual({
      subject: 'báo cáo tình hình thi hành pháp luật năm 2024',
      recipients: ['Sở Tư pháp'],
      from: null,
    });
    expect(splitRouting('đề nghị hỗ trợ kinh phí của UBND huyện Nghi Xuân kính gửi Sở Tài chính và Sở Nội vụ')).toEqual({
      subject: 'đề nghị hỗ trợ kinh phí',
      recipients: ['Sở Tài chính', 'Sở Nội vụ'],
      from: 'UBND huyện Nghi Xuân',
    });
    expect(splitRouting('gửi Sở Tư pháp')).toEqual({ subject: '', recipients: ['Sở Tư pháp'], from: null });
    expect(splitRouting('tình hình du lịch năm 2024 gửi Sở Văn hóa, Thể thao và Du lịch')).toMatchObject({ recipients: ['Sở Văn hóa, Thể thao và Du lịch'] });
    expect(splitRouting('ket qua cong tac cua UBND xa gui So Noi vu')).toMatchObject({ subject: 'ket qua cong tac', recipients: ['So Noi vu'] });
  });

  it('keeps words that only look like routing', () => {
    for (const text of ['tình hình huy động tiền gửi tiết kiệm năm 2024', 'kết quả thực hiện nhiệm vụ của các xã năm 2024']) {
      expect(splitRouting(text)).toEqual({ subject: text, recipients: [], from: null });
    }
  });
});

describe('values typed without accents', () => {
  const table = defaultTable();

  it('are put to staff in their accented form, the typed one kept for "giữ nguyên"', () => {
    const intent = { kind: 'set' as const, fields: { org: 'ỦY BAN NHÂN DÂN HUYEN NGHI XUAN' } };
    const p = accentsProposal(intent, 'header.org', table, [])!;
    expect(p.question).toContain('Ý anh/chị là «ỦY BAN NHÂN DÂN HUYỆN NGHI XUÂN»?');
    expect(p.accept).toEqual({ kind: 'set', fields: { org: 'ỦY BAN NHÂN DÂN HUYỆN NGHI XUÂN' } });
    expect(p.keep).toEqual(intent);
    expect(p.typed).toEqual(['HUYEN NGHI XUAN']);
  });

  it('are asked about once: a text confirmed as typed passes', () => {
    expect(accentsProposal({ kind: 'set', fields: { place: 'Nghi Xuan' } }, 'header.place', table, ['Nghi Xuan'])).toBeNull();
    expect(accentsProposal({ kind: 'facts', section: null, lines: ['- họp tại Nghi Xuan'] }, 'facts:ket-qua', table, ['Nghi Xuan'])).toBeNull();
    expect(accentsProposal({ kind: 'set', fields: { place: 'Nghi Xuân' } }, 'header.place', table, [])).toBeNull();
  });

  it('in facts and in a signer’s name too', () => {
    const facts = accentsProposal({ kind: 'facts', section: null, lines: ['- tap huan 3 lop cho can bo xa', '- hoàn thành 5 công trình'] }, 'facts:ket-qua', table, [])!;
    expect(facts.accept).toEqual({ kind: 'facts', section: null, lines: ['- tập huấn 3 lớp cho cán bộ xã', '- hoàn thành 5 công trình'] });
    const signer = accentsProposal({ kind: 'set', fields: { signer: { lines: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Nguyen Viet Hung' } } }, 'signer', table, [])!;
    expect(signer.question).toContain('«Nguyễn Viết Hưng»');
  });
});
