export * from './core';
export type { CommonDict } from './common.ko';
import type { Dictionaries } from './core';
import { en } from './common.en';
import { ko, type CommonDict } from './common.ko';

/** The app shell's and the shared components' strings; always merged first. */
export const commonDictionaries: Dictionaries<CommonDict> = { ko, en };
/** The Korean common strings, for texts that stay Korean in every language (the data attribution). */
export const commonKo = ko;
