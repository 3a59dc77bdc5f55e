// Korean strings (the default language) of development tools (the dev mailbox).
// The English file has exactly the same keys (checked by the type and by src/app/i18n.test.ts).
// Placeholders are written as {name} and filled in with fmt().

export const ko = {
  mailbox: {
    title: '개발용 메일함',
    lead: '개발 모드 서버가 보낸 메일(인증 코드, 재설정 링크)을 확인하는 곳입니다. 최신 메일이 위에 있습니다.',
    refresh: '새로고침',
    empty: '아직 보낸 메일이 없습니다.',
    notAvailable: '이 서버에서는 개발용 메일함을 쓸 수 없습니다. 메일 서버(SMTP)가 설정되어 있거나 개발 모드가 아닌 경우입니다.',
    to: '받는 사람',
    sentAt: '보낸 시각',
  },
};

export type DevDict = typeof ko;
