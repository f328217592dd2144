import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { testBrowserPath } from '../../scripts/browser.js';
// Playwright's own test: the shared fixtures would first make a learner device, which no test here uses.
import { admin, newTeacher } from '../fixtures';
import { expectNoAxeViolations } from '../helpers/a11y';
import { tabTo } from '../helpers/pages';
import { signIn } from '../helpers/teach';
import { smallTargets } from '../helpers/targets';
import { t } from '../helpers/ui';
import { readCourse } from '../helpers/content';

// Recorded narration (docs/teacher-mode.md#narration): a teacher records a step with the
// microphone, listens and saves it; an approver publishes it; the public manifest lists it.
// Chromium's fake microphone (a beep) and its fake permission prompt, for this file only; its tests
// run one after the other in one browser.
test.describe.configure({ mode: 'default' });
test.use({
	launchOptions: {
		executablePath: testBrowserPath(),
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-dev-shm-usage',
			'--use-fake-ui-for-media-stream',
			'--use-fake-device-for-media-stream',
			'--autoplay-policy=no-user-gesture-required'
		]
	}
});

const course = readCourse('meet-e-mongolia');
const lesson = course.lessons[0];

/** Axe and 44 px targets on a narration page. */
async function checkPage(page: Page, what: string) {
	await expectNoAxeViolations(page, what);
	expect(await smallTargets(page), `targets under 44×44 px on ${what}`).toEqual([]);
}

/** Follows a link with the keyboard alone. */
async function follow(page: Page, name: string) {
	await tabTo(page, page.getByRole('link', { name, exact: true }));
	await page.keyboard.press('Enter');
}

test('a teacher records a step with the microphone, an approver publishes it, and learners’ manifest lists it', async ({
	browser,
	request,
	baseURL
}) => {
	// About 30 s; more on a machine busy with other work (the admin command starts three times).
	test.setTimeout(90_000);
	const context = await browser.newContext({ baseURL });
	const page = await context.newPage();
	const teacher = newTeacher('Сарнай');
	const approver = newTeacher('Оюун');
	expect(admin(['grant-approver', approver]).status).toBe(0);
	const cspViolations: string[] = [];
	page.on('console', (m) => {
		if (/Content.Security.Policy|Refused to/i.test(m.text())) cspViolations.push(m.text());
	});

	// The teacher finds the step from her home page, keyboard only (Mongolian, the default).
	await page.goto('/teach');
	await signIn(page, teacher);
	await follow(page, t('mn', 'narration_teach_home_link'));
	await expect(page.getByRole('heading', { level: 1, name: t('mn', 'narration_teach_title') })).toBeVisible();
	await expect(page.getByRole('link', { name: /Хянах бичлэгүүд/ })).toHaveCount(0);
	await checkPage(page, 'narration courses (mn)');
	await follow(page, course.title.mn);
	await expect(page.getByRole('heading', { level: 1, name: course.title.mn })).toBeVisible();
	await checkPage(page, 'narration lessons (mn)');
	await follow(page, lesson.title.mn);
	await expect(page.getByRole('heading', { level: 1, name: lesson.title.mn })).toBeVisible();
	await expect(page.locator('#step-1')).toContainText(t('mn', 'narration_teach_status_none'));
	await checkPage(page, 'narration steps (mn)');
	await follow(page, t('mn', 'narration_teach_record_link', { number: 1 }));

	// The recording page shows exactly the script, and records.
	await expect(
		page.getByRole('heading', { level: 1, name: t('mn', 'narration_teach_record_title', { number: 1 }) })
	).toBeVisible();
	await expect(page.locator('.script p').first()).toHaveText(
		lesson.steps[0].title.mn.replace(/\[\[[^|]+\|([^\]]+)\]\]/g, '$1')
	);
	await expect(page.locator('#recorder')).toBeVisible();
	await expect(page.locator('#recorder-needs-script')).toBeHidden();
	await checkPage(page, 'recording page (mn)');
	await tabTo(page, page.getByRole('button', { name: t('mn', 'narration_teach_record_start') }));
	await page.keyboard.press('Enter');
	const stop = page.getByRole('button', { name: t('mn', 'narration_teach_record_stop') });
	// The fake microphone can take a few seconds to start on a busy machine.
	await expect(stop).toBeFocused({ timeout: 20_000 });
	// Only Stop while recording: the Start button is gone, not merely beside it.
	await expect(page.getByRole('button', { name: t('mn', 'narration_teach_record_start') })).toBeHidden();
	await expect(page.locator('#recorder-status')).toHaveText(t('mn', 'narration_teach_recording_status'));
	await expect(page.locator('#rec-elapsed')).toHaveText('0:02', { timeout: 10_000 });
	// The level meter moves with the fake microphone's beep.
	await expect
		.poll(() => page.locator('#rec-level').evaluate((m: HTMLMeterElement) => m.value))
		.toBeGreaterThan(0);
	await page.keyboard.press('Enter');

	// Listen back: the take plays from the focused player.
	const player = page.locator('#rec-audio');
	await expect(player).toBeFocused();
	await expect(page.locator('#recorder-status')).toHaveText(t('mn', 'narration_teach_recorded_status'));
	await player.evaluate((a: HTMLAudioElement) => a.play());
	await expect.poll(() => player.evaluate((a: HTMLAudioElement) => a.currentTime)).toBeGreaterThan(0);
	await expect(page.getByRole('button', { name: t('mn', 'narration_teach_record_again') })).toBeVisible();

	// Save: the take goes through the upload form, and comes back as the teacher's draft.
	await tabTo(page, page.getByRole('button', { name: t('mn', 'narration_teach_record_save') }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status').filter({ hasText: t('mn', 'narration_teach_saved') })).toBeVisible();
	await expect(page.getByText(t('mn', 'narration_teach_status_draft'))).toBeVisible();
	await expect(page.locator('figure.recording audio')).toHaveCount(1);
	await checkPage(page, 'recording page after saving (mn)');
	expect(cspViolations).toEqual([]);
	await tabTo(page, page.getByRole('button', { name: 'Гарах' }));
	await page.keyboard.press('Enter');
	// Logged out (the sign-in form) before the next address, which would otherwise cut the log-out short.
	await expect(page.locator('#email')).toBeVisible();

	// The approver reviews it (in English this time) and publishes it.
	await page.goto('/teach?lang=en');
	await signIn(page, approver);
	await follow(page, t('en', 'narration_teach_home_link'));
	// At least this draft (another test's may be waiting too).
	await tabTo(page, page.getByRole('link', { name: /^Recordings to review \(\d+\)$/ }));
	await page.keyboard.press('Enter');
	await expect(
		page.getByRole('heading', { level: 1, name: t('en', 'narration_teach_review_title') })
	).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.locator('.script[lang=mn] p').first()).toBeVisible();
	await checkPage(page, 'review (en)');
	// Other tests may have drafts waiting too (the offline project's end-to-end test): this course's item.
	const item = page.getByRole('listitem').filter({ hasText: course.title.en });
	await tabTo(page, item.getByRole('button', { name: t('en', 'narration_teach_publish') }));
	await page.keyboard.press('Enter');
	await expect(
		page.getByRole('status').filter({ hasText: t('en', 'narration_teach_published_done') })
	).toBeVisible();
	await expect(item).toHaveCount(0);

	// Learners' devices now find it in the course's pack manifest, and can download it.
	const manifest = await (await request.get(`/api/v1/narration/${course.id}/mn`)).json();
	expect(manifest.files).toEqual([
		expect.objectContaining({ lessonId: lesson.id, step: 0, type: 'audio/webm', bytes: manifest.bytes })
	]);
	expect(manifest.files[0].durationMs).toBeGreaterThan(1_500);
	const audio = await request.get(manifest.files[0].url);
	expect(audio.status()).toBe(200);
	expect(audio.headers()['content-type']).toBe('audio/webm');
	expect((await audio.body()).length).toBe(manifest.bytes);
	await context.close();
});

