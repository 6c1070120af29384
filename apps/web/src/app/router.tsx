import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { PageLoader } from '../components/PageLoader';
import { RouteError } from '../components/RouteError';
import { RequireAuth } from '../features/auth/RequireAuth';
import { RequirePermission } from '../features/auth/RequirePermission';

const SignInPage = lazy(() => import('../features/auth/SignInPage'));
const FirstRunPage = lazy(() => import('../features/auth/FirstRunPage'));
const AppLayout = lazy(() => import('../features/shell/AppLayout'));
const StakeholderListPage = lazy(() => import('../features/stakeholders/StakeholderListPage'));
const StakeholderDetailPage = lazy(() => import('../features/stakeholders/StakeholderDetailPage'));
const StakeholderNewPage = lazy(() => import('../features/stakeholders/StakeholderNewPage'));
const StakeholderEditPage = lazy(() => import('../features/stakeholders/StakeholderEditPage'));
const StakeholderMapPage = lazy(() => import('../features/map/StakeholderMapPage'));
const SaliencePage = lazy(() => import('../features/salience/SaliencePage'));
const EngagementPage = lazy(() => import('../features/engagement/EngagementPage'));
const GroupListPage = lazy(() => import('../features/groups/GroupListPage'));
const GroupPage = lazy(() => import('../features/groups/GroupPage'));
const DuePage = lazy(() => import('../features/due/DuePage'));
const DuplicatesPage = lazy(() => import('../features/duplicates/DuplicatesPage'));
const ImportPage = lazy(() => import('../features/imports/ImportPage'));
const ApproachOverviewPage = lazy(() => import('../features/approach/ApproachOverviewPage'));
const OrgUnitsPage = lazy(() => import('../features/org-units/OrgUnitsPage'));
const CultureListPage = lazy(() => import('../features/culture/CultureListPage'));
const CultureDetailPage = lazy(() => import('../features/culture/CultureDetailPage'));
const CultureFormPage = lazy(() => import('../features/culture/CultureFormPage'));
const CultureComparePage = lazy(() => import('../features/culture/CultureComparePage'));
const PrincipleListPage = lazy(() => import('../features/principles/PrincipleListPage'));
const PrincipleDetailPage = lazy(() => import('../features/principles/PrincipleDetailPage'));
const MaterialListPage = lazy(() => import('../features/materials/MaterialListPage'));
const MaterialDetailPage = lazy(() => import('../features/materials/MaterialDetailPage'));
const ApproachReviewListPage = lazy(() => import('../features/approach-reviews/ApproachReviewListPage'));
const ApproachReviewPage = lazy(() => import('../features/approach-reviews/ApproachReviewPage'));
const ApproachReviewPrintPage = lazy(() => import('../features/approach-reviews/ApproachReviewPrintPage'));
const ReviewsPage = lazy(() => import('../features/relationship-reviews/ReviewsPage'));
const RelationshipReviewPage = lazy(() => import('../features/relationship-reviews/RelationshipReviewPage'));
const RelationshipReviewPrintPage = lazy(
  () => import('../features/relationship-reviews/RelationshipReviewPrintPage'),
);
const ImprovementRegisterPage = lazy(() => import('../features/improvements/ImprovementRegisterPage'));
const LessonsPage = lazy(() => import('../features/lessons/LessonsPage'));
const NotificationsPage = lazy(() => import('../features/notifications/NotificationsPage'));
const ModelListPage = lazy(() => import('../features/models/ModelListPage'));
const ModelDetailPage = lazy(() => import('../features/models/ModelDetailPage'));
const ModelEditorPage = lazy(() => import('../features/models/ModelEditorPage'));
const RelationshipListPage = lazy(() => import('../features/relationships/RelationshipListPage'));
const RelationshipOpenPage = lazy(() => import('../features/relationships/RelationshipOpenPage'));
const RelationshipDetailPage = lazy(() => import('../features/relationships/RelationshipDetailPage'));
const RelationshipBoardPage = lazy(() => import('../features/relationships/board/RelationshipBoardPage'));
const ExceptionListPage = lazy(() => import('../features/exceptions/ExceptionListPage'));
const ExceptionDetailPage = lazy(() => import('../features/exceptions/ExceptionDetailPage'));
const MyWorkPage = lazy(() => import('../features/work/MyWorkPage'));
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage'));
const ReportsPage = lazy(() => import('../features/reports/ReportsPage'));
const UsersPage = lazy(() => import('../features/admin/UsersPage'));
const TokensPage = lazy(() => import('../features/admin/TokensPage'));
const DataExportPage = lazy(() => import('../features/admin/DataExportPage'));
const WebhooksPage = lazy(() => import('../features/webhooks/WebhooksPage'));
const SurveyListPage = lazy(() => import('../features/surveys/SurveyListPage'));
const SurveyPage = lazy(() => import('../features/surveys/SurveyPage'));
const PublicSurveyPage = lazy(() => import('../features/surveys/PublicSurveyPage'));
const ValueChainPage = lazy(() => import('../features/value-chain/ValueChainPage'));
const KpisPage = lazy(() => import('../features/kpis/KpisPage'));
const KpiRecordsPage = lazy(() => import('../features/kpis/KpiRecordsPage'));
const NotFoundPage = lazy(() => import('../components/NotFoundPage'));

function page(element: React.ReactNode) {
  return <Suspense fallback={<PageLoader />}>{element}</Suspense>;
}

