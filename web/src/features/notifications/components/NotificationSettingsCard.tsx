import { useState } from 'react';
import { errorText } from '../../../shared/api/errorText';
import type { NotificationType } from '../../../shared/api/types';
import { Notice } from '../../../shared/components/Notice';
import { fmt, label } from '../../../shared/i18n';
import { useNotificationSettings, useSetMuted } from '../api/queries';
import { useNotificationsI18n } from '../i18n';

/** 알림 설정: one switch per type the server knows; off mutes it. Each change is saved at once. */
export function NotificationSettingsCard() {
  const { t } = useNotificationsI18n();
  const settings = useNotificationSettings();
  const setMuted = useSetMuted();
  const [saved, setSaved] = useState<string | null>(null);
  const muted = new Set(settings.data?.muted ?? []);

  const toggle = (type: NotificationType, on: boolean) => {
    setSaved(null);
    setMuted.mutate(
      { type, muted: !on },
      {
        onSuccess: () =>
          setSaved(
            fmt(t.notificationSettings.saved, {
              type: label(t.notificationTypes.label, type),
              state: on ? t.notificationSettings.turnedOn : t.notificationSettings.turnedOff,
            }),
          ),
      },
    );
  };

  return (
    <section id="notification-settings" className="card notification-settings" aria-labelledby="notification-settings-title">
      <h2 id="notification-settings-title">{t.notificationSettings.title}</h2>
      <p className="muted">{t.notificationSettings.lead}</p>
      {settings.error ? (
        <Notice tone="error">
          {errorText(settings.error, t)}{' '}
          <button type="button" className="btn btn-ghost btn-small" onClick={() => void settings.refetch()}>
            {t.common.retry}
          </button>
        </Notice>
      ) : null}
      {setMuted.error ? <Notice tone="error">{errorText(setMuted.error, t)}</Notice> : null}
      {settings.isPending && !settings.error ? (
        <p role="status" className="muted">
          {t.common.loading}
        </p>
      ) : null}
      {settings.data ? (
        <ul className="setting-list">
          {settings.data.types.map((type) => {
            const on = !muted.has(type);
            const id = `notify-setting-${type}`;
            return (
              <li key={type} className="setting-row">
                <label htmlFor={id} className="setting-text">
                  <span className="setting-name">{label(t.notificationTypes.label, type)}</span>
                  <span className="hint" id={`${id}-hint`}>
                    {label(t.notificationTypes.hint, type)}
                  </span>
                </label>
                <input
                  id={id}
                  type="checkbox"
                  role="switch"
                  className="switch"
                  name={id}
                  data-testid={id}
                  checked={on}
                  aria-describedby={`${id}-hint`}
                  onChange={(e) => toggle(type, e.target.checked)}
                />
              </li>
            );
          })}
        </ul>
      ) : null}
      <p role="status" className="setting-saved small">
        {saved}
      </p>
    </section>
  );
}
