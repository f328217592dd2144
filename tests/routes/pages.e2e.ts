import { test, expect, learnerIsOpen } from '../fixtures';
import { expectNoAxeViolations } from '../helpers/a11y';
import {
	horizontalOverflow,
	MODE_PREFERENCES,
	settingsApplied,
	switchSettings
} from '../helpers/a11y-settings';
import { prerenderedRoutes } from '../helpers/routes';
import { smallTargets } from '../helpers/targets';
import { langOf } from '../helpers/ui';

// Every prerendered learner page, in both languages, checked in one visit each (as the worker's
// learner: every learner page first asks who is learning): one language on <html>, one <h1>, axe
// (WCAG 2.0/2.1/2.2 A and AA), 44×44 px targets, no sideways scrolling at 320 px, and the same at
// 320 px with 200 % text. Opening each page offline is checked in tests/offline/.

const routes = prerenderedRoutes();

test('the build has learner pages in both languages', () => {
	expect(routes).toContain('/');
	expect(routes).toContain('/en');
	expect(routes.filter((r) => r.startsWith('/en')).length).toBe(
		routes.filter((r) => !r.startsWith('/en')).length
	);
});

for (const route of routes) {
	test(route, async ({ page, learnerDevice }) => {
		await page.goto(route);
		await learnerIsOpen(page);
		await expect(page.locator('html')).toHaveAttribute('lang', langOf(route));
		await expect(page.locator('h1')).toHaveCount(1);
		await expectNoAxeViolations(page, route);
		expect(await smallTargets(page), `targets under 44×44 px on ${route}`).toEqual([]);

		await page.setViewportSize({ width: 320, height: 640 });
		expect(await horizontalOverflow(page), `${route} scrolls sideways at 320 px`).toBeLessThanOrEqual(0);

		const bigText = MODE_PREFERENCES['200% text'];
		await switchSettings(page, learnerDevice.profileId, bigText);
		expect(
			await horizontalOverflow(page),
			`${route} scrolls sideways at 320 px with 200% text`
		).toBeLessThanOrEqual(0);
		expect(await smallTargets(page), `targets under 44×44 px on ${route} with 200% text`).toEqual([]);
		// Still the learner's 200 % (nothing the page loaded later put the old settings back).
		await settingsApplied(page, bigText);
	});
}
