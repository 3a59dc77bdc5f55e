// Korean strings (the default language) of the notifications (알림).
// The English file has exactly the same keys (checked by the type and by src/app/i18n.test.ts).
// Placeholders are written as {name} and filled in with fmt(). The sentence of each notification comes from the
// server, already in the reader's language.

export const ko = {
  notifications: {
    title: '알림',
    unreadCount: '안 읽은 알림 {n}개',
    allRead: '모두 읽었어요.',
    readAll: '모두 읽음',
    readAllDone: '알림을 모두 읽음으로 표시했습니다.',
    toSettings: '알림 설정',
    listLabel: '알림 목록',
    unread: '안 읽음',
    remove: '알림 삭제: {text}',
    removed: '알림을 삭제했습니다.',
    loadMore: '더 보기',
    loadingMore: '더 불러오는 중…',
    emptyTitle: '아직 알림이 없어요',
    emptyBody: '누군가 내 판매글을 찜하거나, 등록한 키워드가 들어간 글이 올라오면 여기에서 바로 알려 드려요.',
    emptyKeywords: '키워드 알림 등록하기',
    noLink: '열 수 있는 페이지가 없는 알림입니다.',
  },
  notificationSettings: {
    title: '알림 설정',
    lead: '받을 알림을 고르세요. 끈 알림은 저장되지 않아 나중에 다시 켜도 볼 수 없어요.',
    on: '받기',
    saved: '{type} 알림을 {state}.',
    turnedOn: '켰습니다',
    turnedOff: '껐습니다',
  },
  notificationTypes: {
    label: {
      comment: '댓글',
      reply: '답글',
      like: '좋아요',
      wish: '찜',
      keyword: '키워드',
      chat: '채팅',
      payment: '결제',
      coupon: '쿠폰',
    },
    hint: {
      comment: '내 글에 댓글이 달렸을 때',
      reply: '내 댓글에 답글이 달렸을 때',
      like: '누군가 내 글을 좋아할 때',
      wish: '누군가 내 판매글을 찜했을 때',
      keyword: '등록한 키워드가 들어간 판매글이 올라왔을 때',
      chat: '새 채팅 메시지가 왔을 때',
      payment: '결제가 끝났거나 바뀌었을 때',
      coupon: '쿠폰을 받았거나 곧 끝날 때',
    },
  },
};

export type NotificationsDict = typeof ko;
