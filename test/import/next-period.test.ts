import { describe, expect, it } from 'vitest';
import { proposeNextPeriod, periodMentions, shiftMonth } from '../../server/import/next-period.js';

describe('kỳ sau: the next period’s trích yếu and date', () => {
  it.each([
    ['Kết quả công tác tháng 10 năm 2026', '2026-10-28', 'Kết quả công tác tháng 11 năm 2026', '2026-11'],
    ['Kết quả công tác tháng 12 năm 2026', '2026-12-30', 'Kết quả công tác tháng 01 năm 2027', '2027-01'],
    ['Tình hình kinh tế - xã hội tháng 9/2026', '2026-09-25', 'Tình hình kinh tế - xã hội tháng 10/2026', '2026-10'],
    ['Kết quả thực hiện nhiệm vụ quý III năm 2026', '2026-09-20', 'Kết quả thực hiện nhiệm vụ quý IV năm 2026', '2026-12'],
    ['Kết quả thực hiện nhiệm vụ quý IV năm 2026', '2026-12-20', 'Kết quả thực hiện nhiệm vụ quý I năm 2027', '2027-03'],
    ['Sơ kết công tác 6 tháng đầu năm 2026', '2026-06-15', 'Sơ kết công tác năm 2026', '2026-12'],
    ['Tổng kết công tác năm 2026', '2026-12-15', 'Tổng kết công tác năm 2027', '2027-12'],
    ['Kết quả 9 tháng đầu năm 2026', '2026-09-15', 'Kết quả năm 2026', '2026-12'],
  ])('%s → %s', (subject, date, next, nextDate) => {
    const p = proposeNextPeriod(subject, date);
    expect(p.subject).toBe(next);
    expect(p.date).toBe(nextDate);
  });

  it('moves every period the trích yếu names, and lists each change', () => {
    const p = proposeNextPeriod('Kết quả tháng 11 năm 2026 và nhiệm vụ tháng 12 năm 2026', '2026-11-27');
    expect(p.subject).toBe('Kết quả tháng 12 năm 2026 và nhiệm vụ tháng 01 năm 2027');
    expect(p.changes).toEqual([
      { from: 'tháng 11 năm 2026', to: 'tháng 12 năm 2026' },
      { from: 'tháng 12 năm 2026', to: 'tháng 01 năm 2027' },
    ]);
  });

  it('keeps a trích yếu that names no period, and moves the date on by a month', () => {
    const p = proposeNextPeriod('Kết quả thực hiện chương trình sản xuất tiêu dùng bền vững', '2026-10-05');
    expect(p.period).toBeNull();
    expect(p.subject).toBe('Kết quả thực hiện chương trình sản xuất tiêu dùng bền vững');
    expect(p.date).toBe('2026-11');
  });

  it('keeps the quarter written in Arabic figures as it was written', () => {
    expect(proposeNextPeriod('Báo cáo quý 2 năm 2026', '2026-06-20').subject).toBe('Báo cáo quý 3 năm 2026');
  });

  it('reads "6 tháng đầu năm" as one period, not as a year', () => {
    expect(periodMentions('kết quả 6 tháng đầu năm 2026').map((m) => m.period)).toEqual([{ kind: 'half', index: 1, year: 2026 }]);
  });

  it('does not take a word that merely starts like a quarter for one', () => {
    expect(periodMentions('quý Ian và các đơn vị')).toEqual([]);
  });

  it('rolls the year over when the month moves past December', () => {
    expect(shiftMonth('2026-12-05', 1)).toBe('2027-01');
    expect(shiftMonth('2026-11', 3)).toBe('2027-02');
  });
});
