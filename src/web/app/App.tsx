import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { setAuthProblemHandler } from '../http/client.ts';
import { setLoginNotice } from '../auth/loginNotice.ts';
import { dropSession, SESSION_KEY } from '../auth/session.ts';
import { FullPageSpin } from '../components/FullPageSpin.tsx';
import { PAGES } from './modules.ts';
import { createQueryClient } from './queryClient.ts';
import { createRoutes } from './routes.tsx';

const THEME = {
  token: { colorPrimary: '#c0392b', colorLink: '#b0282f', borderRadius: 4 },
};

/** Locale, theme, toasts and the query cache: everything a page needs around it (tests use it too). */
export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  useEffect(() => {
    // A request that finds the session gone or a password change due sends the user there: the
    // route guards follow the session query.
    setAuthProblemHandler((problem) => {
      if (problem === 'password') {
        void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
        return;
      }
      if (problem === 'expired') setLoginNotice('expired');
      dropSession(queryClient);
    });
  }, [queryClient]);

  return (
    <ConfigProvider locale={zhCN} theme={THEME}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <Suspense fallback={<FullPageSpin />}>{children}</Suspense>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createBrowserRouter(createRoutes(PAGES)));
  return (
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
