/**
 * A one-time notice for the login page ("会话已超时"), kept in sessionStorage so that it survives
 * the redirect and a reload but not the browser tab.
 */
export type LoginNotice = 'expired' | 'loggedOut';

const KEY = 'lvzhi.loginNotice';

export const LOGIN_NOTICE_TEXT: Record<LoginNotice, string> = {
  expired: '会话已超时，请重新登录',
  loggedOut: '您已安全退出登录',
};

export function setLoginNotice(notice: LoginNotice): void {
  try {
    sessionStorage.setItem(KEY, notice);
  } catch {
    // Storage disabled: the notice is a courtesy.
  }
}

export function peekLoginNotice(): LoginNotice | null {
  try {
    const value = sessionStorage.getItem(KEY);
    return value === 'expired' || value === 'loggedOut' ? value : null;
  } catch {
    return null;
  }
}

export function clearLoginNotice(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // As above.
  }
}
