import type { Locator, Page } from '@playwright/test';

/** Waits until the service worker controls the page, so everything needed offline is cached. */
export async function waitForOfflineReady(page: Page) {
	await page.evaluate(async () => {
		const registration = await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller)
			await new Promise<void>((resolve) =>
				navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true })
			);
		// The precache is complete once the worker is active.
		return registration.active?.state;
	});
}

/**
 * Presses Tab until `target` (a Playwright selector or locator) has focus, as a keyboard user would
 * reach it; fails after `max` presses.
 */
export async function tabTo(page: Page, target: string | Locator, max = 80) {
	const locator = typeof target === 'string' ? page.locator(target).first() : target.first();
	await locator.waitFor();
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		if (await locator.evaluate((el) => el === document.activeElement)) return;
	}
	throw new Error(`Could not reach ${String(target)} with the Tab key`);
}

/**
 * Routes the app's scripts so that the one containing `marker` is held back (`'hold'`: until `release()`)
 * or fails to load (`'fail'`), for a test of what a page shows before, or without, a part's code.
 * `held()` tells whether it has been asked for. Call `done()` as the test ends: a script still in the
 * handler when the page closes would otherwise fail the next test ("Response has been disposed").
 */
export async function holdScript(page: Page, marker: string, mode: 'hold' | 'fail' = 'hold') {
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	let asked = false;
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		const response = await route.fetch();
		const body = await response.text();
		if (body.includes(marker)) {
			asked = true;
			if (mode === 'fail') return route.abort('internetdisconnected');
			await released;
		}
		await route.fulfill({ response, body });
	});
	return {
		held: () => asked,
		release,
		done: () => page.unrouteAll({ behavior: 'ignoreErrors' })
	};
}
