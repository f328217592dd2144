import type { ParamMatcher } from '@sveltejs/kit';

/** Mongolian, the base language, has no prefix; only `/en/...` carries one. */
export const match = ((param: string): param is 'en' => param === 'en') satisfies ParamMatcher;
