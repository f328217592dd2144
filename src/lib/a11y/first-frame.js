// Inlined in every learner page's <head> (src/app.html, hooks.server.ts): the device's last-used
// accessibility settings, on screen from the first paint, before the app has started (first-frame.spec.ts).
(() => {
	let saved = null;
	try {
		saved = JSON.parse(localStorage.getItem('alkham.a11y.device') || 'null');
	} catch {
		// Refused (private mode) or damaged: the defaults and the device's own wishes, as in the app.
	}
	try {
		const object = (/** @type {any} */ v) => !!v && typeof v === 'object' && !Array.isArray(v);
		const p = object(saved) && object(saved.preferences) ? saved.preferences : {};
		const root = document.documentElement;
		const is = (/** @type {string} */ query) => matchMedia(query).matches;
		const theme = ['system', 'light', 'dark'].includes(p.theme) ? p.theme : 'system';
		if ([125, 150, 175, 200].includes(p.textSize)) root.dataset.textSize = String(p.textSize);
		root.classList.toggle('a11y-contrast', p.highContrast === true || is('(prefers-contrast: more)'));
		root.classList.toggle(
			'a11y-dark',
			theme === 'dark' || (theme === 'system' && is('(prefers-color-scheme: dark)'))
		);
		root.classList.toggle(
			'a11y-reduce-motion',
			p.reducedMotion === true || is('(prefers-reduced-motion: reduce)')
		);
		root.classList.toggle('a11y-spacing', p.extraSpacing === true);
	} catch {
		// Never stop the page: the app applies the settings as it starts.
	}
})();
