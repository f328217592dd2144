import type { Locale } from '$lib/i18n/locale';

/**
 * Teacher pages live at /teach in both languages (they are outside the learner app's /en tree):
 * Mongolian by default; `?lang=en` or `?lang=mn` on any teacher page switches and is remembered in
 * this cookie.
 */
export const TEACH_LANG_COOKIE = 'alkham_teach_lang';

const isLocale = (value: string | null | undefined): value is Locale => value === 'mn' || value === 'en';

/** Whether a path is a teacher page (or the teacher CSV download). */
export function isTeachPath(pathname: string): boolean {
	return pathname === '/teach' || pathname.startsWith('/teach/');
}

/** The teacher's language: the `lang` query parameter, else the remembered choice, else Mongolian. */
export function teachLocale(url: URL, cookie: string | undefined): { locale: Locale; chosen: boolean } {
	const asked = url.searchParams.get('lang');
	if (isLocale(asked)) return { locale: asked, chosen: true };
	return { locale: isLocale(cookie) ? cookie : 'mn', chosen: false };
}

/** The same teacher page in the other language (the switch link; works without JavaScript). */
export function teachLanguageHref(url: URL, to: Locale): string {
	const params = new URLSearchParams(url.searchParams);
	params.set('lang', to);
	return `${url.pathname}?${params}`;
}
