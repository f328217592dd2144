import { overwriteGetLocale } from '$lib/paraglide/runtime';
import type { Locale } from './locale';
import { localeOfPath } from './paths';

/**
 * In the browser, every message asks Paraglide for the language, and Paraglide's own answer parses the
 * whole address against its strategies each time: a few percent of a slow phone's hydration. A
 * page's language is its address's (`/en/…` is English), so this answers from the path, once per
 * address. Browser only: the server keeps Paraglide's per-request answer.
 */
export function takeLocaleFromAddress(location: { readonly pathname: string }): void {
	let path: string | undefined;
	let locale: Locale = 'mn';
	overwriteGetLocale(() => {
		if (location.pathname !== path) {
			path = location.pathname;
			locale = localeOfPath(path);
		}
		return locale;
	});
}
