import { transport } from '../api/instance';
import { SessionStore } from './session';

/** The app-wide session, fed by the app-wide transport. */
export const session = new SessionStore(transport);
