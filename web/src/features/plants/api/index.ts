import { transport } from '../../../shared/api/instance';
import { createPlantsApi } from './plantsApi';

export const plantsApi = createPlantsApi(transport);
