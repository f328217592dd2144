// What the browser build uses in place of Paraglide's generated runtime (src/lib/paraglide/runtime.js;
// the swap is a plugin in vite.config.ts). In the browser, messages ask the runtime only for the
// language (`getLocale`, `experimentalStaticLocale`), and the learner frame answers that from the page's
// address (`overwriteGetLocale` in address-locale.ts). Paraglide's own `getLocale` finds the language
// through its strategies (URL patterns, cookie, navigator) and writes it back, 1.3 KB gzip on every
// page that the frame replaced as it started. A page's language is its address's: `/en/…` is English,
// everything else Mongolian, which is what this answers before the frame starts (the root error page).
// The server keeps Paraglide's runtime, with the language of each request (paraglideMiddleware).
import { localeOfPath } from './paths';

/** Paraglide's per-language builds (unused here: one build serves both languages). */
export const experimentalStaticLocale = undefined;

/** @type {() => import('./locale').Locale} */
export let getLocale = () => localeOfPath(window.location.pathname);

/** @param {() => import('./locale').Locale} fn */
export const overwriteGetLocale = (fn) => {
	getLocale = fn;
};
