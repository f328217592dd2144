import { test, expect, learnerIsOpen } from '../fixtures';
import { expectNoAxeViolations } from '../helpers/a11y';
import { horizontalOverflow, MODE_PREFERENCES, switchSettings } from '../helpers/a11y-settings';
import { headerHeight, MAX_HEADER_HEIGHT, PHONE } from '../helpers/phone';
import { groupName, inGroups, prerenderedRoutes } from '../helpers/routes';
import { smallTargets } from '../helpers/targets';
import { langOf } from '../helpers/ui';

// Every prerendered learner page, in both languages, checked in one visit each (as the worker's
// learner: every learner page first asks who is learning): one language on <html>, one <h1>, axe
// (WCAG 2.0/2.1/2.2 A and AA), 44×44 px targets, a header of at most a fifth of a 360×640 phone's
// screen, no sideways scrolling at 320 px, and the same at 320 px with 200 % text. A few pages share a test (and its browser context); each page is a step
// of the report, and a failing page does not stop the others from being checked. Opening each page
// offline is checked in tests/offline/.

const routes = prerenderedRoutes();
const DESKTOP = { width: 1280, height: 720 };

test('the build has learner pages in both languages', () => {
	expect(routes).toContain('/');
	expect(routes).toContain('/en');
	expect(routes.filter((r) => r.startsWith('/en')).length).toBe(
		routes.filter((r) => !r.startsWith('/en')).length
	);
});

for (const group of inGroups(routes, 6)) {
	test(groupName(group), async ({ page, learnerDevice }) => {
		for (const route of group)
			await test.step(route, async () => {
				await page.setViewportSize(DESKTOP);
				await page.goto(route);
				await learnerIsOpen(page);
				await expect.soft(page.locator('html'), route).toHaveAttribute('lang', langOf(route));
				await expect.soft(page.locator('h1'), route).toHaveCount(1);
				await expectNoAxeViolations(page, route, { soft: true });
				expect.soft(await smallTargets(page), `targets under 44×44 px on ${route}`).toEqual([]);

				await page.setViewportSize(PHONE);
				expect
					.soft(await headerHeight(page), `header height on ${route} at 360×640`)
					.toBeLessThanOrEqual(MAX_HEADER_HEIGHT);

				await page.setViewportSize({ width: 320, height: 640 });
				expect
					.soft(await horizontalOverflow(page), `${route} scrolls sideways at 320 px`)
					.toBeLessThanOrEqual(0);

				await switchSettings(page, learnerDevice.profileId, MODE_PREFERENCES['200% text']);
				expect
					.soft(await horizontalOverflow(page), `${route} scrolls sideways at 320 px with 200% text`)
					.toBeLessThanOrEqual(0);
				expect
					.soft(await smallTargets(page), `targets under 44×44 px on ${route} with 200% text`)
					.toEqual([]);
				// Back to the usual settings for the next page (they live on the device).
				await switchSettings(page, learnerDevice.profileId, MODE_PREFERENCES.default);
			});
	});
}
