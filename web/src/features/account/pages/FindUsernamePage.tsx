import { EmailRequestForm } from '../components/EmailRequestForm';

export function FindUsernamePage() {
  return <EmailRequestForm kind="findUsername" />;
}
