import { lazy } from 'react';
import type { ModulePage } from '../../app/moduleTypes.ts';

/** The user's own account pages, reached from the user menu in the header. */
export const ownAccountPages: ModulePage[] = [
  { path: 'account/password', component: lazy(() => import('./ChangePasswordPage.tsx')) },
  { path: 'account/sessions', component: lazy(() => import('./SessionsPage.tsx')) },
  { path: 'account/mfa', component: lazy(() => import('./MfaPage.tsx')) },
];

export const LoginPage = lazy(() => import('./LoginPage.tsx'));
export const ForcedPasswordPage = lazy(() => import('./ForcedPasswordPage.tsx'));
export const ForcedMfaPage = lazy(() => import('./ForcedMfaPage.tsx'));
