import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { FindUsernamePage } from '../features/account/pages/FindUsernamePage';
import { KakaoDonePage } from '../features/account/pages/KakaoDonePage';
import { LoginPage } from '../features/account/pages/LoginPage';
import { MePage } from '../features/account/pages/MePage';
import { ResetPasswordConfirmPage } from '../features/account/pages/ResetPasswordConfirmPage';
import { ResetPasswordPage } from '../features/account/pages/ResetPasswordPage';
import { SignupPage } from '../features/account/pages/SignupPage';
import { VerifyEmailPage } from '../features/account/pages/VerifyEmailPage';
import { DevMailboxPage } from '../features/dev/pages/DevMailboxPage';
import { HomePage } from '../features/home/pages/HomePage';
import { PlantDetailPage } from '../features/plants/pages/PlantDetailPage';
import { PlantListPage } from '../features/plants/pages/PlantListPage';
import { session } from '../shared/auth';
import { I18nProvider } from '../shared/i18n';
import { connectQueryClient, createQueryClient } from '../shared/query/queryClient';
import { dictionaries } from './dictionaries';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';

// One cache per page load, kept in step with the session and the language.
const queryClient = createQueryClient();
connectQueryClient(queryClient, session);

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
            <Routes>
              <Route path="/" element={<HomePage />} />
              <Route path="/signup" element={<SignupPage />} />
              <Route path="/verify-email" element={<VerifyEmailPage />} />
              <Route path="/login" element={<LoginPage />} />
              <Route path="/auth/kakao/done" element={<KakaoDonePage />} />
              <Route path="/find-username" element={<FindUsernamePage />} />
              <Route path="/reset-password" element={<ResetPasswordPage />} />
              <Route path="/reset-password/confirm" element={<ResetPasswordConfirmPage />} />
              <Route path="/me" element={<MePage />} />
              <Route path="/plants" element={<PlantListPage />} />
              <Route path="/plants/:id" element={<PlantDetailPage />} />
              <Route path="/dev/mailbox" element={<DevMailboxPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </Layout>
        </BrowserRouter>
      </I18nProvider>
    </QueryClientProvider>
  );
}
