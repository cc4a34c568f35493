import { generate, generateSecret, generateURI, verify } from 'otplib';
import { now } from './clock.ts';

// Time-based one-time passwords (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps), the second factor
// of the three administrators (SEC-11). The algorithm is the one every authenticator app speaks,
// which is why it is SHA-1 and not SM3; the secret itself is sealed with SM4 like other personal data.
// otplib computes the codes; the server's clock (tests move it) gives the time.

export const TOTP_PERIOD_SECONDS = 30;
/** A code of the step before or after the current one is still accepted (clock drift, typing time). */
const TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;

const epoch = (at: Date = now()) => Math.floor(at.getTime() / 1000);

/** A new random secret: 20 bytes (160 bits, RFC 4226's recommendation), base32. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The otpauth:// URI an authenticator app reads (by QR code or by hand). */
export function totpUri(secret: string, account: string, issuer = '履职'): string {
  return generateURI({ issuer, label: account, secret, period: TOTP_PERIOD_SECONDS, digits: 6, algorithm: 'sha1' });
}

/** The current code for a secret (tests and the CLI's diagnostics). */
export function totpCode(secret: string, at: Date = now()): Promise<string> {
  return generate({ secret, epoch: epoch(at), period: TOTP_PERIOD_SECONDS, digits: 6, algorithm: 'sha1' });
}

/**
 * Checks a code: returns the RFC 6238 time step it belongs to, or null when it is wrong, expired
 * (more than one step away) or not later than `afterStep` (already used: replay).
 */
export async function checkTotp(secret: string, code: string, afterStep: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const result = await verify({
      secret,
      token: code,
      epoch: epoch(),
      period: TOTP_PERIOD_SECONDS,
      digits: 6,
      algorithm: 'sha1',
      epochTolerance: TOLERANCE_SECONDS,
      ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    return null;
  }
}
