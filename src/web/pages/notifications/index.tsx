import { lazy } from 'react';
import type { ModulePage } from '../../app/moduleTypes.ts';

/** Every user's own notifications (reached from the header's bell; no menu entry). */
export const notificationPages: ModulePage[] = [{ path: 'notifications', component: lazy(() => import('./NotificationsPage.tsx')) }];
