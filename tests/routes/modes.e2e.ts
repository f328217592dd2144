import { test, expect, learnerIsOpen } from '../fixtures';
import { expectNoAxeViolations } from '../helpers/a11y';
import {
	MODE_PREFERENCES,
	TEXT_SPACING_CSS,
	clippedElements,
	horizontalOverflow,
	switchSettings,
	type Mode
} from '../helpers/a11y-settings';
import { readCourse } from '../helpers/content';
import { groupName, inGroups } from '../helpers/routes';
import { smallTargets } from '../helpers/targets';
import { prefix, type Lang } from '../helpers/ui';

// One page of each kind, and every step type of a lesson, in every display mode (high contrast,
// dark, both, 200 % text): axe and 44×44 px targets in each; then the WCAG 1.4.12 text-spacing test
// loses no content. One visit per page and language (three pages share a test and its browser
// context); the modes are switched on the open page as a change made in another tab would be.

const officialSite = readCourse('meet-e-mongolia').lessons.find((l) => l.id === 'official-site')!;

function representativePages(lang: Lang): string[] {
	const p = prefix(lang);
	return [
		p || '/',
		`${p}/settings`,
		`${p}/help`,
		`${p}/certificates`,
		`${p}/courses/meet-e-mongolia`,
		...officialSite.steps.map((_, i) => `${p}/courses/meet-e-mongolia/official-site#step-${i + 1}`),
		`${p}/courses/payments-receipts/paying-with-qpay#step-3`,
		`${p}/courses/staying-safe-online/fake-sms-links#step-3`
	];
}

const modes: Mode[] = ['high contrast', 'dark', 'high contrast dark', '200% text'];

for (const lang of ['mn', 'en'] as const)
	for (const urls of inGroups(representativePages(lang), 3))
		test(`${groupName(urls)} in every mode`, async ({ page, learnerDevice }) => {
			for (const url of urls)
				await test.step(url, async () => {
					await page.goto(url);
					await learnerIsOpen(page);
					await expect(page.locator('h1')).toHaveCount(1);
					if (url.includes('#step-'))
						await expect(page.locator('#step-heading')).toContainText(`${url.split('#step-')[1]}`);

					for (const mode of modes) {
						await switchSettings(page, learnerDevice.profileId, MODE_PREFERENCES[mode]);
						await expectNoAxeViolations(page, `${url} (${mode})`, { soft: true });
						expect.soft(await smallTargets(page), `targets under 44×44 px on ${url} (${mode})`).toEqual([]);
					}

					await switchSettings(page, learnerDevice.profileId, MODE_PREFERENCES.default);
					const spacing = await page.addStyleTag({ content: TEXT_SPACING_CSS });
					expect.soft(await clippedElements(page), `text cut off on ${url}`).toEqual([]);
					expect
						.soft(await horizontalOverflow(page), `${url} scrolls sideways with text spacing`)
						.toBeLessThanOrEqual(0);
					// The next page may be the same document (another #step of the lesson).
					await spacing.evaluate((style) => (style as Element).remove());
				});
		});
