import { test, expect, learnerIsOpen } from '../fixtures';
import { expectNoAxeViolations } from '../helpers/a11y';
import { fakeSpeech } from '../helpers/a11y-settings';
import { courseIds, readCourse } from '../helpers/content';
import { firstSentenceBottom, headerHeight, MAX_HEADER_HEIGHT, PHONE } from '../helpers/phone';
import { inGroups } from '../helpers/routes';
import { smallTargets } from '../helpers/targets';
import { prefix, t } from '../helpers/ui';

// Every step of every lesson, in both languages, on a device with an English voice only: the
// read-aloud control on each English step, and no read-aloud notice at all on a Mongolian one (no
// Mongolian voice, and "read each step aloud" is off; docs/accessibility.md); on a 360×640 phone the
// first step's heading and first sentence without scrolling; axe and 44×44 px targets on each step
// after the first (the lesson's own address, step 1, has those and more in pages.e2e.ts). Two
// lessons per test, one report step per lesson step; a failing step does not stop the others.
const DESKTOP = { width: 1280, height: 720 };

for (const course of courseIds().map(readCourse))
	for (const lang of ['mn', 'en'] as const)
		for (const lessons of inGroups(course.lessons, 2))
			test(`every step of ${course.id}: ${lessons.map((l) => l.id).join(', ')} (${lang})`, async ({
				page
			}) => {
				await fakeSpeech(page, [{ name: 'Hazel', lang: 'en-GB' }]);
				for (const lesson of lessons)
					for (let step = 1; step <= lesson.steps.length; step++)
						await test.step(`${lesson.id} step ${step}`, async () => {
							await page.setViewportSize(step === 1 ? PHONE : DESKTOP);
							await page.goto(`${prefix(lang)}/courses/${course.id}/${lesson.id}#step-${step}`);
							if (step === 1) await learnerIsOpen(page);
							await expect(page.locator('#step-heading')).toContainText(lesson.steps[step - 1].title[lang]);
							const readAloud = page.getByRole('group', { name: t(lang, 'a11y_read_aloud_group') });
							if (lang === 'en') await expect.soft(readAloud).toBeVisible();
							else {
								await expect.soft(readAloud).toHaveCount(0);
								await expect
									.soft(page.locator('main'))
									.not.toContainText(t('mn', 'a11y_read_aloud_step_no_voice'));
							}
							if (step === 1) {
								const { heading, sentence, text } = await firstSentenceBottom(page);
								expect
									.soft(heading, `${lesson.id}: the step's heading on a phone`)
									.toBeLessThanOrEqual(PHONE.height);
								expect.soft(sentence, `${lesson.id}: "${text}" on a phone`).toBeLessThanOrEqual(PHONE.height);
								expect
									.soft(await headerHeight(page), 'header height on a phone')
									.toBeLessThanOrEqual(MAX_HEADER_HEIGHT);
								return;
							}
							await expectNoAxeViolations(page, `${lesson.id} step ${step} (${lang})`, { soft: true });
							expect
								.soft(await smallTargets(page), `targets under 44×44 px on ${lesson.id} step ${step}`)
								.toEqual([]);
						});
			});
