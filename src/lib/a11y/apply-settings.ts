import type { AppliedSettings } from './settings';

/**
 * Puts the settings on the document's root element, where a11y.css turns them into sizes and
 * colours. Classes and a data attribute only, so no inline style is needed.
 */
export function applySettings(root: HTMLElement, settings: AppliedSettings) {
	if (settings.textSize === 100) delete root.dataset.textSize;
	else root.dataset.textSize = String(settings.textSize);
	root.classList.toggle('a11y-contrast', settings.highContrast);
	root.classList.toggle('a11y-dark', settings.dark);
	root.classList.toggle('a11y-reduce-motion', settings.reducedMotion);
	root.classList.toggle('a11y-spacing', settings.extraSpacing);
}
