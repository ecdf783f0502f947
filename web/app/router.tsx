import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import { createBrowserRouter, Navigate, Outlet, useLocation, useRouteError } from 'react-router';
import type { Permission } from '../../contracts/accounts';
import { useLocale, useT } from '../i18n';
import { useCan, useMeQuery, useSetupStatus } from './session';
import { Shell } from './Shell';
import { FullPageSpin, LoadError } from './ui';

const SetupPage = lazy(() => import('../features/setup/SetupPage'));
const LoginPage = lazy(() => import('../features/setup/LoginPage'));
const AcceptLinkPage = lazy(() => import('../features/setup/AcceptLinkPage'));
const OverviewPage = lazy(() => import('../features/overview/OverviewPage'));
const TeamsPage = lazy(() => import('../features/team/TeamsPage'));
const PositionsPage = lazy(() => import('../features/catalog/PositionsPage'));
const DutiesPage = lazy(() => import('../features/catalog/DutiesPage'));
const MatrixPage = lazy(() => import('../features/catalog/MatrixPage'));
const PeoplePage = lazy(() => import('../features/people/PeoplePage'));
const AccessPage = lazy(() => import('../features/accounts/AccessPage'));
const ProfilePage = lazy(() => import('../features/accounts/ProfilePage'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));
const SessionsPage = lazy(() => import('../features/planning/SessionsPage'));
const SessionDetailPage = lazy(() => import('../features/planning/SessionDetailPage'));
const CalendarPage = lazy(() => import('../features/planning/CalendarPage'));
const MySchedulePage = lazy(() => import('../features/planning/MySchedulePage'));
const WorkloadPage = lazy(() => import('../features/planning/WorkloadPage'));
const ProductsPage = lazy(() => import('../features/products/ProductsPage'));
const LiveMonitorPage = lazy(() => import('../features/live/LiveMonitorPage'));
const FindingsReportPage = lazy(() => import('../features/findings/FindingsReportPage'));
const LiveWallPage = lazy(() => import('../features/live/LiveWallPage'));
const PacksPage = lazy(() => import('../features/compliance/PacksPage'));
const PackDetailPage = lazy(() => import('../features/compliance/PackDetailPage'));
const ContentPage = lazy(() => import('../features/content/ContentPage'));
const ContentEditorPage = lazy(() => import('../features/content/ContentEditorPage'));
const AlertsPage = lazy(() => import('../features/alerts/AlertsPage'));
const IncidentsPage = lazy(() => import('../features/incidents/IncidentsPage'));
const IncidentDetailPage = lazy(() => import('../features/incidents/IncidentDetailPage'));
const PlaybooksPage = lazy(() => import('../features/incidents/PlaybooksPage'));
const RisksPage = lazy(() => import('../features/incidents/RisksPage'));
const MyTasksPage = lazy(() => import('../features/incidents/MyTasksPage'));
const ChannelsPage = lazy(() => import('../features/channels/ChannelsPage'));
const LexiconPage = lazy(() => import('../features/sentiment/LexiconPage'));
const SessionReviewPage = lazy(() => import('../features/analytics/SessionReviewPage'));
const ImportsPage = lazy(() => import('../features/imports/ImportsPage'));
const SuggestionsPage = lazy(() => import('../features/suggestions/SuggestionsPage'));
const DashboardsPage = lazy(() => import('../features/dashboards/DashboardsPage'));
const WeeklyReportsPage = lazy(() => import('../features/dashboards/WeeklyReportsPage'));

/** First gate: until the owner account exists every route leads to /setup. */
function Root() {
  const setup = useSetupStatus();
  const location = useLocation();
  if (setup.isPending) return <FullPageSpin />;
  if (setup.isError) return <LoadError error={setup.error} onRetry={() => void setup.refetch()} />;
  const onSetup = location.pathname === '/setup';
  if (setup.data.needsSetup && !onSetup) return <Navigate to="/setup" replace />;
  if (!setup.data.needsSetup && onSetup) return <Navigate to="/" replace />;
  return (
    <>
      {setup.data.needsSetup ? null : <ProfileLocaleSync />}
      <Suspense fallback={<FullPageSpin />}>
        <Outlet />
      </Suspense>
    </>
  );
}

/** A language chosen in the profile wins over the browser and the stored choice. */
function ProfileLocaleSync() {
  const me = useMeQuery();
  const { locale, setLocale } = useLocale();
  const profileLocale = me.data?.user.locale ?? null;
  useEffect(() => {
    if (profileLocale && profileLocale !== locale) setLocale(profileLocale);
    // Only react to a change of the profile's language, not to every switch in the header.
  }, [profileLocale]);
  return null;
}

/** Second gate: the console needs a session; without one go to /login and come back afterwards. */
function RequireAuth() {
  const me = useMeQuery();
  const location = useLocation();
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) return <LoadError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Shell />;
}

