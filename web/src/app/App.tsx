import { Suspense, useEffect } from 'react';
import { BrowserRouter, Route, Routes, useLocation } from 'react-router-dom';
import { QueryClientProvider } from '@tanstack/react-query';
import { RequireAuth, session } from '../shared/auth';
import { PageErrorBoundary } from '../shared/components/PageErrorBoundary';
import { PageLoading } from '../shared/components/PageLoading';
import { I18nProvider } from '../shared/i18n';
import { connectQueryClient, createQueryClient } from '../shared/query/queryClient';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { dictionaries } from './dictionaries';
import { ROUTES } from './features';

// One cache per page load, kept in step with the session and the language.
const queryClient = createQueryClient();
connectQueryClient(queryClient, session);

function AppRoutes() {
  const { pathname } = useLocation();
  return (
    <PageErrorBoundary resetKey={pathname}>
      {/* Each page is its own chunk. Navigations run as transitions, so the old page stays until the new one is
          ready; the fallback shows only on a first load. */}
      <Suspense fallback={<PageLoading />}>
        <Routes>
          {ROUTES.map(({ path, page: Page, requiresAuth }) => (
            <Route
              key={path}
              path={path}
              element={
                requiresAuth ? (
                  <RequireAuth>
                    <Page />
                  </RequireAuth>
                ) : (
                  <Page />
                )
              }
            />
          ))}
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </PageErrorBoundary>
  );
}

export function App() {
  // One restore attempt per page load (the store shares it between callers).
  useEffect(() => {
    void session.restore();
  }, []);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider dictionaries={dictionaries}>
        <BrowserRouter>
          <Layout>
            <AppRoutes />
          </Layout>
        </BrowserRouter>
      </I18nProvider>
    </QueryClientProvider>
  );
}
