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
