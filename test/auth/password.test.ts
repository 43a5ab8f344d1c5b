import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, verifyPassword, OWASP_COST, decoyHash } from '../../server/auth/password.js';

// One hash at the real cost proves the stored parameters; the rest use a light cost to spare the shared machine.
const LIGHT = { ln: 12, r: 8, p: 1 };
const PHRASE = 'mùa lúa năm nay được mùa';

describe('password hashing (scrypt, OWASP parameters)', () => {
  it('stores the OWASP cost, a per-password salt, and verifies only the right password', async () => {
    const stored = await hashPassword(PHRASE);
    expect(stored).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(stored).not.toContain(PHRASE);
    expect(await verifyPassword(PHRASE, stored)).toBe(true);
    expect(await verifyPassword('mùa lúa năm nay được mùa.', stored)).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it('gives two users with the same password different hashes', async () => {
    const a = await hashPassword(PHRASE, LIGHT);
    const b = await hashPassword(PHRASE, LIGHT);
    expect(a).not.toBe(b);
    expect(await verifyPassword(PHRASE, a)).toBe(true);
    expect(await verifyPassword(PHRASE, b)).toBe(true);
  });

  it('accepts the same Vietnamese password typed with combining accents (NFD) or precomposed (NFC)', async () => {
    const stored = await hashPassword(PHRASE.normalize('NFC'), LIGHT);
    expect(await verifyPassword(PHRASE.normalize('NFD'), stored)).toBe(true);
  });

  it('asks for a new hash when the stored cost is below today’s, or the hash is unreadable', async () => {
    const old = await hashPassword(PHRASE, LIGHT);
    expect(await verifyPassword(PHRASE, old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(old, LIGHT)).toBe(false);
    expect(needsRehash('md5$abc')).toBe(true);
    expect(OWASP_COST).toEqual({ ln: 17, r: 8, p: 1 });
  });

  it('never matches a malformed or planted hash, even one asking for an absurd cost', async () => {
    expect(await verifyPassword(PHRASE, '')).toBe(false);
    expect(await verifyPassword(PHRASE, 'plaintext-password')).toBe(false);
    const good = await hashPassword(PHRASE, LIGHT);
    expect(await verifyPassword(PHRASE, good.replace('ln=12', 'ln=30'))).toBe(false);
    expect(await verifyPassword(PHRASE, good.slice(0, -4))).toBe(false);
  });

  it('has a decoy hash that no password opens, for unknown login names', async () => {
    const decoy = await decoyHash();
    expect(decoy).toMatch(/^\$scrypt\$ln=17/);
    expect(await verifyPassword(PHRASE, decoy)).toBe(false);
    expect(await decoyHash()).toBe(decoy);
  });
});
