// Staff contact details: validation with messages for the UI, and the masks shown wherever the
// viewer has no need to see the full value (PIPL minimization).

/** Mainland mobile numbers: 11 digits, 13x–19x. */
const MOBILE = /^1[3-9]\d{9}$/;
/** Landlines: optional area code (010, 0571…), 7–8 digit number, optional extension; or 400/800 lines. */
const LANDLINE = [/^(0\d{2,3}-?)?\d{7,8}(-\d{1,6})?$/, /^[48]00-?\d{3}-?\d{4}$/];
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export const PHONE_MAX = 30;
export const EMAIL_MAX = 100;

export const PHONE_MESSAGE = '电话号码格式不正确：手机号为11位数字（如13912345678），固话如010-12345678';
export const EMAIL_MESSAGE = '邮箱格式不正确（如name@example.com）';

/** Null when `phone` is a plausible mobile or landline number, otherwise the reason. */
export function phoneError(phone: string): string | null {
  const text = phone.trim();
  if (text.length > PHONE_MAX) return PHONE_MESSAGE;
  // Eleven digits starting with 1 can only be a mobile number: check it as one.
  if (/^1\d{10}$/.test(text)) return MOBILE.test(text) ? null : PHONE_MESSAGE;
  return LANDLINE.some((p) => p.test(text)) ? null : PHONE_MESSAGE;
}

export function emailError(email: string): string | null {
  const text = email.trim();
  return text.length <= EMAIL_MAX && EMAIL.test(text) ? null : EMAIL_MESSAGE;
}

/** "13912345678" → "139****5678"; short numbers keep only their first two characters. */
export function maskPhone(phone: string): string {
  return phone.length >= 8 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : `${phone.slice(0, 2)}****`;
}

/** "zhang@example.com" → "z***@example.com". */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}

/** A masked value is never valid input: importing an export made without unmasking fails loudly. */
export const isMasked = (value: string): boolean => value.includes('*');
