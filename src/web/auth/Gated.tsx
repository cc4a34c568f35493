import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { FullPageSpin } from '../components/FullPageSpin.tsx';
import { QueryError } from '../components/QueryError.tsx';
import { GATE_PATHS, gateOf, type Gate } from './gate.ts';
import { useSession } from './session.ts';

interface FromState {
  from?: string;
}

/**
 * Renders its children only when the session is in the given state, and otherwise sends the user
 * where the session belongs: first-run, login, forced password change or the app. The login page
 * remembers where the user was going.
 */
export function Gated({ gate, children }: { gate: Gate; children: ReactNode }) {
  const location = useLocation();
  const { data: session, error, refetch, isPending } = useSession();
  if (isPending) return <FullPageSpin />;
  if (!session) return <QueryError error={error} onRetry={() => void refetch()} />;
  const actual = gateOf(session);
  if (actual === gate) return children;
  if (actual === 'login' && gate === 'app') {
    const from = location.pathname + location.search;
    return <Navigate to={GATE_PATHS.login} replace state={{ from } satisfies FromState} />;
  }
  if (actual === 'app' && gate === 'login') {
    const from = (location.state as FromState | null)?.from;
    return <Navigate to={from && from.startsWith('/') ? from : GATE_PATHS.app} replace />;
  }
  return <Navigate to={GATE_PATHS[actual]} replace />;
}
