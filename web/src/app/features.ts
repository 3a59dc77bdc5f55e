// The one list of features (like src/app/modules.cpp on the server): their routes and strings join the app here.
import { accountFeature } from '../features/account';
import { chatFeature } from '../features/chat';
import { devFeature } from '../features/dev';
import { homeFeature } from '../features/home';
import { marketFeature } from '../features/market';
import { notificationsFeature } from '../features/notifications';
import { plantsFeature } from '../features/plants';
import type { Feature, FeatureRoute } from '../shared/feature';

export const FEATURES: readonly Feature[] = [
  homeFeature,
  accountFeature,
  plantsFeature,
  marketFeature,
  chatFeature,
  notificationsFeature,
  devFeature,
];

export const ROUTES: readonly FeatureRoute[] = FEATURES.flatMap((f) => f.routes);
