import type { Locale } from '$lib/i18n/locale';
import { staticHtml } from '$lib/components/static-render';

// Its styles are global (app.css), so the page's HTML has them.
import SiteFooter from './SiteFooter.svelte';

/**
 * The footer as the server renders it. Nothing in it changes while a page is open (its words follow the
 * page's language, and a language switch loads the page anew), so the browser keeps the server's HTML as
 * it is: neither its code nor its words are part of a page's first download, and hydration skips it.
 * A page rendered in the browser from the app shell (offline, never opened) loads the component
 * (src/routes/[[lang=locale]]/+layout.svelte). The browser gets site-footer-html.browser.ts instead.
 */
export function siteFooterHtml(locale: Locale) {
	return staticHtml(SiteFooter, { locale }, new Map());
}