/** Pages a role may not open say so instead of failing on every request. */
function Allowed({ when, children }: { when: Permission | 'owner'; children: ReactNode }) {
  const can = useCan();
  const me = useMeQuery();
  const t = useT();
  const allowed = when === 'owner' ? me.data?.user.role === 'owner' : can(when);
  if (!allowed) {
    return (
      <div data-testid="page-forbidden">
        <Result status="403" title={t('error.forbiddenTitle')} subTitle={t('error.forbiddenPage')} />
      </div>
    );
  }
  return <>{children}</>;
}

function NotFound() {
  const t = useT();
  return <Result status="404" title={t('error.notFoundTitle')} subTitle={t('error.notFoundPage')} extra={<Button href="/">{t('nav.overview')}</Button>} />;
}

function RouteError() {
  const error = useRouteError();
  return <LoadError error={error} onRetry={() => window.location.reload()} />;
}

export const router = createBrowserRouter([
  {
    element: <Root />,
    errorElement: <RouteError />,
    children: [
      { path: '/setup', element: <SetupPage /> },
      { path: '/login', element: <LoginPage /> },
      { path: '/invite/:token', element: <AcceptLinkPage /> },
      { path: '/reset/:token', element: <AcceptLinkPage /> },
      {
        element: <RequireAuth />,
        children: [
          { index: true, element: <OverviewPage /> },
          { path: '/teams', element: <Allowed when="team:read"><TeamsPage /></Allowed> },
          { path: '/positions', element: <Allowed when="catalog:read"><PositionsPage /></Allowed> },
          { path: '/duties', element: <Allowed when="catalog:read"><DutiesPage /></Allowed> },
          { path: '/matrix', element: <Allowed when="catalog:read"><MatrixPage /></Allowed> },
          { path: '/people', element: <Allowed when="person:read"><PeoplePage /></Allowed> },
          { path: '/access', element: <Allowed when="owner"><AccessPage /></Allowed> },
          { path: '/audit', element: <Allowed when="audit:read"><AuditPage /></Allowed> },
          { path: '/sessions', element: <Allowed when="room:read"><SessionsPage /></Allowed> },
          { path: '/sessions/:id', element: <Allowed when="room:read"><SessionDetailPage /></Allowed> },
          { path: '/sessions/:id/live', element: <Allowed when="room:read"><LiveMonitorPage /></Allowed> },
          { path: '/sessions/:id/review', element: <Allowed when="room:read"><SessionReviewPage /></Allowed> },
          { path: '/imports', element: <Allowed when="room:read"><ImportsPage /></Allowed> },
          { path: '/suggestions', element: <Allowed when="room:read"><SuggestionsPage /></Allowed> },
          { path: '/dashboards', element: <Allowed when="room:read"><DashboardsPage /></Allowed> },
          { path: '/reports/weekly', element: <Allowed when="room:read"><WeeklyReportsPage /></Allowed> },
          { path: '/live', element: <Allowed when="room:read"><LiveWallPage /></Allowed> },
          { path: '/compliance/findings', element: <Allowed when="room:read"><FindingsReportPage /></Allowed> },
          { path: '/calendar', element: <Allowed when="room:read"><CalendarPage /></Allowed> },
          { path: '/content', element: <Allowed when="room:read"><ContentPage /></Allowed> },
          { path: '/content/:id', element: <Allowed when="room:read"><ContentEditorPage /></Allowed> },
          { path: '/compliance/packs', element: <Allowed when="catalog:read"><PacksPage /></Allowed> },
          { path: '/compliance/packs/:id', element: <Allowed when="catalog:read"><PackDetailPage /></Allowed> },
          { path: '/products', element: <Allowed when="catalog:read"><ProductsPage /></Allowed> },
          { path: '/workload', element: <Allowed when="person:read"><WorkloadPage /></Allowed> },
          { path: '/channels', element: <Allowed when="channel:manage"><ChannelsPage /></Allowed> },
          { path: '/alerts', element: <Allowed when="room:read"><AlertsPage /></Allowed> },
          { path: '/incidents', element: <Allowed when="room:read"><IncidentsPage /></Allowed> },
          { path: '/incidents/:id', element: <Allowed when="room:read"><IncidentDetailPage /></Allowed> },
          { path: '/playbooks', element: <Allowed when="room:read"><PlaybooksPage /></Allowed> },
          { path: '/sentiment/lexicon', element: <Allowed when="room:read"><LexiconPage /></Allowed> },
          { path: '/risks', element: <Allowed when="room:read"><RisksPage /></Allowed> },
          { path: '/my-schedule', element: <MySchedulePage /> },
          { path: '/my-tasks', element: <MyTasksPage /> },
          { path: '/profile', element: <ProfilePage /> },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
