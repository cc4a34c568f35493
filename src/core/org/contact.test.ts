import { describe, expect, it } from 'vitest';
import { emailError, maskEmail, maskPhone, phoneError } from './contact.ts';

describe('contact details', () => {
  it.each(['13912345678', '19900001111', '010-12345678', '0571-87654321', '87654321', '01012345678', '010-12345678-123', '400-123-4567'])(
    'accepts the phone number %s',
    (phone) => expect(phoneError(phone)).toBeNull(),
  );

  it.each(['12345678901', '1391234567', '139123456789', 'abc', '139-1234-5678x', '139****5678', ''])('refuses the phone number "%s"', (phone) => {
    expect(phoneError(phone)).toContain('电话号码格式不正确');
  });

  it('accepts ordinary addresses and refuses malformed ones', () => {
    expect(emailError('zhang.san@example.com.cn')).toBeNull();
    for (const bad of ['zhang', 'a@b', '@example.com', 'a b@example.com', 'a@example..com']) expect(emailError(bad), bad).not.toBeNull();
  });

  it('masks the middle of phone numbers and the local part of addresses', () => {
    expect(maskPhone('13912345678')).toBe('139****5678');
    expect(maskPhone('010-12345678')).toBe('010****5678');
    expect(maskPhone('12345')).toBe('12****');
    expect(maskEmail('zhang@example.com')).toBe('z***@example.com');
    expect(maskEmail('broken')).toBe('***');
  });
});
