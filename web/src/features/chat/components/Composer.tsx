import { forwardRef, useImperativeHandle, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { fmt } from '../../../shared/i18n';
import { COUNTER_FROM, MAX_MESSAGE_CHARS, checkDraft } from '../model/draft';
import { useChatI18n } from '../i18n';

const MAX_HEIGHT_PX = 144;

export interface ComposerHandle {
  focus(): void;
}

/** What the photo button offers to pick: the formats the media service decodes. */
const PHOTO_TYPES = 'image/jpeg,image/png,image/webp,image/gif,image/heic,image/heif';

/**
 * The message box: Enter sends (not while an IME is composing a syllable), Shift+Enter starts a new line; a
 * counter near the 1000-character limit; a photo button; off, with the reason beside it, once the room takes
 * no messages.
 */
export const Composer = forwardRef<
  ComposerHandle,
  { closedReason: string | null; onSend: (text: string) => void; onSendPhoto: (file: File) => void; onTyping: () => void }
>(
  function Composer({ closedReason, onSend, onSendPhoto, onTyping }, ref) {
    const { t } = useChatI18n();
    const [value, setValue] = useState('');
    const input = useRef<HTMLTextAreaElement>(null);
    useImperativeHandle(ref, () => ({ focus: () => input.current?.focus() }), []);
    const draft = checkDraft(value);
    const closed = closedReason !== null;
    const showCounter = draft.length >= COUNTER_FROM;

    // Grow with the text up to a few lines, then scroll.
    useLayoutEffect(() => {
      const el = input.current;
      if (!el) return;
      el.style.height = 'auto';
      el.style.height = `${Math.min(el.scrollHeight, MAX_HEIGHT_PX)}px`;
    }, [value]);

    const submit = () => {
      if (closed || draft.problem) return;
      onSend(draft.text);
      setValue('');
      input.current?.focus();
    };
    const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
      if (e.key !== 'Enter' || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.nativeEvent.isComposing || e.keyCode === 229) return; // the IME's Enter finishes a syllable
      e.preventDefault();
      submit();
    };

    const described = ['composer-keys', showCounter ? 'composer-counter' : '', closed ? 'composer-closed' : ''].filter(Boolean).join(' ');
    return (
      <form
        className={`composer${closed ? ' is-closed' : ''}`}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {closed ? (
          <p className="composer-closed" id="composer-closed" data-testid="chat-closed" role="status">
            {closedReason}
          </p>
        ) : null}
        <div className="composer-row">
          <label className={`composer-photo${closed ? ' is-disabled' : ''}`} data-testid="chat-photo-button" title={t.chatRoom.sendPhoto}>
            <input
              type="file"
              accept={PHOTO_TYPES}
              className="visually-hidden"
              data-testid="chat-photo-input"
              aria-label={t.chatRoom.sendPhoto}
              disabled={closed}
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = ''; // the same file can be picked again
                if (file) onSendPhoto(file);
              }}
            />
            <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
              <path
                fill="currentColor"
                d="M9 3 7.2 5H4a2 2 0 0 0-2 2v11a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2h-3.2L15 3H9Zm3 5a5 5 0 1 1 0 10 5 5 0 0 1 0-10Zm0 2a3 3 0 1 0 0 6 3 3 0 0 0 0-6Z"
              />
            </svg>
          </label>
          <label htmlFor="chat-input" className="visually-hidden">
            {t.chatRoom.composerLabel}
          </label>
          <textarea
            ref={input}
            id="chat-input"
            name="chat-input"
            data-testid="chat-input"
            rows={1}
            value={value}
            disabled={closed}
            placeholder={closed ? t.chatRoom.placeholderClosed : t.chatRoom.placeholder}
            enterKeyHint="send"
            aria-describedby={described}
            aria-invalid={draft.problem === 'too_long' || undefined}
            onChange={(e) => {
              setValue(e.target.value);
              if (e.target.value.trim()) onTyping();
            }}
            onKeyDown={onKeyDown}
          />
          <button type="submit" className="btn btn-primary composer-send" name="chat-send" data-testid="chat-send" disabled={closed || draft.problem !== null}>
            {t.chatRoom.send}
          </button>
        </div>
        <p className="visually-hidden" id="composer-keys">
          {t.chatRoom.keyHint}
        </p>
        {showCounter ? (
          <p className={`composer-counter${draft.problem === 'too_long' ? ' is-over' : ''}`} id="composer-counter" data-testid="chat-counter">
            <span aria-hidden="true">
              {draft.length.toLocaleString()}/{MAX_MESSAGE_CHARS.toLocaleString()}
            </span>
            <span className="visually-hidden">{fmt(t.chatRoom.counterLabel, { n: draft.length, max: MAX_MESSAGE_CHARS })}</span>
            {/* Announced when it appears; the count itself is not read out at every keystroke. */}
            <span className="composer-over" aria-live="polite">
              {draft.problem === 'too_long' ? fmt(t.chatRoom.tooLong, { max: MAX_MESSAGE_CHARS.toLocaleString() }) : ''}
            </span>
          </p>
        ) : null}
      </form>
    );
  },
);
