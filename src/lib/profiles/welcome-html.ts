import type { Locale } from '$lib/i18n/locale';
import { staticHtml } from '$lib/components/static-render';
// Its styles are global (app.css), so the page's HTML has them before any code arrives.
import Welcome from './Welcome.svelte';

const nothing = () => {};

/**
 * The welcome as the server renders it, in every page a learner needs a profile for. The first-frame
 * script shows it (and hides the page) on a device without learners, so that a new device sees the
 * welcome from the first frame instead of the page and then, a moment later, the welcome
 * (LearnerGate.svelte). The browser gets welcome-html.browser.ts instead.
 */
export function welcomeHtml(locale: Locale) {
	return staticHtml(Welcome, { locale, oncreate: nothing, onguest: nothing }, new Map());
}