test('without recording in the browser the page says why, and a recorded file can still be uploaded', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(90_000);
	const teacher = newTeacher('Сарнай');
	const recordPage = `/teach/narration/${course.id}/${lesson.id}/1/mn`;

	// Without JavaScript: no recorder, a sentence saying so, and the plain upload form. (axe needs
	// JavaScript in the page: the pages are checked in the contexts below.)
	const plain = await browser.newContext({ baseURL, javaScriptEnabled: false });
	const page = await plain.newPage();
	await page.goto('/teach');
	await signIn(page, teacher);
	await expect(page.getByRole('heading', { level: 1, name: t('mn', 'teach_classes_title') })).toBeVisible();
	await page.goto(recordPage);
	await expect(page.getByText(t('mn', 'narration_teach_needs_script'))).toBeVisible();
	await expect(page.locator('#recorder')).toBeHidden();
	// A recording made elsewhere (AAC in M4A) is saved as a draft.
	await page.locator('#audio-file').setInputFiles('tests/media/narration/aac-3s.m4a');
	await tabTo(page, page.getByRole('button', { name: t('mn', 'narration_teach_upload_button') }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status').filter({ hasText: t('mn', 'narration_teach_saved') })).toBeVisible();
	await expect(page.getByText(t('mn', 'narration_teach_status_draft'))).toBeVisible();

	// With JavaScript but no MediaRecorder, or with the microphone refused: said in words, the form stays.
	const state = await plain.storageState();
	await plain.close();
	const scripted = await browser.newContext({ baseURL, storageState: state });
	const old = await scripted.newPage();
	await old.addInitScript(() => delete (window as { MediaRecorder?: unknown }).MediaRecorder);
	await old.goto(recordPage);
	await expect(
		old.getByRole('status').filter({ hasText: t('mn', 'narration_teach_no_recorder') })
	).toBeVisible();
	await expect(old.locator('#recorder')).toBeHidden();
	await expect(old.locator('#upload-form')).toBeVisible();
	// An Ogg file named and typed as WebM is refused by its content, and nothing is saved.
	await old.locator('#audio-file').setInputFiles({
		name: 'narration.webm',
		mimeType: 'audio/webm',
		buffer: readFileSync('tests/media/narration/opus-3s.ogg')
	});
	await tabTo(old, old.getByRole('button', { name: t('mn', 'narration_teach_upload_button') }));
	await old.keyboard.press('Enter');
	await expect(old.getByRole('alert')).toContainText(t('mn', 'narration_teach_problem_not_audio'));
	await expect(old.locator('#audio-file')).toHaveAttribute('aria-invalid', 'true');
	await expect(old.locator('figure.recording audio')).toHaveCount(1);
	await checkPage(old, 'recording page, upload refused (mn)');
	const refused = await scripted.newPage();
	await refused.addInitScript(() => {
		navigator.mediaDevices.getUserMedia = () =>
			Promise.reject(new DOMException('refused', 'NotAllowedError'));
	});
	await refused.goto(`${recordPage}?lang=en`);
	await tabTo(refused, refused.getByRole('button', { name: t('en', 'narration_teach_record_start') }));
	await refused.keyboard.press('Enter');
	await expect(
		refused.getByRole('status').filter({ hasText: t('en', 'narration_teach_mic_denied') })
	).toBeVisible();
	await checkPage(refused, 'recording page, microphone refused (en)');
	await scripted.close();
});
