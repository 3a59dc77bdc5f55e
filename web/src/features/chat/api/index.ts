import { transport } from '../../../shared/api/instance';
import { realtime } from '../../../shared/realtime';
import { createChatApi } from './chatApi';
import { createRoomLink } from './live';

export const chatApi = createChatApi(transport);

export const roomLink = createRoomLink({
  publish: (destination, body, headers) => realtime.manager.publish(destination, body, headers),
  api: chatApi,
});
