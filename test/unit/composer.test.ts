import { describe, expect, it } from 'vitest';
import { clause, sentence } from '../../server/composer/sentence.js';
import { padCounts } from '../../server/text/counts.js';
import { expandAbbreviations } from '../../server/lexicon/index.js';
import { composeFormula, composeSection } from '../../server/composer/compose.js';
import { TemplateRegistry } from '../../server/template/load.js';
import { parseBrief } from '../../server/brief/load.js';
import { sectionFacts } from '../../server/brief/schema.js';
import { extractFigures, figureValues, key } from '../../server/text/figures.js';
import { rawBrief, SEED_GLOSSARY } from '../helpers/fixtures.js';


const template = TemplateRegistry.load().get('bao-cao');

function composeAll(raw: unknown) {
  const brief = parseBrief(raw);
  return Object.fromEntries(
    template.sections.map((s) => [s.key, composeSection(template, brief, s, brief.sections.find((b) => b.key === s.key))]),
  );
}

describe('offline composer: sentences', () => {
  it('spells out staff abbreviations where formal prose needs them', () => {
    // The lexicon's general abbreviations, and the office's own shorthand by its glossary.
    expect(sentence('UBND huyện ban hành 6 văn bản QLNN liên quan ctr SXTDBV', SEED_GLOSSARY)).toBe(
      'Ủy ban nhân dân huyện ban hành 06 văn bản quản lý nhà nước liên quan chương trình sản xuất và tiêu dùng bền vững.',
    );
    // Without that glossary, the office's shorthand is nobody's to guess: kept as written.
    expect(sentence('UBND huyện ban hành 6 văn bản QLNN liên quan ctr SXTDBV')).toBe(
      'Ủy ban nhân dân huyện ban hành 06 văn bản quản lý nhà nước liên quan chương trình SXTDBV.',
    );
    expect(sentence('phối hợp Cục QLTT Hà Tĩnh, Sở KH&CN phát 29 đĩa')).toBe(
      'Phối hợp Cục Quản lý thị trường Hà Tĩnh, Sở Khoa học và Công nghệ phát 29 đĩa.',
    );
    expect(clause('hướng dẫn, ban hành KH, QĐ thành lập đoàn kiểm tra')).toBe('hướng dẫn, ban hành Kế hoạch, Quyết định thành lập đoàn kiểm tra');
  });

  it('reads a shorthand by its context: TT, CV, CT', () => {
    expect(clause('chỉ đạo TT VH-TT huyện, UBND các xã, TT tuyên truyền')).toBe(
      'chỉ đạo Trung tâm Văn hóa - Truyền thông huyện, Ủy ban nhân dân các xã, thị trấn tuyên truyền',
    );
    expect(clause('thực hiện CV 7664/UBND-KT₂ v/v báo cáo kq')).toBe('thực hiện Công văn số 7664/UBND-KT₂ về việc báo cáo kết quả');
    expect(clause('thực hiện TT 10/2022/TT-BLĐTBXH')).toBe('thực hiện Thông tư số 10/2022/TT-BLĐTBXH');
    expect(clause('CT UBND huyện kết luận')).toBe('Chủ tịch Ủy ban nhân dân huyện kết luận');
  });

  it('never touches a ký hiệu or a word that merely contains an abbreviation', () => {
    expect(expandAbbreviations('7664/UBND-KT₂ và 847/UBND-VX1')).toBe('7664/UBND-KT₂ và 847/UBND-VX1');
    expect(expandAbbreviations('DNTN, UBNDX, SPX')).toBe('DNTN, UBNDX, SPX');
  });

  it('writes counts below 10 with a leading zero, but not dates, ratings or ordinals', () => {
    expect(padCounts('ban hành 6 văn bản, 1 hội nghị')).toBe('ban hành 06 văn bản, 01 hội nghị');
    expect(padCounts('đạt 3 sao, ngày 5 tháng 3, đợt 2, 4 tại chỗ, 7 km')).toBe('đạt 3 sao, ngày 5 tháng 3, đợt 2, 4 tại chỗ, 7 km');
    expect(padCounts('2,5 tỷ đồng và 12 xã, 1.250 hộ')).toBe('2,5 tỷ đồng và 12 xã, 1.250 hộ');
  });

  it('makes each fact a full sentence with a capital and final punctuation', () => {
    expect(sentence('tăng cường kiểm tra, kiểm soát thị trường')).toBe('Tăng cường kiểm tra, kiểm soát thị trường.');
    expect(sentence('đã hoàn thành;')).toBe('Đã hoàn thành.');
    expect(sentence('6T đầu 2020: tiếp 866 lượt')).toBe('06 tháng đầu năm 2020: tiếp 866 lượt.');
  });
});

