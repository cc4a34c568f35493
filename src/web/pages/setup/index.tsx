import { lazy } from 'react';

export const SetupPage = lazy(() => import('./SetupPage.tsx'));
