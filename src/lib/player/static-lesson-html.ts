import type { Locale } from '$lib/i18n/locale';
import { staticHtml } from '$lib/components/static-render';
import type { PlayerCourse, PlayerLesson } from './types';
import StaticLesson from './StaticLesson.svelte';

/**
 * The static lesson (StaticLesson.svelte) as HTML, for the server's page only. The browser adopts
 * these nodes as they are (an `{@html}` block keeps the server's content when it hydrates) until the
 * player takes over, so the static lesson's code, its quiz answers and their words are never part of
 * a page's JavaScript.
 */
export function staticLessonHtml(
	props: { course: PlayerCourse; lesson: PlayerLesson; locale: Locale },
	/** The page's contexts (`getAllContexts()`): SvelteKit's `page` is read through them. */
	context: Map<unknown, unknown>
) {
	return staticHtml(StaticLesson, props, context);
}
