import { test, expect, learnerIsOpen } from '../fixtures';
import { expectNoAxeViolations } from '../helpers/a11y';
import { fakeSpeech } from '../helpers/a11y-settings';
import { courseIds, readCourse } from '../helpers/content';
import { smallTargets } from '../helpers/targets';
import { prefix, t } from '../helpers/ui';

// Every step of every lesson, in both languages: the read-aloud control on each step (a device with
// an English voice only), and axe and 44×44 px targets on each step after the first (the lesson's
// own address, step 1, has those and more in pages.e2e.ts). One test per lesson and language.

for (const course of courseIds().map(readCourse))
	for (const lang of ['mn', 'en'] as const)
		for (const lesson of course.lessons)
			test(`every step of ${course.id}/${lesson.id} (${lang})`, async ({ page }) => {
				await fakeSpeech(page, [{ name: 'Hazel', lang: 'en-GB' }]);
				for (let step = 1; step <= lesson.steps.length; step++) {
					await page.goto(`${prefix(lang)}/courses/${course.id}/${lesson.id}#step-${step}`);
					if (step === 1) await learnerIsOpen(page);
					await expect(page.locator('#step-heading')).toContainText(lesson.steps[step - 1].title[lang]);
					await expect(page.getByRole('group', { name: t(lang, 'a11y_read_aloud_group') })).toBeVisible();
					if (step === 1) continue;
					await expectNoAxeViolations(page, `${lesson.id} step ${step} (${lang})`);
					expect(await smallTargets(page), `targets under 44×44 px on ${lesson.id} step ${step}`).toEqual([]);
				}
			});
