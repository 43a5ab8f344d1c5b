import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { normalizePassword } from './password-rules.js';

/**
 * Password storage per the OWASP Password Storage Cheat Sheet: scrypt with N=2^17, r=8, p=1, a
 * random 16-byte salt per password, a 32-byte key, stored as one self-describing string
 * `$scrypt$ln=17,r=8,p=1$<salt>$<key>` (base64, no padding) so the cost can be raised later and old
 * hashes recognised (`needsRehash`) and replaced at the user's next login.
 */
export interface ScryptCost {
  /** log2 of N, the CPU/memory cost. */
  ln: number;
  r: number;
  p: number;
}

export const OWASP_COST: ScryptCost = { ln: 17, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/**
 * Each hash takes 128·N·r bytes (128 MiB at the OWASP cost) and about a third of a second of a core.
 * At most two run at once so a burst of logins cannot exhaust the memory of a small office server;
 * the rest wait their turn.
 */
const MAX_CONCURRENT = 2;

let running = 0;
const waiting: (() => void)[] = [];

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const N = 2 ** cost.ln;
  const options: ScryptOptions = { N, r: cost.r, p: cost.p, maxmem: 128 * N * cost.r * cost.p + 64 * 1024 * 1024 };
  return inTurn(
    () =>
      new Promise((resolve, reject) =>
        scrypt(Buffer.from(normalizePassword(password), 'utf8'), salt, KEY_BYTES, options, (err, key) => (err ? reject(err) : resolve(key))),
      ),
  );
}

const b64 = (b: Buffer) => b.toString('base64').replace(/=+$/, '');

export async function hashPassword(password: string, cost: ScryptCost = OWASP_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, cost);
  return `$scrypt$ln=${cost.ln},r=${cost.r},p=${cost.p}$${b64(salt)}$${b64(key)}`;
}

interface Parsed {
  cost: ScryptCost;
  salt: Buffer;
  key: Buffer;
}

const FORMAT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]{16,})\$([A-Za-z0-9+/]{32,})$/;

function parse(encoded: string): Parsed | null {
  const m = FORMAT.exec(encoded);
  if (!m) return null;
  const cost = { ln: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  // Bounds keep a corrupted or planted row from asking for gigabytes.
  if (cost.ln < 10 || cost.ln > 20 || cost.r < 1 || cost.r > 32 || cost.p < 1 || cost.p > 16) return null;
  return { cost, salt: Buffer.from(m[4]!, 'base64'), key: Buffer.from(m[5]!, 'base64') };
}

/** Whether the password matches the stored hash; a malformed hash never matches. Constant-time compare. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parse(encoded);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.cost);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/** Whether a stored hash is weaker than today's cost (or unreadable): replace it after the next successful login. */
export function needsRehash(encoded: string, cost: ScryptCost = OWASP_COST): boolean {
  const parsed = parse(encoded);
  if (!parsed) return true;
  return parsed.cost.ln < cost.ln || parsed.cost.r < cost.r || parsed.cost.p < cost.p || parsed.key.length < KEY_BYTES;
}

let decoy: Promise<string> | null = null;

/**
 * A hash of no one's password, to verify against when the login name is unknown: the answer then
 * takes as long as for a real account, so timing does not tell which names exist.
 */
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(24).toString('base64'));
  return decoy;
}
