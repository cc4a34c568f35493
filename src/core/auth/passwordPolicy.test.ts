import { describe, expect, it } from 'vitest';
import { checkPassword, DEFAULT_POLICY } from './passwordPolicy.ts';
import { checkRoleSet } from './roles.ts';

const codes = (password: string, username?: string) => checkPassword(password, DEFAULT_POLICY, username).map((p) => p.code);

describe('password policy', () => {
  it.each([
    ['Ab1!', ['TOO_SHORT']],
    ['abcdefgh', ['TOO_FEW_CLASSES']],
    ['abcdefg1', ['TOO_FEW_CLASSES']],
    ['abcdefG1', []],
    ['Passw0rd!', ['COMMON']],
    ['Lvzhi#2026', []],
    ['P@ssw0rd', ['COMMON']],
    ['        ', ['WHITESPACE_ONLY']],
    ['Aa1!'.repeat(16), []],
    ['Aa1!'.repeat(16) + 'x', ['TOO_LONG']],
    ['密码Abc123', []],
  ])('%s → %j', (password, expected) => {
    expect(codes(password)).toEqual(expected);
  });

  it('refuses a password containing the username', () => {
    expect(codes('Zhangsan#2026', 'zhangsan')).toEqual(['CONTAINS_USERNAME']);
  });

  it('applies a configured policy', () => {
    expect(checkPassword('abcdefgh', { ...DEFAULT_POLICY, passwordMinClasses: 1 }, 'u')).toEqual([]);
  });
});

describe('separation of the three administrators', () => {
  it.each([
    [['sysadmin'], null],
    [['clerk', 'leader'], null],
    [[], null],
  ])('%j is allowed', (roles, expected) => expect(checkRoleSet(roles)).toBe(expected));

  it.each([[['sysadmin', 'secadmin']], [['secadmin', 'auditor']], [['auditor', 'viewer']], [['nobody']]])('%j is refused', (roles) => {
    expect(checkRoleSet(roles)).toMatch(/三员分立|未知角色/);
  });
});
