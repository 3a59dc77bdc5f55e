import { transport } from '../../../shared/api/instance';
import { createMarketApi } from './marketApi';

export const marketApi = createMarketApi(transport);
