import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveFieldKeys, hashPassword, hmacSm3, IntegrityError, openField, sealField, sm3, verifyPassword } from './crypto.ts';

describe('crypto provider', () => {
  it('computes SM3 per GB/T 32905 (known answers)', () => {
    expect(sm3('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(sm3('abcd'.repeat(16))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });

  it('computes SM4 per GB/T 32907 (known answer, the primitive under field encryption)', () => {
    const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    const cipher = crypto.createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
    const out = Buffer.concat([cipher.update(key), cipher.final()]);
    expect(out.toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });

  it('keys HMAC-SM3 with a secret: a different key gives a different MAC', () => {
    expect(hmacSm3('k1', 'm')).not.toBe(hmacSm3('k2', 'm'));
    expect(hmacSm3('k1', 'm')).toHaveLength(64);
  });

  it('seals a field so that the ciphertext does not contain it and opens it back', () => {
    const keys = deriveFieldKeys(Buffer.alloc(32, 1));
    const sealed = sealField(keys, '13912345678');
    expect(sealed).not.toContain('13912345678');
    expect(sealed.startsWith('v1:')).toBe(true);
    expect(openField(keys, sealed)).toBe('13912345678');
    expect(sealField(keys, '13912345678')).not.toBe(sealed); // fresh IV each time
  });

  it('refuses a sealed value with one byte flipped rather than return wrong plaintext', () => {
    const keys = deriveFieldKeys(Buffer.alloc(32, 1));
    const [v, iv, ct, mac] = sealField(keys, '13912345678').split(':');
    const bytes = Buffer.from(ct!, 'base64url');
    bytes[0]! ^= 1;
    expect(() => openField(keys, [v, iv, bytes.toString('base64url'), mac].join(':'))).toThrow(IntegrityError);
    expect(() => openField(deriveFieldKeys(Buffer.alloc(32, 2)), sealField(keys, 'x'))).toThrow(IntegrityError);
  });

  it('hashes passwords with scrypt, salted, verifying only the right one at full length', async () => {
    const long = 'Aa1!'.repeat(16); // 64 characters: no truncation
    const hash = await hashPassword(long);
    expect(hash.startsWith('scrypt$')).toBe(true);
    expect(await verifyPassword(long, hash)).toBe(true);
    expect(await verifyPassword(long.slice(0, 63), hash)).toBe(false);
    expect(await hashPassword(long)).not.toBe(hash);
  });
});
