import type { ComponentProps } from 'svelte';
import { staticHtml } from './static-render';
import GlossaryTerms from './GlossaryTerms.svelte';

/**
 * The glossary's entries as the server renders them: the page adopts this HTML as it hydrates instead of
 * hydrating sixty entries (the longest part of that page's start on a slow phone), and a search hides
 * entries by their ids. The browser gets glossary-terms-html.browser.ts instead.
 */
export function glossaryTermsHtml(
	props: ComponentProps<typeof GlossaryTerms>,
	/** The page's contexts (`getAllContexts()`). */
	context: Map<unknown, unknown>
) {
	return staticHtml(GlossaryTerms, props, context);
}
