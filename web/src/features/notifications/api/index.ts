import { transport } from '../../../shared/api/instance';
import { createNotificationsApi } from './notificationsApi';

export const notificationsApi = createNotificationsApi(transport);
