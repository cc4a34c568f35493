import { accountPages } from '../pages/accounts/index.tsx';
import { auditPages } from '../pages/audit/index.tsx';
import { ownAccountPages } from '../pages/auth/index.tsx';
import { compliancePages } from '../pages/compliance/index.tsx';
import { dashboardPages } from '../pages/dashboard/index.tsx';
import { dutyPages } from '../pages/duty/index.tsx';
import { homePages } from '../pages/home/index.tsx';
import { ledgerPages } from '../pages/ledger/index.tsx';
import { notificationPages } from '../pages/notifications/index.tsx';
import { orgPages } from '../pages/org/index.tsx';
import { peoplePages } from '../pages/people/index.tsx';
import { policyPages } from '../pages/policy/index.tsx';
import { reportPages } from '../pages/report/index.tsx';
import type { ModulePage } from './moduleTypes.ts';

/** Every page of the signed-in app. A new module adds its pages here; the menu and routes follow. */
export const PAGES: readonly ModulePage[] = [
  ...homePages,
  ...dashboardPages,
  ...orgPages,
  ...peoplePages,
  ...dutyPages,
  ...ledgerPages,
  ...compliancePages,
  ...reportPages,
  ...accountPages,
  ...policyPages,
  ...auditPages,
  ...ownAccountPages,
  ...notificationPages,
];