describe('offline composer: the seed Báo cáo', () => {
  const raw = rawBrief();
  const sections = composeAll(raw);

  it('opens with the formula, naming the cơ quan as itself', () => {
    expect(sections['mo-dau']).toEqual([
      {
        part: null,
        text:
          'Thực hiện Công văn số 7664/UBND-KT₂ ngày 15/11/2021 của Ủy ban nhân dân tỉnh về việc báo cáo kết quả thực hiện chương trình sản xuất tiêu dùng bền vững năm 2021; Ủy ban nhân dân huyện Nghi Xuân báo cáo kết quả một số nhiệm vụ cụ thể như sau:',
      },
    ]);
  });

  it('closes with the formula and ends the body with "./."', () => {
    const closing = sections['ket-thuc']![0]!.text;
    expect(closing).toMatch(/^Trên đây là báo cáo kết quả thực hiện chương trình sản xuất tiêu dùng bền vững năm 2021, Ủy ban nhân dân huyện Nghi Xuân kính gửi Sở Công Thương/);
    expect(closing.endsWith('./.')).toBe(true);
  });

  it('numbers sub-sections by part and writes dash lists as dashes', () => {
    expect(new Set(sections['ket-qua']!.map((p) => p.part))).toEqual(new Set([0, 1, 2]));
    expect(sections['phuong-huong']!.every((p) => p.text.startsWith('- ') && p.text.endsWith('.'))).toBe(true);
    expect(sections['phuong-huong']).toHaveLength(4);
  });

  it('loses and changes no number, date or reference of any fact', () => {
    const brief = parseBrief(raw);
    for (const s of brief.sections) {
      const written = figureValues(sections[s.key]!.map((p) => p.text));
      for (const fact of sectionFacts(s)) {
        for (const f of extractFigures(fact)) expect(written, `${f.text} of "${fact}"`).toContain(key(f));
      }
    }
  });

  it('writes the closing formula without facts, and with a recipient', () => {
    const bare = rawBrief();
    bare.sections = bare.sections.filter((s: { key: string }) => s.key !== 'ket-thuc');
    const closing = composeAll(bare)['ket-thuc']![0]!.text;
    expect(closing).toBe(
      'Trên đây là báo cáo kết quả thực hiện chương trình sản xuất tiêu dùng bền vững năm 2021 của Ủy ban nhân dân huyện Nghi Xuân, kính báo cáo Sở Công Thương tỉnh Hà Tĩnh xem xét, chỉ đạo./.',
    );
  });

  it('keeps a căn cứ as the opening\'s lead, not as the cơ quan\'s own clause', () => {
    const brief = rawBrief();
    brief.sections[0].facts = ['căn cứ yêu cầu của Sở Công Thương về việc báo cáo tình hình'];
    expect(composeAll(brief)['mo-dau']![0]!.text).toBe(
      'Căn cứ yêu cầu của Sở Công Thương về việc báo cáo tình hình, Ủy ban nhân dân huyện Nghi Xuân báo cáo kết quả thực hiện chương trình sản xuất tiêu dùng bền vững năm 2021 như sau:',
    );
  });

  it("says another body's words as that body's, never as the issuer's", () => {
    const brief = rawBrief();
    brief.sections[0].facts = ['Thường trực HĐND huyện báo cáo kết quả giám sát chuyên đề'];
    const opening = composeAll(brief)['mo-dau']![0]!.text;
    expect(opening).toContain('Thường trực Hội đồng nhân dân huyện báo cáo kết quả giám sát chuyên đề');
    expect(opening).not.toMatch(/Ủy ban nhân dân huyện Nghi Xuân báo cáo kết quả giám sát/u);
    // The issuer naming itself, in any of its usual ways, still speaks in the formula's one clause.
    for (const self of ['huyện', 'UBND huyện', 'UBND huyện Nghi Xuân']) {
      brief.sections[0].facts = [`${self} báo cáo kết quả giám sát chuyên đề`];
      expect(composeAll(brief)['mo-dau']![0]!.text).toBe('Ủy ban nhân dân huyện Nghi Xuân báo cáo kết quả giám sát chuyên đề như sau:');
    }
  });

  it('writes "CV số 7664" once as "Công văn số 7664"', () => {
    expect(clause('thực hiện CV số 7664/UBND-KT')).toBe('thực hiện Công văn số 7664/UBND-KT');
  });

  it('is deterministic', () => {
    expect(composeAll(rawBrief())).toEqual(sections);
  });

  describe("another body's clause that already says the formula's verb", () => {
    const registry = TemplateRegistry.load();
    const slots = { org: 'Văn phòng Ủy ban nhân dân tỉnh Quảng Trị', subject: 'kết luận buổi làm việc', recipient: '', recipients: '' };

    it('is completed, not followed by the same verb in the issuer\'s name (thông báo)', () => {
      const opening = composeFormula(registry.get('thong-bao').opening, ['Chủ tịch UBND tỉnh thông báo kết luận tại buổi làm việc với Sở Y tế ngày 12/3/2026'], slots);
      expect(opening).toBe('Chủ tịch Ủy ban nhân dân tỉnh thông báo kết luận tại buổi làm việc với Sở Y tế ngày 12/3/2026 như sau:');
      expect(opening.match(/thông báo/gu)).toHaveLength(1);
    });

    it('keeps the issuer\'s answer where the formula\'s verb is another one (công văn: "có ý kiến")', () => {
      const opening = composeFormula(registry.get('cong-van').opening, ['Sở Y tế đề nghị bổ sung kinh phí mua vắc xin năm 2026'], slots);
      expect(opening).toBe('Sở Y tế đề nghị bổ sung kinh phí mua vắc xin năm 2026, Văn phòng Ủy ban nhân dân tỉnh Quảng Trị có ý kiến như sau:');
    });

    it('keeps the issuer\'s clause when the verb is a noun: a notice the notes refer to', () => {
      for (const fact of ['UBND huyện đã có thông báo số 45/TB-UBND về lịch tiếp công dân', 'Sở Y tế và các thông báo của Bộ Y tế về phòng dịch']) {
        const opening = composeFormula(registry.get('thong-bao').opening, [fact], slots);
        expect(opening).toMatch(/, Văn phòng Ủy ban nhân dân tỉnh Quảng Trị thông báo như sau:$/u);
      }
    });

    it('still lets the issuer speak in the formula when the notes name the issuer itself', () => {
      const opening = composeFormula(registry.get('thong-bao').opening, ['Văn phòng UBND tỉnh thông báo kết luận của Chủ tịch UBND tỉnh'], slots);
      expect(opening).toBe('Văn phòng Ủy ban nhân dân tỉnh Quảng Trị thông báo kết luận của Chủ tịch Ủy ban nhân dân tỉnh như sau:');
    });
  });
});
