import type { Locale } from './locale';

/** The language of a page, from its optional `[[lang]]` route parameter. */
export function localeOf(lang: string | undefined): Locale {
	return lang === 'en' ? 'en' : 'mn';
}

/** The language of an address's path: English under `/en`, Mongolian elsewhere. */
export function localeOfPath(pathname: string): Locale {
	return basePath(pathname) === pathname ? 'mn' : 'en';
}

/** Strips the `/en` prefix: the same page's path in the base language. */
export function basePath(pathname: string): string {
	if (pathname === '/en') return '/';
	return pathname.startsWith('/en/') ? pathname.slice(3) : pathname;
}

/** A path of the app (written without language prefix) as a link in the given language. */
export function localizePath(path: string, locale: Locale): string {
	if (locale === 'mn') return path;
	return path === '/' ? '/en' : `/en${path}`;
}

/** The same page in another language, keeping the fragment (for example the lesson step). */
export function switchLocale(url: URL, to: Locale): string {
	return localizePath(basePath(url.pathname), to) + url.hash;
}
