import { describe, expect, it } from 'vitest';
import { attachment, documentFileName } from '../../server/export/file-name.js';

describe('the file name of an export', () => {
  it('is số, ký hiệu and trích yếu as one slug, Vietnamese letters kept', () => {
    expect(documentFileName({ number: '84', symbol: 'BC-TTT', subject: 'Kết quả thanh tra việc quản lý đất đai' }, 'pdf')).toBe('84-bc-ttt-kết-quả-thanh-tra-việc-quản-lý-đất-đai.pdf');
  });

  it('leaves out a blank number and the V/v of a công văn', () => {
    expect(documentFileName({ number: '', symbol: 'UBND-VX', subject: 'V/v báo cáo tình hình giảm nghèo' }, 'docx')).toBe('ubnd-vx-báo-cáo-tình-hình-giảm-nghèo.docx');
  });

  it('cuts a long trích yếu at a word', () => {
    const name = documentFileName({ number: '1', symbol: 'KH-UBND', subject: 'Kế hoạch thực hiện công tác phòng, chống thiên tai và tìm kiếm cứu nạn trên địa bàn huyện năm 2024 và các năm tiếp theo' }, 'pdf');
    expect(name.length).toBeLessThan(100);
    expect(name).toMatch(/^1-kh-ubnd-kế-hoạch-thực-hiện-.*[^-]\.pdf$/);
    expect('kế-hoạch-thực-hiện-công-tác-phòng-chống-thiên-tai-và-tìm-kiếm-cứu-nạn-trên-địa-bàn-huyện-năm-2024').toContain(name.replace(/^1-kh-ubnd-/, '').replace(/\.pdf$/, ''));
  });

  it('offers the same name without marks to programs that only read ASCII', () => {
    expect(attachment('84-bc-ttt-đất-đai.pdf')).toBe(`attachment; filename="84-bc-ttt-dat-dai.pdf"; filename*=UTF-8''${encodeURIComponent('84-bc-ttt-đất-đai.pdf')}`);
  });
});
