import { goto } from '$app/navigation';
import { page } from '$app/state';
import type { Locale } from '$lib/i18n/locale';
import { basePath, localizePath } from '$lib/i18n/paths';
import type { ProfileRow } from '$lib/learner/db';
import type { ChooseReason } from '$lib/learner/learner-session.svelte';
import { focusMain } from './focus-main';

/**
 * After a choice on "Who is learning?" (a learner, or null for a guest): the learner's own home, in
 * their language. When the app was opened on a particular page (a shared link, a bookmark), that page
 * is kept. Loaded with the picker, not with every page.
 */
export async function afterChoice(profile: ProfileRow | null, reason: ChooseReason, locale: Locale) {
	const home = basePath(page.url.pathname) === '/';
	if (reason === 'start' && !home) return focusMain();
	const target = localizePath('/', profile?.locale ?? locale);
	// Another language is a full load of that language's precached page (works offline).
	if ((profile?.locale ?? locale) !== locale) return window.location.assign(target);
	// keepFocus: SvelteKit would otherwise put focus back on the body when the home page arrives,
	// which on a slow phone can be after the new learner has reached the comfort step's Done.
	if (page.url.pathname !== target) await goto(target, { keepFocus: true });
	await focusMain();
}
