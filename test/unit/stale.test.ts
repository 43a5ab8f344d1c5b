import { describe, expect, it } from 'vitest';
import { headerChanges, mentions } from '../../server/draft/stale.js';
import { rawBrief } from '../helpers/fixtures.js';

describe('header changes prose depends on', () => {
  it('finds none when only spacing or unrelated fields change', () => {
    const a = rawBrief();
    const b = rawBrief();
    b.header.subject = `  ${a.header.subject} `;
    b.header.symbol = 'BC-UBND.VP';
    b.header.recipients = a.header.recipients.map((r: string) => `- ${r};`);
    expect(headerChanges(a, b)).toEqual([]);
  });

  it('names each changed field with its old and new value, and the old value as prose reads it', () => {
    const a = rawBrief();
    const b = rawBrief();
    b.header.recipients = ['Sở Tài chính tỉnh Hà Tĩnh'];
    b.header.date = '2022-01-15';
    const changes = headerChanges(a, b);
    expect(changes.map((c) => c.field)).toEqual(['recipients', 'date']);
    const recipients = changes[0]!;
    expect(mentions('Kính báo cáo Sở Công Thương tỉnh Hà Tĩnh xem xét.', recipients)).toBe(true);
    expect(mentions('Kính báo cáo Sở Tài chính tỉnh Hà Tĩnh xem xét.', recipients)).toBe(false);
    const date = changes[1]!;
    expect(date).toMatchObject({ before: 'tháng 12 năm 2021', after: 'ngày 15 tháng 1 năm 2022' });
    expect(mentions('Trong Tháng 12 năm 2021, huyện đã…', date)).toBe(true);
  });
});
