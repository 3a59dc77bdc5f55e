// What a feature brings to the app: its strings and its routes. src/app/features.ts lists every feature;
// nothing else in the app names them.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Dictionaries } from './i18n/core';

export interface FeatureRoute {
  /** A react-router path, e.g. "/plants/:id". */
  path: string;
  /** The page, loaded on first visit as a chunk of its own (see lazyPage). */
  page: LazyExoticComponent<ComponentType>;
  /** A private page: anonymous visitors are sent to /login?next=<this page> once the session restore is done. */
  requiresAuth?: boolean;
}

export interface Feature {
  /** Folder name under src/features. */
  name: string;
  /** The feature's ko/en strings (its own namespaces, merged by the i18n core). */
  dictionaries: Dictionaries;
  routes: readonly FeatureRoute[];
}

/** A page module loaded on demand: `lazyPage(() => import('./pages/MePage'), 'MePage')`. */
export function lazyPage<M extends Record<string, unknown>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<ComponentType> {
  return lazy(async () => {
    const mod = await load();
    return { default: mod[name] as ComponentType };
  });
}
