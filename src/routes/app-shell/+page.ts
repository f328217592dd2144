import { redirect } from '@sveltejs/kit';

// The app shell (see src/lib/pwa/learner-pages.js and docs/architecture.md): prerendered without a page
// in it. The service worker answers every learner page with it; the app then renders the page of
// the address in the browser from the cached code and data. Opened at its own address, it leads home.
export const prerender = true;
export const ssr = false;

export function load() {
	redirect(307, '/');
}
