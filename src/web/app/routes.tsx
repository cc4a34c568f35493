import type { RouteObject } from 'react-router';
import { Gated } from '../auth/Gated.tsx';
import { Forbidden } from '../components/Forbidden.tsx';
import { NotFound } from '../components/NotFound.tsx';
import { RouteError } from '../components/RouteError.tsx';
import { AppLayout } from '../layout/AppLayout.tsx';
import { mayOpen } from '../layout/menu.ts';
import { useCurrentUser } from '../auth/session.ts';
import { ForcedMfaPage, ForcedPasswordPage, LoginPage } from '../pages/auth/index.tsx';
import { SetupPage } from '../pages/setup/index.tsx';
import type { ModulePage } from './moduleTypes.ts';

function PageRoute({ page }: { page: ModulePage }) {
  const user = useCurrentUser();
  if (!mayOpen(page, user.roles)) return <Forbidden />;
  const Page = page.component;
  return <Page />;
}

/** The route table: the three pages outside the app, then every module page inside the layout. */
export function createRoutes(pages: readonly ModulePage[]): RouteObject[] {
  return [
    {
      errorElement: <RouteError />,
      children: [
        { path: '/setup', element: <Gated gate="setup"><SetupPage /></Gated> },
        { path: '/login', element: <Gated gate="login"><LoginPage /></Gated> },
        { path: '/change-password', element: <Gated gate="password"><ForcedPasswordPage /></Gated> },
        { path: '/mfa-enrol', element: <Gated gate="mfa"><ForcedMfaPage /></Gated> },
        {
          path: '/',
          element: <Gated gate="app"><AppLayout pages={pages} /></Gated>,
          children: [
            ...pages.map((page): RouteObject =>
              page.path === '' ? { index: true, element: <PageRoute page={page} /> } : { path: page.path, element: <PageRoute page={page} /> },
            ),
            { path: '*', element: <NotFound /> },
          ],
        },
      ],
    },
  ];
}
