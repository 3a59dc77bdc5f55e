// English strings of the home page. Same keys as the Korean file.
import type { HomeDict } from './ko';

export const en: HomeDict = {
  home: {
    title: 'sikgu: a household for plant people',
    lead: 'A place where people who grow houseplants share plants, talk, and learn together.',
    featuresTitle: 'What you can do on sikgu',
    featureEncyclopedia: 'Plant encyclopedia: watering, light, temperature and pet safety at a glance',
    featureMarket: 'Used-plant marketplace and chat (coming soon)',
    featureSns: 'Plant photo SNS (coming soon)',
    ctaPlants: 'Browse the encyclopedia',
    ctaSignup: 'Sign up',
    ctaMe: 'Go to my page',
    welcomeBack: 'Welcome back, {nickname}!',
  },
};
