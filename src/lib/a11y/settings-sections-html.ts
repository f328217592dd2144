import { staticHtml } from '$lib/components/static-render';

// Imported on demand, as the page's browser code does: then SvelteKit puts the sections' styles in the
// page's HTML (it inlines the styles of a part the page imports on demand only when the server's code
// imports it the same way), and the server's HTML is styled before the sections' code arrives.
const { default: SettingsSections } = await import('./SettingsSections.svelte');

/**
 * The settings page's sections as the server renders them, shown by the page until their code has
 * loaded right after it is up (ServerRendered.svelte), so they are not part of the page's first
 * download. The browser gets settings-sections-html.browser.ts instead.
 */
export function settingsSectionsHtml(
	/** The page's contexts (`getAllContexts()`): the settings in force are read through them. */
	context: Map<unknown, unknown>
) {
	return staticHtml(SettingsSections, {}, context);
}
