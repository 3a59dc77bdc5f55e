// English strings of the notifications. Same keys as the Korean file.
import type { NotificationsDict } from './ko';

export const en: NotificationsDict = {
  notifications: {
    title: 'Notifications',
    unreadCount: '{n} unread',
    allRead: 'All caught up.',
    readAll: 'Mark all read',
    readAllDone: 'Marked every notification read.',
    toSettings: 'Settings',
    listLabel: 'Notifications',
    unread: 'Unread',
    remove: 'Delete notification: {text}',
    removed: 'Notification deleted.',
    loadMore: 'Show more',
    loadingMore: 'Loading more…',
    emptyTitle: 'No notifications yet',
    emptyBody: 'When someone adds your listing to their wish list, or a listing with one of your keywords is posted, you will hear about it here at once.',
    emptyKeywords: 'Set up keyword alerts',
    noLink: 'This notification has no page to open.',
  },
  notificationSettings: {
    title: 'Notification settings',
    lead: 'Choose what to be told about. Notifications of a type you turn off are not kept, so turning it back on later does not bring them back.',
    on: 'On',
    saved: '{type} notifications {state}.',
    turnedOn: 'turned on',
    turnedOff: 'turned off',
  },
  notificationTypes: {
    label: {
      comment: 'Comment',
      reply: 'Reply',
      like: 'Like',
      wish: 'Wish list',
      keyword: 'Keyword',
      chat: 'Chat',
      payment: 'Payment',
      coupon: 'Coupon',
    },
    hint: {
      comment: 'Someone comments on your post',
      reply: 'Someone replies to your comment',
      like: 'Someone likes your post',
      wish: 'Someone adds your listing to their wish list',
      keyword: 'A listing with one of your keywords is posted',
      chat: 'A new chat message arrives',
      payment: 'A payment completes or changes',
      coupon: 'You get a coupon, or one is about to expire',
    },
  },
};
