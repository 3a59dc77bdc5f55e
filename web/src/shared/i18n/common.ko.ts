// Korean strings (the default language) of the app shell and shared components (header, footer, form fields, error texts).
// The English file has exactly the same keys (checked by the type and by src/app/i18n.test.ts).
// Placeholders are written as {name} and filled in with fmt().

export const ko = {
  meta: {
    siteName: '식구하자',
    siteNameLatin: 'sikgu',
    tagline: '반려식물과 함께 사는 사람들의 식구',
    skipToContent: '본문으로 건너뛰기',
  },
  nav: {
    label: '주 메뉴',
    home: '홈',
    plants: '식물 도감',
    market: '중고거래',
    chat: '채팅',
    chatUnread: '안 읽은 메시지 {n}개',
    login: '로그인',
    signup: '회원가입',
    me: '마이페이지',
    notifications: '알림',
    notificationsUnread: '알림 {n}개 안 읽음',
    langToggle: 'English',
    langToggleLabel: 'Switch to English',
  },
  footer: {
    attribution: '출처: 농촌진흥청 농사로',
    attributionNote: '식물 도감 정보는 농촌진흥청 농사로의 실내정원용 식물 자료를 바탕으로 합니다.',
    apiDocs: 'API 문서',
    devMailbox: '개발용 메일함',
    linksLabel: '바닥글 링크',
  },
  common: {
    loading: '불러오는 중…',
    retry: '다시 시도',
    cancel: '취소',
    save: '저장',
    backHome: '홈으로',
    required: '필수',
    unknown: '정보 없음',
    showPassword: '비밀번호 보기',
    hidePassword: '비밀번호 숨기기',
    errorTitle: '문제가 발생했습니다',
    successTitle: '완료',
    notFoundTitle: '페이지를 찾을 수 없습니다',
    notFoundBody: '주소가 바뀌었거나 없는 페이지입니다.',
    pageLoadFailed: '페이지를 불러오지 못했습니다. 새 버전이 배포되었거나 연결이 끊겼을 수 있습니다.',
    reload: '새로고침',
  },
  price: {
    won: '{amount}원',
    free: '나눔',
  },
  when: {
    justNow: '방금 전',
    minutes: '{n}분 전',
    hours: '{n}시간 전',
    yesterday: '어제',
    days: '{n}일 전',
    weeks: '{n}주 전',
    months: '{n}달 전',
    years: '{n}년 전',
  },
  listingState: {
    selling: '판매중',
    reserved: '예약중',
    sold: '거래완료',
  },
  errors: {
    network: '서버에 연결할 수 없습니다. 잠시 후 다시 시도해 주세요.',
    noDetail: '요청을 처리하지 못했습니다 (HTTP {status}). 잠시 후 다시 시도해 주세요.',
    retryAfter: '{seconds}초 후에 다시 시도해 주세요.',
    unknown: '알 수 없는 오류가 발생했습니다.',
  },
};

export type CommonDict = typeof ko;
