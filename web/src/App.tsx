import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { AuthProvider } from './auth/AuthContext';
import { Layout } from './components/Layout';
import { I18nProvider } from './i18n';
import { DevMailboxPage } from './pages/DevMailboxPage';
import { FindUsernamePage, ResetPasswordPage } from './pages/EmailRequestPage';
import { HomePage } from './pages/HomePage';
import { KakaoDonePage } from './pages/KakaoDonePage';
import { LoginPage } from './pages/LoginPage';
import { MePage } from './pages/MePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PlantDetailPage } from './pages/PlantDetailPage';
import { PlantListPage } from './pages/PlantListPage';
import { ResetPasswordConfirmPage } from './pages/ResetPasswordConfirmPage';
import { SignupPage } from './pages/SignupPage';
import { VerifyEmailPage } from './pages/VerifyEmailPage';

export function App() {
  return (
    <I18nProvider>
      <AuthProvider>
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
      </AuthProvider>
    </I18nProvider>
  );
}
