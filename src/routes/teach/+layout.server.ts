import { teachLanguageHref } from '$lib/server/teach/locale';
import type { LayoutServerLoad } from './$types';

// Teacher pages are rendered on the server for each request, never prerendered (so never precached
// by the service worker), and send no JavaScript: every form is a plain HTML form with an action.
export const prerender = false;
export const csr = false;

export const load: LayoutServerLoad = ({ locals, url }) => {
	const locale = locals.teachLocale ?? 'mn';
	return {
		locale,
		teacher: locals.teacher ? { name: locals.teacher.name, email: locals.teacher.email } : null,
		/** The same page in the other language. */
		otherLanguageHref: teachLanguageHref(url, locale === 'mn' ? 'en' : 'mn')
	};
};
