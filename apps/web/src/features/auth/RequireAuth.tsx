import { type ReactNode, useEffect } from 'react';
import { Navigate, useLocation } from 'react-router';
import { applyLocale } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useMe, useSetupState } from './auth.queries';

/** On start: a new installation asks for its first administrator; otherwise one must be signed in. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation();
  const setup = useSetupState();
  const me = useMe(setup.data?.needsFirstAdmin === false);
  const locale = me.data?.locale;

  useEffect(() => {
    if (locale) void applyLocale(locale);
  }, [locale]);

  if (setup.isPending || (setup.data?.needsFirstAdmin === false && me.isPending)) return <PageLoader />;
  if (setup.isError) return <ErrorAlert error={setup.error} onRetry={() => void setup.refetch()} />;
  if (setup.data.needsFirstAdmin) return <Navigate to="/setup" replace />;
  if (me.isError) return <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    const search = next && next !== '/' ? `?next=${encodeURIComponent(next)}` : '';
    return <Navigate to={`/sign-in${search}`} replace />;
  }
  return children;
}
