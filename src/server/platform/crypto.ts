import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

// All cryptography goes through this file, so that a certified hardware provider (密评) can replace
// the software one in a single place. Algorithms: SM3 / HMAC-SM3 for digests and MACs, SM4-CTR with
// HMAC-SM3 (encrypt-then-MAC) for field encryption, scrypt (memory-hard) for passwords.

const scryptAsync = promisify(crypto.scrypt) as (
  password: crypto.BinaryLike,
  salt: crypto.BinaryLike,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

export function sm3(data: string | Buffer): string {
  return crypto.createHash('sm3').update(data).digest('hex');
}

/** An SM3 hash to feed in pieces (files read as streams). */
export function sm3Hasher(): crypto.Hash {
  return crypto.createHash('sm3');
}

export function hmacSm3(key: string | Buffer, data: string | Buffer): string {
  return crypto.createHmac('sm3', key).update(data).digest('hex');
}

/** A random token for cookies and CSRF, URL-safe. */
export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

// --- passwords -------------------------------------------------------------------------------

/** scrypt cost exponent: N = 2^cost. 15 (32 MiB) by default; tests may lower it through the env. */
const SCRYPT_COST = Number(process.env.LVZHI_SCRYPT_COST ?? 15);
const SCRYPT_R = 8;
const SCRYPT_P = 1;

/** Hash as `scrypt$<cost>$<r>$<p>$<salt b64>$<hash b64>`, so old hashes verify after a cost change. */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const hash = await scrypt(password, salt, SCRYPT_COST, SCRYPT_R, SCRYPT_P);
  return ['scrypt', SCRYPT_COST, SCRYPT_R, SCRYPT_P, salt.toString('base64'), hash.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, cost, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), Number(cost), Number(r), Number(p));
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}

function scrypt(password: string, salt: Buffer, cost: number, r: number, p: number): Promise<Buffer> {
  const N = 2 ** cost;
  return scryptAsync(password.normalize('NFC'), salt, 32, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 });
}

/** A hash to verify against when the user does not exist, so both paths take the same time. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomToken());
  return dummyHash;
}

// --- field encryption ------------------------------------------------------------------------

export interface FieldKeys {
  enc: Buffer;
  mac: Buffer;
}

/** Derives the SM4 and MAC keys from the master secret (HMAC-SM3 as a KDF, one label per key). */
export function deriveFieldKeys(master: Buffer): FieldKeys {
  const derive = (label: string) => crypto.createHmac('sm3', master).update(label).digest();
  return { enc: derive('lvzhi field enc').subarray(0, 16), mac: derive('lvzhi field mac') };
}

/** Encrypts a field value as `v1:<iv>:<ciphertext>:<mac>` (base64url parts). */
export function sealField(keys: FieldKeys, plaintext: string): string {
  const iv = crypto.randomBytes(16);
  const cipher = crypto.createCipheriv('sm4-ctr', keys.enc, iv);
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const mac = crypto.createHmac('sm3', keys.mac).update(Buffer.concat([iv, ct])).digest();
  return ['v1', iv.toString('base64url'), ct.toString('base64url'), mac.toString('base64url')].join(':');
}

export class IntegrityError extends Error {
  readonly code = 'INTEGRITY';
}

/** Decrypts a sealed value; throws IntegrityError rather than ever returning wrong plaintext. */
export function openField(keys: FieldKeys, sealed: string): string {
  const [version, ivB64, ctB64, macB64] = sealed.split(':');
  if (version !== 'v1' || ivB64 === undefined || ctB64 === undefined || macB64 === undefined) {
    throw new IntegrityError('sealed field has an unknown format');
  }
  const iv = Buffer.from(ivB64, 'base64url');
  const ct = Buffer.from(ctB64, 'base64url');
  const mac = Buffer.from(macB64, 'base64url');
  const expected = crypto.createHmac('sm3', keys.mac).update(Buffer.concat([iv, ct])).digest();
  if (mac.length !== expected.length || !crypto.timingSafeEqual(mac, expected)) {
    throw new IntegrityError('sealed field failed its integrity check');
  }
  const decipher = crypto.createDecipheriv('sm4-ctr', keys.enc, iv);
  return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
}

/**
 * The master secret: `LVZHI_SECRET_KEY` (64 hex characters) when set, otherwise a key file created
 * once, readable by the owner only. Production should keep the key outside the data directory
 * (docs/operations.md).
 */
export function loadMasterKey(opts: { env: NodeJS.ProcessEnv; keyFile: string | null }): Buffer {
  const fromEnv = opts.env.LVZHI_SECRET_KEY;
  if (fromEnv) {
    if (!/^[0-9a-fA-F]{64}$/.test(fromEnv)) throw new Error('LVZHI_SECRET_KEY must be 64 hexadecimal characters (32 bytes)');
    return Buffer.from(fromEnv, 'hex');
  }
  if (!opts.keyFile) return crypto.randomBytes(32);
  if (!fs.existsSync(opts.keyFile)) {
    fs.mkdirSync(path.dirname(opts.keyFile), { recursive: true, mode: 0o700 });
    fs.writeFileSync(opts.keyFile, crypto.randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  }
  const text = fs.readFileSync(opts.keyFile, 'utf8').trim();
  if (!/^[0-9a-fA-F]{64}$/.test(text)) throw new Error(`key file ${opts.keyFile} must hold 64 hexadecimal characters`);
  return Buffer.from(text, 'hex');
}
