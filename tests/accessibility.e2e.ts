import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/a11y';
import { readCourse } from './helpers/content';
import { prerenderedRoutes } from './helpers/routes';
import { smallTargets } from './helpers/targets';
import { startLearning } from './helpers/learners';

// Every learner page first asks who is learning: each test starts as a new learner.
test.beforeEach(async ({ page }) => startLearning(page));

const routes = prerenderedRoutes();

test('the build has learner pages in both languages', () => {
	expect(routes).toContain('/');
	expect(routes).toContain('/en');
	expect(routes.filter((r) => r.startsWith('/en')).length).toBe(
		routes.filter((r) => !r.startsWith('/en')).length
	);
});

for (const route of routes) {
	test(`${route} has no axe violations and no horizontal scrolling at 320 px`, async ({ page }) => {
		await page.goto(route);
		await expect(page.locator('html')).toHaveAttribute('lang', route.startsWith('/en') ? 'en' : 'mn');
		await expect(page.locator('h1')).toHaveCount(1);
		await expectNoAxeViolations(page, route);
		expect(await smallTargets(page), `targets under 44×44 px on ${route}`).toEqual([]);
		await page.setViewportSize({ width: 320, height: 640 });
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow, `${route} scrolls horizontally at 320 px`).toBeLessThanOrEqual(0);
	});
}

const firstCourse = readCourse('meet-e-mongolia');
for (const lang of ['mn', 'en'] as const) {
	for (const lesson of firstCourse.lessons) {
		test(`every step of ${lesson.id} passes axe (${lang})`, async ({ page }) => {
			for (let step = 1; step <= lesson.steps.length; step++) {
				await page.goto(`${lang === 'en' ? '/en' : ''}/courses/${firstCourse.id}/${lesson.id}#step-${step}`);
				await expect(page.locator('#step-heading')).toContainText(lesson.steps[step - 1].title[lang]);
				await expectNoAxeViolations(page, `${lesson.id} step ${step} (${lang})`);
				expect(await smallTargets(page), `targets under 44×44 px on ${lesson.id} step ${step}`).toEqual([]);
			}
		});
	}
}
