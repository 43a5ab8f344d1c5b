import { describe, expect, it } from 'vitest';
import { abbreviationsFor, expandAbbreviations, findAbbreviations, openQuestions, withAnswer } from '../../server/lexicon/index.js';
import { OfficeProfile } from '../../server/profile/schema.js';
import { parseBrief } from '../../server/brief/load.js';
import { clause, sentence } from '../../server/composer/sentence.js';
import { rawBrief } from '../helpers/fixtures.js';

const open = (text: string) => findAbbreviations(text).filter((u) => u.meaning === null);

describe('abbreviations: never a wrong meaning', () => {
  it('reads each abbreviation of the reported cases by its context, or keeps it and asks', () => {
    expect(expandAbbreviations('Hội ND xã tổ chức hội nghị')).toBe('Hội Nông dân xã tổ chức hội nghị');
    expect(expandAbbreviations('ND phấn khởi đón Tết')).toBe('ND phấn khởi đón Tết');
    expect(expandAbbreviations('LĐ UBND huyện dự họp')).toBe('lãnh đạo Ủy ban nhân dân huyện dự họp');
    expect(expandAbbreviations('giải quyết việc làm cho 120 LĐ nông thôn')).toBe('giải quyết việc làm cho 120 lao động nông thôn');
    expect(expandAbbreviations('Kính báo TT Tỉnh ủy')).toBe('Kính báo Thường trực Tỉnh ủy');
    expect(expandAbbreviations('thực hiện CT 25/CT-BYT')).toBe('thực hiện Chỉ thị số 25/CT-BYT');
    expect(expandAbbreviations('QĐ tại Điều 16 Luật')).toBe('quy định tại Điều 16 Luật');
    expect(expandAbbreviations('phát triển nền KT')).toBe('phát triển nền kinh tế');
    expect(expandAbbreviations('xây dựng PA sơ tán dân')).toBe('xây dựng Phương án sơ tán dân');
    expect(open('LĐ tham dự đầy đủ')[0]).toMatchObject({ abbr: 'LĐ', candidates: ['lãnh đạo', 'lao động'] });
    expect(open('PA đã được duyệt')[0]?.candidates).toContain('phản ánh');
  });

  it('lists unknown capitals as questions and leaves headings, numerals, names and ký hiệu alone', () => {
    const uses = findAbbreviations('TTKSBT tỉnh phối hợp; KẾT QUẢ THỰC HIỆN; mục II; COVID-19; số 12/BC-UBND; BC-UBND; OCOP');
    expect(uses.map((u) => [u.abbr, u.meaning, u.known])).toEqual([['TTKSBT', null, false]]);
  });

  it('lets the office glossary decide first, for every later draft', () => {
    const glossary = withAnswer({}, 'LĐ', 'lãnh đạo');
    expect(expandAbbreviations('LĐ tham dự đầy đủ', glossary)).toBe('lãnh đạo tham dự đầy đủ');
    expect(expandAbbreviations('CT 12 ngày 05/3/2024', { CT: 'Chỉ thị' })).toBe('Chỉ thị số 12 ngày 05/3/2024');
    expect(expandAbbreviations('TTKSBT tỉnh', { TTKSBT: 'Trung tâm Kiểm soát bệnh tật' })).toBe('Trung tâm Kiểm soát bệnh tật tỉnh');
    // Kept as written on purpose: no more question.
    expect(findAbbreviations('chương trình OCOPX', { OCOPX: 'OCOPX' })[0]?.meaning).toBe('OCOPX');
  });

  it('gives the brief’s abbreviations with their place, meaning or question, one question per abbreviation', () => {
    const raw = rawBrief();
    raw.sections[2].facts = ['LĐ UBND xã kiểm tra', 'LĐ tham dự', 'LĐ vắng 02 người', 'TTKSBT hỗ trợ'];
    const brief = parseBrief(raw);
    const list = abbreviationsFor(brief);
    const ld = list.filter((a) => a.abbr === 'LĐ');
    expect(ld[0]).toMatchObject({ rule: 'abbreviation.resolved', meaning: 'lãnh đạo', question: null });
    expect(ld[1]).toMatchObject({ rule: 'abbreviation.ambiguous', meaning: null, question: 'LĐ ở đây là lãnh đạo hay lao động?' });
    expect(ld[1]!.where).toEqual({ section: raw.sections[2].key, fact: 1, span: [0, 2] });
    const questions = openQuestions(list.filter((a) => a.where.section === raw.sections[2].key)).map((q) => q.question);
    expect(questions).toEqual(['LĐ ở đây là lãnh đạo hay lao động?', 'TTKSBT là viết tắt của gì?']);
    const answered = abbreviationsFor(brief, { LĐ: 'lao động', TTKSBT: 'Trung tâm Kiểm soát bệnh tật' });
    expect(openQuestions(answered.filter((a) => a.where.section === raw.sections[2].key))).toEqual([]);
  });

  it('keeps the glossary in the office profile, optional, and refuses a bad entry in Vietnamese', () => {
    const base = { org: 'ỦY BAN NHÂN DÂN XÃ ĐÔNG SƠN', place: 'Đông Sơn', symbolSuffix: 'UBND' };
    expect(OfficeProfile.parse(base).glossary).toBeUndefined();
    expect(OfficeProfile.parse({ ...base, glossary: { 'LĐ': 'lãnh đạo' } }).glossary).toEqual({ 'LĐ': 'lãnh đạo' });
    const bad = OfficeProfile.safeParse({ ...base, glossary: { LĐ: '' } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toMatch(/Nghĩa của chữ viết tắt/);
  });
});

describe('notes from other offices, drafted offline', () => {
  it('a Sở Y tế: document references, chức danh, domains', () => {
    expect(sentence('thực hiện CV 1234/BYT-KCB v/v tăng cường KCB BHYT')).toBe(
      'Thực hiện Công văn số 1234/BYT-KCB về việc tăng cường khám bệnh, chữa bệnh bảo hiểm y tế.',
    );
    expect(sentence('giám đốc SYT chủ trì; TG: 2 ngày')).toMatch(/^Giám đốc Sở Y tế chủ trì/);
    expect(clause('theo luật bảo hiểm y tế và Luật khám bệnh, chữa bệnh')).toBe('theo Luật Bảo hiểm y tế và Luật Khám bệnh, chữa bệnh');
  });

  it('a trường học: note labels become a sentence, names keep their capitals', () => {
    expect(sentence('đoàn GV trường THCS Xuân Lương đi học tập; tg: từ 15/01 đến 20/01; nơi đến: Hà Nội; lý do: trao đổi kinh nghiệm')).toBe(
      'Đoàn giáo viên Trường Trung học cơ sở Xuân Lương đi học tập, từ 15/01 đến 20/01, đến Hà Nội, do trao đổi kinh nghiệm.',
    );
    expect(sentence('NN: thời tiết rét đậm → HS nghỉ học')).toBe('Nguyên nhân là do thời tiết rét đậm, do đó HS nghỉ học.');
    expect(sentence('bồi dưỡng GV → nâng cao chất lượng dạy học')).toBe('Bồi dưỡng giáo viên để nâng cao chất lượng dạy học.');
  });

  it('a xã: the same letters mean a post or a household by what stands beside them', () => {
    expect(sentence('UBND xã phối hợp MTTQ tuyên truyền BHYT hộ GĐ')).toBe(
      'Ủy ban nhân dân xã phối hợp Mặt trận Tổ quốc tuyên truyền bảo hiểm y tế hộ gia đình.',
    );
    expect(clause('GĐ Sở Y tế; Phó GĐ Trung tâm')).toBe('Giám đốc Sở Y tế; Phó Giám đốc Trung tâm');
    expect(clause('thu NS đạt 112% KH; CT UBND xã tiếp CD; nhận 4 đơn KN, TC')).toBe(
      'thu ngân sách đạt 112% kế hoạch; Chủ tịch Ủy ban nhân dân xã tiếp công dân; nhận 04 đơn khiếu nại, tố cáo',
    );
    expect(findAbbreviations('GĐ ký duyệt').map((u) => u.candidates)).toEqual([['Giám đốc', 'gia đình']]);
  });

  it('a xã: counts padded, citations and "một số" intact', () => {
    expect(clause('xử phạt theo khoản 2, 3 Điều 162 Luật đất đai; 1 số hộ chưa chấp hành')).toBe(
      'xử phạt theo khoản 2, 3 Điều 162 Luật Đất đai; một số hộ chưa chấp hành',
    );
    expect(clause('tổ chức 1 hội nghị, ban hành 6 văn bản theo Bảng 2, Phụ lục 3; đạt 81/100 điểm, tăng 5%')).toBe(
      'tổ chức 01 hội nghị, ban hành 06 văn bản theo Bảng 2, Phụ lục 3; đạt 81/100 điểm, tăng 5%',
    );
  });
});

describe('the lexicon as data', () => {
  /** Nghị định 30, Phụ lục III: every type of administrative document and its code. */
  const PL_III: Record<string, string> = {
    NQ: 'Nghị quyết', QĐ: 'Quyết định', CT: 'Chỉ thị', QC: 'Quy chế', QyĐ: 'Quy định', TC: 'Thông cáo', TB: 'Thông báo', HD: 'Hướng dẫn',
    CTr: 'Chương trình', KH: 'Kế hoạch', PA: 'Phương án', ĐA: 'Đề án', DA: 'Dự án', BC: 'Báo cáo', BB: 'Biên bản', TTr: 'Tờ trình',
    HĐ: 'Hợp đồng', CĐ: 'Công điện', BGN: 'Bản ghi nhớ', BTT: 'Bản thỏa thuận', GUQ: 'Giấy ủy quyền', GM: 'Giấy mời',
    GGT: 'Giấy giới thiệu', GNP: 'Giấy nghỉ phép', PG: 'Phiếu gửi', PC: 'Phiếu chuyển', PB: 'Phiếu báo', SY: 'Bản sao y',
    TrS: 'Bản trích sao', SL: 'Bản sao lục',
  };

  it('names every document type of Phụ lục III when its number and ký hiệu follow', () => {
    for (const [code, name] of Object.entries(PL_III)) {
      expect(expandAbbreviations(`theo ${code} 12/${code}-UBND`), code).toBe(`theo ${name} số 12/${code}-UBND`);
    }
  });

  it('reads a ký hiệu with no type code as a công văn’s, and a bare count as no document', () => {
    expect(expandAbbreviations('CV 7664/UBND-KT₂')).toBe('Công văn số 7664/UBND-KT₂');
    expect(findAbbreviations('ký HĐ 12 tháng')[0]?.meaning).toBeNull();
  });
});