export const router = createBrowserRouter([
  { path: '/setup', element: page(<FirstRunPage />), errorElement: <RouteError /> },
  { path: '/sign-in', element: page(<SignInPage />), errorElement: <RouteError /> },
  // A survey link: public, outside the signed-in shell.
  { path: '/s/:token', element: page(<PublicSurveyPage />), errorElement: <RouteError /> },
  {
    path: '/',
    element: <RequireAuth>{page(<AppLayout />)}</RequireAuth>,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/work" replace /> },
      { path: 'work', element: page(<MyWorkPage />) },
      { path: 'dashboard', element: page(<DashboardPage />) },
      { path: 'notifications', element: page(<NotificationsPage />) },
      { path: 'stakeholders', element: page(<StakeholderListPage />) },
      { path: 'stakeholders/map', element: page(<StakeholderMapPage />) },
      { path: 'stakeholders/salience', element: page(<SaliencePage />) },
      { path: 'stakeholders/engagement', element: page(<EngagementPage />) },
      { path: 'stakeholders/groups', element: page(<GroupListPage />) },
      { path: 'stakeholders/groups/:id', element: page(<GroupPage />) },
      { path: 'stakeholders/due', element: page(<DuePage />) },
      {
        path: 'stakeholders/duplicates',
        element: (
          <RequirePermission permission="stakeholders.merge">{page(<DuplicatesPage />)}</RequirePermission>
        ),
      },
      {
        path: 'stakeholders/import',
        element: (
          <RequirePermission permission="stakeholders.import">{page(<ImportPage />)}</RequirePermission>
        ),
      },
      {
        path: 'stakeholders/new',
        element: (
          <RequirePermission permission="stakeholders.write">
            {page(<StakeholderNewPage />)}
          </RequirePermission>
        ),
      },
      { path: 'stakeholders/:id', element: page(<StakeholderDetailPage />) },
      {
        path: 'stakeholders/:id/edit',
        element: (
          <RequirePermission permission="stakeholders.write">
            {page(<StakeholderEditPage />)}
          </RequirePermission>
        ),
      },
      { path: 'exceptions', element: page(<ExceptionListPage />) },
      { path: 'exceptions/:id', element: page(<ExceptionDetailPage />) },
      { path: 'relationships', element: page(<RelationshipListPage />) },
      {
        path: 'relationships/new',
        element: (
          <RequirePermission permission="relationships.write">
            {page(<RelationshipOpenPage />)}
          </RequirePermission>
        ),
      },
      { path: 'relationships/board', element: page(<RelationshipBoardPage />) },
      { path: 'relationships/:id', element: page(<RelationshipDetailPage />) },
      { path: 'approach', element: page(<ApproachOverviewPage />) },
      { path: 'approach/org-units', element: page(<OrgUnitsPage />) },
      { path: 'approach/culture', element: page(<CultureListPage />) },
      { path: 'approach/culture/compare', element: page(<CultureComparePage />) },
      {
        path: 'approach/culture/new',
        element: (
          <RequirePermission permission="approach.write">{page(<CultureFormPage />)}</RequirePermission>
        ),
      },
      { path: 'approach/culture/:id', element: page(<CultureDetailPage />) },
      {
        path: 'approach/culture/:id/edit',
        element: (
          <RequirePermission permission="approach.write">{page(<CultureFormPage />)}</RequirePermission>
        ),
      },
      { path: 'approach/principles', element: page(<PrincipleListPage />) },
      { path: 'approach/principles/:id', element: page(<PrincipleDetailPage />) },
      { path: 'approach/models', element: page(<ModelListPage />) },
      {
        path: 'approach/models/new',
        element: (
          <RequirePermission permission="approach.write">{page(<ModelEditorPage />)}</RequirePermission>
        ),
      },
      { path: 'approach/models/:id', element: page(<ModelDetailPage />) },
      {
        path: 'approach/models/:id/edit',
        element: (
          <RequirePermission permission="approach.write">{page(<ModelEditorPage />)}</RequirePermission>
        ),
      },
      { path: 'approach/materials', element: page(<MaterialListPage />) },
      { path: 'approach/materials/:id', element: page(<MaterialDetailPage />) },
      { path: 'approach/reviews', element: page(<ApproachReviewListPage />) },
      { path: 'approach/reviews/:id', element: page(<ApproachReviewPage />) },
      { path: 'approach/reviews/:id/print', element: page(<ApproachReviewPrintPage />) },
      { path: 'reviews', element: page(<ReviewsPage />) },
      { path: 'reviews/:id', element: page(<RelationshipReviewPage />) },
      { path: 'reviews/:id/print', element: page(<RelationshipReviewPrintPage />) },
      { path: 'improvements', element: page(<ImprovementRegisterPage />) },
      { path: 'lessons', element: page(<LessonsPage />) },
      { path: 'surveys', element: page(<SurveyListPage />) },
      { path: 'surveys/:id', element: page(<SurveyPage />) },
      { path: 'reports', element: page(<ReportsPage />) },
      { path: 'reports/value-chain', element: page(<ValueChainPage />) },
      { path: 'kpis', element: page(<KpisPage />) },
      { path: 'kpis/:key', element: page(<KpiRecordsPage />) },
      {
        path: 'admin/users',
        element: <RequirePermission permission="users.manage">{page(<UsersPage />)}</RequirePermission>,
      },
      {
        path: 'admin/export',
        element: <RequirePermission permission="data.export">{page(<DataExportPage />)}</RequirePermission>,
      },
      {
        path: 'admin/webhooks',
        element: <RequirePermission permission="webhooks.manage">{page(<WebhooksPage />)}</RequirePermission>,
      },
      {
        path: 'settings/tokens',
        element: <RequirePermission permission="tokens.own">{page(<TokensPage />)}</RequirePermission>,
      },
      { path: '*', element: page(<NotFoundPage />) },
    ],
  },
]);
