import { tick } from 'svelte';

/**
 * Moves focus to the page's main area after a choice, unless the learner is already working in it:
 * a navigation that ends while they have reached a control (the comfort step's Done, say) must not
 * pull focus away from it.
 */
export async function focusMain() {
	await tick();
	const main = document.getElementById('main');
	if (main && (main === document.activeElement || !main.contains(document.activeElement))) main.focus();
}
