import { describe, expect, it } from 'vitest';
import { orgNameInProse } from '../../server/text/org-name.js';
import { capitalizeLaws, capitalizeSchools, capitalizeTitles } from '../../server/text/capitals.js';

describe('names and capitals of Nghị định 30 Phụ lục II', () => {
  it('writes a cơ quan’s header name as running text, acronyms kept upper case', () => {
    expect(orgNameInProse('TRƯỜNG THCS XUÂN LƯƠNG')).toBe('Trường THCS Xuân Lương');
    expect(orgNameInProse('TRƯỜNG TRUNG HỌC CƠ SỞ XUÂN LƯƠNG')).toBe('Trường Trung học cơ sở Xuân Lương');
    expect(orgNameInProse('BẢO HIỂM XÃ HỘI VIỆT NAM')).toBe('Bảo hiểm xã hội Việt Nam');
    expect(orgNameInProse('BẢO HIỂM XÃ HỘI HUYỆN NGHI XUÂN')).toBe('Bảo hiểm xã hội huyện Nghi Xuân');
    expect(orgNameInProse('TRUNG TÂM Y TẾ HUYỆN THANH HÀ')).toBe('Trung tâm Y tế huyện Thanh Hà');
    expect(orgNameInProse('SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI')).toBe('Sở Lao động - Thương binh và Xã hội');
    expect(orgNameInProse('KHO BẠC NHÀ NƯỚC HUYỆN NGHI XUÂN')).toBe('Kho bạc Nhà nước huyện Nghi Xuân');
    expect(orgNameInProse('THANH TRA TỈNH')).toBe('Thanh tra tỉnh');
    expect(orgNameInProse('ỦY BAN NHÂN DÂN XÃ ĐÔNG SƠN')).toBe('Ủy ban nhân dân xã Đông Sơn');
  });

  it('names laws, chức danh and schools with their capitals, and leaves common nouns alone', () => {
    expect(capitalizeLaws('theo luật doanh nghiệp, Luật bảo hiểm y tế và bộ luật lao động')).toBe(
      'theo Luật Doanh nghiệp, Luật Bảo hiểm y tế và Bộ luật Lao động',
    );
    expect(capitalizeLaws('theo luật định; luật sư tư vấn; Luật BHYT')).toBe('theo luật định; luật sư tư vấn; Luật BHYT');
    // "pháp luật" is the law in general; a linking word after "luật" starts no law's name.
    expect(capitalizeLaws('thực hiện chính sách pháp luật về sản xuất; tuân thủ luật về đất đai')).toBe('thực hiện chính sách pháp luật về sản xuất; tuân thủ luật về đất đai');
    expect(capitalizeTitles('phó chủ tịch Ủy ban nhân dân xã và giám đốc Sở Y tế dự; các trưởng phòng vắng')).toBe(
      'Phó Chủ tịch Ủy ban nhân dân xã và Giám đốc Sở Y tế dự; các trưởng phòng vắng',
    );
    expect(capitalizeSchools('học sinh trường THCS Xuân Lương và các trường tiểu học')).toBe('học sinh Trường THCS Xuân Lương và các trường tiểu học');
  });
});
