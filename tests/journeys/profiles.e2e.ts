import { type Locator, type Page } from '@playwright/test';
import { test, expect } from '../fixtures';
import { expectNoAxeViolations } from '../helpers/a11y';
import { readCourse } from '../helpers/content';
import { makeComfortable, addLearner } from '../helpers/learners';
import { holdScript, tabTo } from '../helpers/pages';
import { t } from '../helpers/ui';

// Shared-device profiles (issue 3), driven with the keyboard alone: Tab to a control, then Enter.
// Every journey starts on a fresh device: the welcome screen, then the learners it adds itself.
test.use({ learner: false });
const course = readCourse('meet-e-mongolia');
const lesson = course.lessons[0];
const lessonUrl = (lang: 'mn' | 'en') => `${lang === 'en' ? '/en' : ''}/courses/${course.id}/${lesson.id}`;
const courseUrl = (lang: 'mn' | 'en') => `${lang === 'en' ? '/en' : ''}/courses/${course.id}`;

async function press(page: Page, target: string | Locator) {
	await tabTo(page, target);
	await page.keyboard.press('Enter');
}

/** Like tabTo, backwards (Shift+Tab), for a control earlier on the page. */
async function shiftTabTo(page: Page, target: Locator, max = 40) {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Shift+Tab');
		if (await target.evaluate((el) => el === document.activeElement)) return;
	}
	throw new Error(`Could not reach ${String(target)} with Shift+Tab`);
}

async function typeInto(page: Page, field: Locator, text: string) {
	await tabTo(page, field);
	await page.keyboard.type(text);
}

const firstLessonBadge = (page: Page) => page.locator('.lessons li').first().locator('.badge');
const header = (page: Page) => page.locator('.site-header');

/** Moves one step into the first lesson (saved as progress for whoever is learning). */
async function makeProgress(page: Page, lang: 'mn' | 'en') {
	await page.goto(lessonUrl(lang));
	await press(page, `button:text-is("${lang === 'en' ? 'Next' : 'Дараах'}")`);
	await expect(page.locator('#step-heading')).toContainText(lang === 'en' ? 'Step 2 of' : '2-р алхам');
}

