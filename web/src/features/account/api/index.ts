import { transport } from '../../../shared/api/instance';
import { session } from '../../../shared/auth';
import { createAccountApi } from './accountApi';

export const accountApi = createAccountApi(transport, session);
