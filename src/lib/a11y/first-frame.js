// Inlined in every learner page's <head> (src/app.html, hooks.server.ts): the device's last-used
// accessibility settings, on screen from the first paint, before the app has started (first-frame.spec.ts);
// and, on a device without learners, the welcome instead of the page.
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
	try {
		// A device without learners (the app keeps this key while it has any; learner-session.svelte.ts),
		// in a tab where nobody has been chosen: the welcome in the page's HTML shows from the first frame,
		// in the page's place (LearnerGate.svelte).
		document.documentElement.classList.toggle(
			'alkham-welcome',
			!localStorage.getItem('alkham.device.learners') && !sessionStorage.getItem('alkham.learner')
		);
	} catch {
		// Storage refused: the page shows, and the app brings the welcome once it has started.
	}
	// A button of that welcome pressed before the app has started (or at any time) is remembered, for the
	// app to press again in its own welcome (LearnerGate.svelte): a tap is not lost while the code loads.
	document.addEventListener(
		'click',
		(event) => {
			const welcome = document.querySelector('.first-welcome');
			const button = event.target instanceof Element ? event.target.closest('button') : null;
			if (welcome && button && welcome.contains(button))
				document.documentElement.dataset.welcomePress = String(
					[...welcome.querySelectorAll('button')].indexOf(button)
				);
		},
		true
	);
})();
