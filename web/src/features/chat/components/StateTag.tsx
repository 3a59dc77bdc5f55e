import { label } from '../../../shared/i18n';
import { useChatI18n } from '../i18n';

/** The listing's state as the room list and the room show it; nothing for one simply for sale. */
export function StateTag({ state }: { state: string }) {
  const { t } = useChatI18n();
  if (state === 'selling') return null;
  return <span className={`chat-state chat-state-${state}`}>{label(t.chatState, state)}</span>;
}
