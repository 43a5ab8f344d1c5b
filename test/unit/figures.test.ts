import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../server/text/figures.js';

const values = (text: string) => extractFigures(text).map((f) => `${f.kind}:${f.value}`);

describe('figures of a text', () => {
  it('reads document references whole, with their ký hiệu', () => {
    expect(values('Công văn số 7664/UBND-KT₂ và Thông tư 10/2022/TT-BLĐTBXH')).toEqual([
      'reference:7664/UBND-KT₂',
      'reference:10/2022/TT-BLĐTBXH',
    ]);
  });

  it('treats the short and the long form of a date as one', () => {
    expect(values('15/11/2021')).toEqual(values('ngày 15 tháng 11 năm 2021'));
    expect(values('ngày 05/3/2020')).toEqual(['date:2020-03-05']);
  });

  it('treats "6" and "06", and "2,5 tỷ" and "2.500.000.000" as one', () => {
    expect(values('06 văn bản')).toEqual(values('6 văn bản'));
    expect(values('2,5 tỷ đồng')).toEqual(values('2.500.000.000 đồng'));
    expect(values('500 triệu')).toEqual(['number:500000000']);
  });

  it('ignores digits inside words and ký hiệu', () => {
    expect(values('dịch COVID-19, 640 m2, KT₂')).toEqual(['number:640']);
  });

  it('reads a date that opens a sentence', () => {
    expect(values('Ngày 20 tháng 01 năm 2022 tổ chức hội nghị. Tháng 12 năm 2021 hoàn thành.')).toEqual(['date:2022-01-20', 'date:2021-12']);
  });

  it('does not take an impossible date for a date', () => {
    expect(values('40/13/2021')).not.toContain('date:2021-13-40');
  });
});
