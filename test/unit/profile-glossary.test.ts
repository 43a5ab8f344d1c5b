import { afterEach, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.js';

let ctx: Awaited<ReturnType<typeof testApp>>;
afterEach(() => ctx?.close());

const PROFILE = { org: 'TRUNG TÂM Y TẾ HUYỆN THANH HÀ', place: 'Thanh Hà', symbolSuffix: 'TTYT' };

describe('the office glossary, part of the office profile', () => {
  it('is saved with the profile and read back, the profile without one still valid', async () => {
    ctx = await testApp();
    const plain = await ctx.request('/api/profile', { method: 'PUT', json: PROFILE });
    expect(plain.status).toBe(200);
    expect(((await (await ctx.request('/api/profile')).json()) as any).profile.glossary).toBeUndefined();
    const saved = await ctx.request('/api/profile', { method: 'PUT', json: { ...PROFILE, glossary: { 'LĐ': 'lãnh đạo', TTKSBT: ' Trung tâm Kiểm soát bệnh tật ' } } });
    expect(saved.status).toBe(200);
    const got = (await (await ctx.request('/api/profile')).json()) as any;
    expect(got.profile.glossary).toEqual({ 'LĐ': 'lãnh đạo', TTKSBT: 'Trung tâm Kiểm soát bệnh tật' });
  });

  it('refuses an empty meaning in Vietnamese and keeps the saved profile', async () => {
    ctx = await testApp();
    await ctx.request('/api/profile', { method: 'PUT', json: { ...PROFILE, glossary: { 'LĐ': 'lãnh đạo' } } });
    const bad = await ctx.request('/api/profile', { method: 'PUT', json: { ...PROFILE, glossary: { 'LĐ': '' } } });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain('Nghĩa của chữ viết tắt');
    expect(((await (await ctx.request('/api/profile')).json()) as any).profile.glossary).toEqual({ 'LĐ': 'lãnh đạo' });
  });
});
