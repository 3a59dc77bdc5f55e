import { transport } from '../../../shared/api/instance';
import { createDevApi } from './devApi';

export const devApi = createDevApi(transport);