test('two learners, one with a PIN and one with pictures, each see only their own progress', async ({
	page
}) => {
	// The longest journey: five screens checked by axe, dozens of key presses, secrets hashed at
	// full strength.
	test.setTimeout(120_000);
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Алхамд тавтай морил' })).toBeVisible();
	await expectNoAxeViolations(page, 'welcome (mn)');

	// The first learner: only a name (picture and language start chosen).
	await press(page, page.getByRole('button', { name: 'Профайл үүсгэх', exact: true }));
	await expect(page.getByRole('heading', { level: 1, name: 'Суралцагч нэмэх' })).toBeFocused();
	await typeInto(page, page.getByLabel('Таны нэр'), 'Бат');
	await expectNoAxeViolations(page, 'add a learner (mn)');
	await page.keyboard.press('Enter');
	// First, "Make it comfortable": Бат picks 150% text with the arrow keys; it applies at once.
	await expect(page.getByRole('heading', { level: 1, name: 'Тохь тухтай болгох' })).toBeVisible();
	await expectNoAxeViolations(page, 'make it comfortable (mn)');
	await tabTo(page, page.getByRole('radio', { name: '100%' }));
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('radio', { name: '150%' })).toBeChecked();
	await expect(page.locator('html')).toHaveAttribute('data-text-size', '150');
	await makeComfortable(page, false);
	await expect(header(page).getByRole('link', { name: 'Бат' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('e-Mongolia-г аюулгүй ашиглаж сурах');

	// Бат sets a PIN on their profile page.
	await press(page, header(page).getByRole('link', { name: 'Бат' }));
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Миний профайл');
	await press(page, page.getByRole('button', { name: 'ПИН код ашиглах' }));
	await typeInto(page, page.getByLabel('Шинэ 4 оронтой ПИН код'), '2580');
	await page.keyboard.press('Enter');
	await expect(page.getByText('Нууц хадгалагдлаа.')).toBeVisible();
	await expectNoAxeViolations(page, 'profile page (mn)');

	await makeProgress(page, 'mn');
	await page.goto(courseUrl('mn'));
	await expect(firstLessonBadge(page)).toContainText('Үзэж байгаа');

	// Switch learner, add a second one.
	await press(page, header(page).getByRole('button', { name: 'Суралцагч солих' }));
	await expect(page.getByRole('heading', { level: 1, name: 'Хэн суралцаж байна вэ?' })).toBeFocused();
	await expect(page.getByRole('button', { name: /Бат/ })).toContainText('ПИН код асууна');
	await expectNoAxeViolations(page, 'who is learning (mn)');
	await press(page, page.getByRole('button', { name: 'Суралцагч нэмэх' }));
	await typeInto(page, page.getByLabel('Таны нэр'), 'Сараа');
	await page.keyboard.press('Enter');
	await makeComfortable(page, false);
	await expect(header(page).getByRole('link', { name: 'Сараа' })).toBeVisible();
	await page.goto(courseUrl('mn'));
	await expect(firstLessonBadge(page)).toContainText('Эхлээгүй');
	await expect(page.getByText('Бат', { exact: true })).toHaveCount(0);

	// Сараа chooses 3 pictures as her secret.
	await press(page, header(page).getByRole('link', { name: 'Сараа' }));
	await press(page, page.getByRole('button', { name: '3 зураг ашиглах' }));
	for (const picture of ['Нар', 'Сар', 'Мод'])
		await press(page, page.getByRole('button', { name: picture, exact: true }));
	await press(page, page.getByRole('region', { name: 'Нууц' }).getByRole('button', { name: 'Хадгалах' }));
	await expect(page.getByText('Нууц хадгалагдлаа.')).toBeVisible();

	// Back to Бат: a wrong PIN, then the right one (typed with a space, as a paste might bring it).
	await press(page, header(page).getByRole('button', { name: 'Суралцагч солих' }));
	await press(page, page.getByRole('button', { name: /Бат/ }));
	await expect(page.getByRole('heading', { level: 1, name: 'Сайн байна уу, Бат' })).toBeFocused();
	await expectNoAxeViolations(page, 'PIN entry (mn)');
	await typeInto(page, page.getByLabel('4 оронтой ПИН код'), '1111');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('alert').filter({ hasText: 'Буруу байна' })).toBeVisible();
	await expect(header(page).getByRole('link', { name: 'Бат' })).toHaveCount(0);
	await tabTo(page, page.getByLabel('4 оронтой ПИН код'));
	await page.keyboard.insertText('25 80');
	await page.keyboard.press('Enter');
	await expect(header(page).getByRole('link', { name: 'Бат' })).toBeVisible();
	await page.goto(courseUrl('mn'));
	await expect(firstLessonBadge(page)).toContainText('Үзэж байгаа');
	await expect(page.getByText('Сараа', { exact: true })).toHaveCount(0);

	// Back to Сараа: pictures, with one undone.
	await press(page, header(page).getByRole('button', { name: 'Суралцагч солих' }));
	await press(page, page.getByRole('button', { name: /Сараа/ }));
	await expectNoAxeViolations(page, 'picture entry (mn)');
	for (const picture of ['Нар', 'Сар', 'Загас'])
		await press(page, page.getByRole('button', { name: picture, exact: true }));
	await expect(page.getByRole('status').filter({ hasText: '3-р зураг: Загас' })).toBeAttached();
	await press(page, page.getByRole('button', { name: 'Сүүлийн зургийг буцаах' }));
	await shiftTabTo(page, page.getByRole('button', { name: 'Мод', exact: true }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('list', { name: 'Сонгосон зураг' })).toHaveText(/Нар\s*Сар\s*Мод/);
	await press(page, page.getByRole('button', { name: 'Нээх' }));
	await expect(header(page).getByRole('link', { name: 'Сараа' })).toBeVisible();
	await page.goto(courseUrl('mn'));
	await expect(firstLessonBadge(page)).toContainText('Эхлээгүй');
});

test('after a switch, Back and the page cache show nothing of the previous learner', async ({ page }) => {
	await addLearner(page, '/en', 'Ann');
	await makeProgress(page, 'en');
	await page.goto(courseUrl('en'));
	await expect(firstLessonBadge(page)).toContainText('In progress');
	// A full page load (the language switch), so the English page is a separate document in history.
	await press(page, 'a[hreflang="mn"]');
	await expect(page.locator('html')).toHaveAttribute('lang', 'mn');
	await expect(page).toHaveURL(new RegExp(`^https?://[^/]+/courses/${course.id}$`));
	await press(page, header(page).getByRole('button', { name: 'Суралцагч солих' }));
	await press(page, page.getByRole('button', { name: 'Суралцагч нэмэх' }));
	await typeInto(page, page.getByLabel('Таны нэр'), 'Bold');
	await page.keyboard.press('Enter');
	await makeComfortable(page, false);
	await expect(header(page).getByRole('link', { name: 'Bold' })).toBeVisible();
	// Bold's own home opens; only then go Back (else Back could race that navigation).
	await expect(page).toHaveURL(/^https?:\/\/[^/]+\/$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('e-Mongolia-г аюулгүй ашиглаж сурах');

	await page.goBack();
	await expect(page).toHaveURL(new RegExp(`^https?://[^/]+/courses/${course.id}$`));
	await expect(header(page).getByRole('link', { name: 'Bold' })).toBeVisible();
	await expect(firstLessonBadge(page)).toContainText('Эхлээгүй');

	// The English page Ann was on: restored by the browser, it must show Bold's (empty) progress.
	await page.goBack();
	await expect(page).toHaveURL(new RegExp(`/en/courses/${course.id}$`));
	await expect(header(page).getByRole('link', { name: 'Bold' })).toBeVisible();
	await expect(firstLessonBadge(page)).toContainText('Not started');
	await expect(page.getByText('Ann', { exact: true })).toHaveCount(0);
	expect(await page.title()).not.toContain('Ann');
});

test('the way home after a switch does not take the keyboard away from "Make it comfortable"', async ({
	page
}) => {
	await addLearner(page, '/', 'Бат');
	await page.goto(courseUrl('mn'));
	await press(page, header(page).getByRole('button', { name: 'Суралцагч солих' }));
	await press(page, page.getByRole('button', { name: 'Суралцагч нэмэх' }));
	await typeInto(page, page.getByLabel('Таны нэр'), 'Сараа');
	// A slow phone: the home page's code arrives only after the new learner has reached Done.
	let held = 0;
	let release = () => {};
	const arrived = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/nodes/**', async (route) => {
		held++;
		await arrived;
		await route.continue();
	});
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Тохь тухтай болгох' })).toBeVisible();
	const done = page.getByRole('button', { name: 'Дууслаа' });
	await tabTo(page, done);
	await expect.poll(() => held).toBeGreaterThan(0);
	release();
	await expect(page).toHaveURL(/^https?:\/\/[^/]+\/$/);
	await expect(done).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(done).toBeHidden();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('e-Mongolia-г аюулгүй ашиглаж сурах');
});

test('a forgotten secret is reset with the helper code and the progress stays', async ({ page }) => {
	await addLearner(page, '/en', 'Ann');
	await press(page, header(page).getByRole('link', { name: 'Ann' }));
	await press(page, page.getByRole('button', { name: 'Use a PIN' }));
	await typeInto(page, page.getByLabel('New 4-digit PIN'), '1234');
	await page.keyboard.press('Enter');
	await expect(page.getByText('Your secret is saved.')).toBeVisible();
	await expectNoAxeViolations(page, 'profile page (en)');
	await makeProgress(page, 'en');

	// The helper opens the device settings from "Who is learning?".
	await press(page, header(page).getByRole('button', { name: 'Switch learner' }));
	await press(page, page.getByRole('link', { name: 'Device settings (for the helper)' }));
	await expect(page.getByRole('heading', { level: 1, name: 'Device settings' })).toBeVisible();
	await expectNoAxeViolations(page, 'device settings (en)');
	await typeInto(page, page.getByLabel('New helper code'), 'library-42');
	await page.keyboard.press('Enter');
	await expect(page.getByText('The helper code is saved.')).toBeVisible();

	const ann = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Ann' }) });
	await expect(ann).toContainText('PIN');
	await press(page, ann.getByRole('button', { name: 'Reset the secret' }));
	await typeInto(page, ann.getByLabel('Helper code'), 'not-the-code');
	await page.keyboard.press('Enter');
	await expect(ann.getByRole('alert')).toContainText('That helper code is not right.');
	await expectNoAxeViolations(page, 'device settings, reset (en)');
	await typeInto(page, ann.getByLabel('Helper code'), 'library-42');
	await page.keyboard.press('Enter');
	await expect(page.getByText("Ann's secret is removed. Their progress is kept.")).toBeVisible();
	await expect(ann).toContainText('No secret');

	// Ann opens without a secret, and her progress is still there.
	await page.goto('/en');
	await expect(page.getByRole('heading', { level: 1, name: 'Who is learning?' })).toBeVisible();
	await press(page, page.getByRole('button', { name: /Ann/ }));
	await expect(header(page).getByRole('link', { name: 'Ann' })).toBeVisible();
	await page.goto(courseUrl('en'));
	await expect(firstLessonBadge(page)).toContainText('In progress');

	// Removing a learner who has a secret asks for it, or for the helper code.
	await press(page, header(page).getByRole('button', { name: 'Switch learner' }));
	await press(page, page.getByRole('button', { name: 'Add a learner' }));
	await typeInto(page, page.getByLabel('Your name'), 'Bob');
	await page.keyboard.press('Enter');
	await makeComfortable(page, true);
	await press(page, header(page).getByRole('link', { name: 'Bob' }));
	await press(page, page.getByRole('button', { name: 'Use a PIN' }));
	await typeInto(page, page.getByLabel('New 4-digit PIN'), '9999');
	await page.keyboard.press('Enter');
	await expect(page.getByText('Your secret is saved.')).toBeVisible();
	await press(page, page.getByRole('link', { name: 'Device settings (for the helper)' }));
	const bob = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Bob' }) });
	await press(page, bob.getByRole('button', { name: 'Remove this learner' }));
	await expect(bob).toContainText('Remove Bob and all their progress and certificates on this device?');
	await typeInto(page, bob.getByLabel('4-digit PIN'), '0000');
	await page.keyboard.press('Enter');
	await expect(bob.getByRole('alert')).toContainText('That is not right.');
	await press(page, bob.getByRole('button', { name: 'Use the helper code instead' }));
	await typeInto(page, bob.getByLabel('Helper code'), 'library-42');
	await page.keyboard.press('Enter');
	await expect(page.getByText('Bob was removed.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Bob' })).toHaveCount(0);
	await expect(page.getByRole('heading', { name: 'Ann' })).toBeVisible();
});

test('the idle lock asks first, continues with one action, and later returns to Who is learning?', async ({
	page
}) => {
	// Playwright's clock: minutes pass at once, with no real waiting and no timing flakiness.
	await page.clock.install();
	await addLearner(page, '/en', 'Ann');
	await makeProgress(page, 'en');

	await page.clock.fastForward('09:05');
	const dialog = page.getByRole('dialog', { name: 'Are you still learning?' });
	await expect(dialog).toBeVisible();
	const stay = dialog.getByRole('button', { name: 'I am here, continue' });
	await expect(stay).toBeFocused();
	await expectNoAxeViolations(page, 'idle warning (en)');
	await page.keyboard.press('Enter');
	await expect(dialog).toBeHidden();
	await expect(page.locator('#step-heading')).toContainText('Step 2 of');

	// Nobody answers the second time: back to "Who is learning?", with nothing lost.
	await page.clock.fastForward('09:05');
	await expect(dialog).toBeVisible();
	await page.clock.fastForward('01:00');
	await expect(page.getByRole('heading', { level: 1, name: 'Who is learning?' })).toBeVisible();
	await expect(page.getByText('nobody used it for a while')).toBeVisible();
	await expect(header(page).getByRole('link', { name: 'Ann' })).toHaveCount(0);
	await expectNoAxeViolations(page, 'who is learning after the idle lock (en)');
	await press(page, page.getByRole('button', { name: /Ann/ }));
	await page.goto(lessonUrl('en'));
	await expect(page.locator('#step-heading')).toContainText('Step 2 of');

	// The helper can turn the lock off.
	await page.goto('/en/device');
	// Tab reaches the chosen radio button of the group; arrow keys move the choice (saved at once).
	await tabTo(page, page.getByRole('radio', { name: '10 minutes' }));
	for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
	await expect(page.getByRole('radio', { name: 'Off' })).toBeChecked();
	await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
	await page.goto('/en');
	await page.clock.fastForward('30:00');
	await expect(dialog).toHaveCount(0);
	await expect(header(page).getByRole('link', { name: 'Ann' })).toBeVisible();
});

for (const lang of ['mn', 'en'] as const) {
	const t = {
		mn: { look: 'Зүгээр үзэх', banner: 'Та зүгээр үзэж байна', inProgress: 'Үзэж байгаа', none: 'Эхлээгүй' },
		en: {
			look: 'Just looking',
			banner: 'You are just looking',
			inProgress: 'In progress',
			none: 'Not started'
		}
	}[lang];

	test(`a guest tries a lesson and nothing is kept (${lang})`, async ({ page }) => {
		await page.goto(lang === 'en' ? '/en' : '/');
		await press(page, page.getByRole('button', { name: t.look }));
		await expect(page.getByText(t.banner)).toBeVisible();
		await expectNoAxeViolations(page, `guest home (${lang})`);
		await makeProgress(page, lang);
		await expect(page.getByText(t.banner)).toBeVisible();
		// A guest's progress lives only in this page's memory: follow the link, as a full load forgets it.
		await press(page, page.locator('.back a'));
		await expect(page).toHaveURL(new RegExp(`/courses/${course.id}$`));
		await expect(firstLessonBadge(page)).toContainText(t.inProgress);
		// Nothing at all was written to the device: not even the database exists.
		const databases = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
		expect(databases).not.toContain('alkham');

		await page.reload();
		await expect(page.getByText(t.banner)).toBeVisible();
		await expect(firstLessonBadge(page)).toContainText(t.none);
	});
}

// On a new device a learner page gives its place to the welcome. The welcome is in the page's own HTML,
// shown from the first frame (src/lib/a11y/first-frame.js): never the page first and the welcome a moment
// later, even while the picker's code is on its way; and nothing moves when the picker takes over.
const welcomeWords = 'Each person has their own profile'; // in the picker's code, in both languages

for (const lang of ['mn', 'en'] as const) {
	test(`on a new device the welcome is there from the first frame, and nothing moves (${lang})`, async ({
		page
	}) => {
		await page.addInitScript(() => {
			const w = window as unknown as { __shift: number; __largest: number };
			w.__shift = 0;
			w.__largest = 0;
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[])
					if (!entry.hadRecentInput) w.__shift += entry.value;
			}).observe({ type: 'layout-shift', buffered: true });
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries()) w.__largest = entry.startTime;
			}).observe({ type: 'largest-contentful-paint', buffered: true });
		});
		const picker = await holdScript(page, welcomeWords);
		await page.goto(courseUrl(lang));
		const welcome = page.getByRole('heading', { level: 1, name: t(lang, 'profiles_welcome_title') });
		await expect(welcome).toBeVisible();
		await expect(page.getByRole('heading', { name: course.title[lang] })).toBeHidden();
		await expect(page).toHaveTitle(`${t(lang, 'profiles_welcome_title')} — ${t(lang, 'app_name')}`);
		await expectNoAxeViolations(page, `welcome from the first frame (${lang})`);
		// Someone only reading it costs no more code: the picker's is fetched once a button is reached.
		await page.waitForLoadState('networkidle');
		expect(picker.held(), 'picker fetched before anyone reached for it').toBe(false);
		// Nor is the page under it hydrated (a quarter of hydration's work on a slow phone): its HTML is gone.
		await expect(page.locator('h1', { hasText: course.title[lang] })).toHaveCount(0);
		const { shift, largest } = await page.evaluate(() => {
			const w = window as unknown as { __shift: number; __largest: number };
			return { shift: w.__shift, largest: w.__largest };
		});
		expect(shift, 'layout shift of the first visit').toBeLessThan(0.05);
		expect(largest, 'the largest paint is the first frame’s').toBeLessThan(1000);
		// Reaching "Create my profile" fetches the picker, whose own welcome takes the place, then the form.
		await tabTo(page, page.getByRole('button', { name: t(lang, 'profiles_welcome_create') }));
		await expect.poll(picker.held).toBe(true);
		picker.release();
		await expect(page.locator('.first-welcome')).toHaveCount(0);
		await expect(page.getByRole('button', { name: t(lang, 'profiles_welcome_create') })).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page.getByRole('heading', { level: 1, name: t(lang, 'profiles_add_title') })).toBeFocused();
		await picker.done();
	});

	test(`a choice made on the first frame's welcome is carried out once its code arrives (${lang})`, async ({
		page
	}) => {
		// The learner frame's code (which names the first frame's welcome) is held: the page has not even
		// hydrated when the button is reached and pressed with the keyboard.
		const app = await holdScript(page, 'first-welcome');
		await page.goto(courseUrl(lang));
		await expect.poll(app.held).toBe(true);
		await press(page, page.getByRole('button', { name: t(lang, 'profiles_welcome_create') }));
		app.release();
		await expect(page.getByRole('heading', { level: 1, name: t(lang, 'profiles_add_title') })).toBeFocused();
		await app.done();
	});
}

test('a new device whose app code cannot arrive shows the page, not a welcome that cannot work', async ({
	page
}) => {
	await holdScript(page, 'first-welcome', 'fail');
	await page.goto(courseUrl('en'));
	await expect(page.getByRole('heading', { level: 1, name: course.title.en })).toBeVisible();
	await expect(page.getByRole('heading', { name: t('en', 'profiles_welcome_title') })).toBeHidden();
	await page.unrouteAll({ behavior: 'ignoreErrors' });
});

test('a device with learners shows the page, not the welcome, until the picker is there', async ({
	page
}) => {
	await page.addInitScript(() => localStorage.setItem('alkham.device.learners', '1'));
	const picker = await holdScript(page, welcomeWords);
	await page.goto(courseUrl('en'));
	await expect.poll(picker.held).toBe(true);
	await expect(page.getByRole('heading', { level: 1, name: course.title.en })).toBeVisible();
	await expect(page.getByRole('heading', { name: t('en', 'profiles_welcome_title') })).toBeHidden();
	await picker.done();
});

// The lesson player is not fetched on a device where nobody is chosen (the welcome takes the page's
// place); once a learner is added on the lesson's address, it is, and the lesson is the player's.
test('a new device fetches the lesson player only once someone is learning', async ({ page }) => {
	const player: string[] = [];
	page.on('request', (request) => {
		if (/\/LessonPlayer\.[^/]+\.css$/.test(request.url())) player.push(request.url());
	});
	await page.goto(lessonUrl('en'));
	await expect(page.getByRole('button', { name: 'Create my profile' })).toBeVisible();
	// Well after the page is up, still nothing of the player.
	await page.waitForLoadState('networkidle');
	expect(player, 'player fetched before anyone was chosen').toEqual([]);

	await addLearner(page, lessonUrl('en'));
	await expect(page.getByRole('heading', { level: 1, name: lesson.title.en })).toBeVisible();
	await expect.poll(() => player.length).toBeGreaterThan(0);
	await expect(page.locator('.player')).toBeVisible();
});
