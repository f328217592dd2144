import type { Component } from 'svelte';
import { render } from 'svelte/server';

/**
 * A component rendered to HTML by the server, for a page to show as it is (`{@html}`): Svelte's
 * hydration markers are left out, since nothing hydrates inside, and an `{@html}` block ends at the
 * first empty comment. Used by the `*-html.ts` modules only, which the browser never loads
 * (vite.config.ts gives it their `*-html.browser.ts` stand-ins).
 */
export function staticHtml<Props extends Record<string, unknown>>(
	component: Component<Props>,
	props: Props,
	/** The page's contexts (`getAllContexts()`): SvelteKit's `page` and the app's state are read through them. */
	context: Map<unknown, unknown>
) {
	return render(component as Component<Record<string, unknown>>, { props, context }).body.replace(
		/<!--[\s\S]*?-->/g,
		''
	);
}
