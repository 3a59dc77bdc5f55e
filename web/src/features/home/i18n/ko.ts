// Korean strings (the default language) of the home page.
// The English file has exactly the same keys (checked by the type and by src/app/i18n.test.ts).
// Placeholders are written as {name} and filled in with fmt().

export const ko = {
  home: {
    title: '식물과 함께 사는 사람들, 식구하자',
    lead: '반려식물을 키우는 사람들이 모여 식물을 나누고, 이야기하고, 함께 배우는 곳입니다.',
    featuresTitle: '식구하자에서 할 수 있는 일',
    featureEncyclopedia: '식물 도감: 물 주기, 빛, 온도, 반려동물 안전까지 한눈에',
    featureMarket: '중고 식물 거래와 채팅 (준비 중)',
    featureSns: '식물 자랑 SNS (준비 중)',
    ctaPlants: '식물 도감 둘러보기',
    ctaSignup: '회원가입',
    ctaMe: '마이페이지로',
    welcomeBack: '{nickname}님, 반가워요!',
  },
};

export type HomeDict = typeof ko;
