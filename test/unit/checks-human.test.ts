import { describe, expect, it } from 'vitest';
import { checkSection } from '../../server/checks/index.js';
import { CERTAIN_RULES, isCertain } from '../../server/checks/certainty.js';
import { parseBrief } from '../../server/brief/load.js';
import { TemplateRegistry } from '../../server/template/load.js';
import { rawBrief } from '../helpers/fixtures.js';

const template = TemplateRegistry.load().get('bao-cao');

/** The phương hướng section of a báo cáo with these facts, checked against paragraphs a person wrote. */
function check(facts: string[], paragraphs: string[], glossary = {}) {
  const raw = rawBrief();
  raw.sections[2].facts = facts;
  const result = checkSection(parseBrief(raw), template, 'phuong-huong', paragraphs, glossary);
  return [...result.section, ...result.byParagraph.flat()];
}

describe('checks accept prose a person wrote', () => {
  it('a Trung tâm Y tế: numbers in words, "một số", Covid – 19, names of cơ quan, spelled-out abbreviations', () => {
    const findings = check(
      [
        'nhận 2 CV của SYT về phòng, chống dịch Covid-19',
        '1 số TYT chưa bố trí đủ thuốc KCB BHYT',
        'LĐ TTYT kiểm tra 8 TYT xã',
      ],
      [
        'Trung tâm Y tế đã nhận hai công văn của Sở Y tế về phòng, chống dịch Covid – 19 theo hướng dẫn của Bộ Y tế và Bảo hiểm xã hội Việt Nam.',
        'Một số trạm y tế chưa bố trí đủ thuốc khám bệnh, chữa bệnh bảo hiểm y tế.',
        'Lãnh đạo Trung tâm Y tế kiểm tra 08 trạm y tế xã.',
      ],
    );
    expect(findings).toEqual([]);
  });

  it('a trường học: "+" and "-" sub-items, a count written in words', () => {
    const findings = check(
      ['tổ chức 3 chuyên đề: tiếng Việt, toán, KNS', 'GV tham gia đầy đủ'],
      [
        'Nhà trường tổ chức ba chuyên đề:\n+ Chuyên đề tiếng Việt;\n+ Chuyên đề toán;\n- Chuyên đề KNS.',
        'Giáo viên tham gia đầy đủ.',
      ],
    );
    expect(findings).toEqual([]);
  });

  it('traces a count with what it counts: "02 phóng sự" is not "2 sao", but is "hai phóng sự"', () => {
    const facts = ['sản xuất 02 phóng sự về NTM'];
    expect(check(facts, ['Sản xuất hai phóng sự về nông thôn mới.'])).toEqual([]);
    expect(check(facts, ['Sản xuất 02 bài phóng sự về nông thôn mới.'])).toEqual([]);
    const wrong = check(facts, ['Sản xuất phóng sự về nông thôn mới, đạt 2 sao.']);
    expect(wrong.map((f) => f.rule)).toContain('grounding.missing-figure');
  });

  it('still finds what is wrong: an invented name, a count never written, notes left as notes', () => {
    const findings = check(['xã kiểm tra 3 hộ'], ['Xã kiểm tra hộ dân cùng Công ty Hoàng Long; tg: tháng 5.']);
    expect(findings.map((f) => f.rule).sort()).toEqual(['grounding.invented-figure', 'grounding.invented-name', 'grounding.missing-figure', 'prose.note-label']);
  });

  it('says which findings are certain: only those are repaired without asking', () => {
    expect(isCertain({ rule: 'text.markdown' })).toBe(true);
    expect(isCertain({ rule: 'grounding.invented-figure' })).toBe(true);
    expect(isCertain({ rule: 'grounding.missing-figure' })).toBe(false);
    expect(isCertain({ rule: 'grounding.invented-name' })).toBe(false);
    expect(isCertain({ rule: 'prose.note-label' })).toBe(false);
    expect([...CERTAIN_RULES].every((r) => /^(text|register|structure|grounding)\./u.test(r))).toBe(true);
  });
});

describe('a fact with an abbreviation context does not decide', () => {
  it('counts as used when the prose writes its meaning, whichever staff meant', () => {
    expect(check(['LĐ, KT vắng'], ['Lãnh đạo, kế toán vắng.'])).toEqual([]);
    expect(check(['LĐ, KT vắng'], ['Lao động, kỹ thuật vắng.'])).toEqual([]);
    // Still a fact left out when the prose has nothing of it.
    expect(check(['LĐ, KT vắng', 'tổ chức tập huấn'], ['Tổ chức tập huấn.']).map((f) => f.rule)).toEqual(['grounding.dropped-fact']);
  });
});

describe('an abbreviation nobody can resolve', () => {
  it('is raised once per section as a question, until the glossary answers or the text spells it out', () => {
    const findings = check(['LĐ, KT vắng'], ['LĐ, KT vắng buổi sáng.', 'LĐ có mặt buổi chiều.']);
    expect(findings.map((f) => [f.rule, f.severity, f.where.paragraph])).toEqual([
      ['abbreviation.unclear', 'warning', 0],
      ['abbreviation.unclear', 'warning', 0],
    ]);
    expect(findings[0]!.message).toMatch(/^LĐ ở đây là lãnh đạo hay lao động\?/);
    expect(check(['LĐ, KT vắng'], ['LĐ, KT vắng buổi sáng.'], { LĐ: 'lãnh đạo', KT: 'kế toán' })).toEqual([]);
    expect(check(['LĐ, KT vắng'], ['Lãnh đạo (LĐ), kế toán (KT) vắng buổi sáng.'])).toEqual([]);
  });
});
