import { EmailRequestForm } from '../components/EmailRequestForm';

export function ResetPasswordPage() {
  return <EmailRequestForm kind="resetPassword" />;
}
