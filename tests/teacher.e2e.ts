import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { startLearning } from './helpers/learners';
import { expectNoAxeViolations } from './helpers/a11y';
import { readCourse } from './helpers/content';
import { tabTo, waitForOfflineReady } from './helpers/pages';
import { smallTargets } from './helpers/targets';

const course = readCourse('meet-e-mongolia');
const PASSWORD = 'correct horse battery staple';

/** `npm run admin -- …` against the database of the server under test (the password on stdin). */
function admin(args: string[], input = '') {
	const result = spawnSync(process.execPath, ['scripts/admin.js', ...args], {
		input,
		encoding: 'utf8',
		env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR }
	});
	return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

function newTeacher(name: string) {
	const email = `teacher-${crypto.randomUUID().slice(0, 8)}@school.mn`;
	const created = admin(['create', email, name], `${PASSWORD}\n`);
	expect(created.out).toContain(`Created the teacher account ${email}`);
	expect(created.status).toBe(0);
	return email;
}

/** Axe and the 44 px target check, on a teacher page as it is now. */
async function checkPage(page: Page, what: string) {
	await expectNoAxeViolations(page, what);
	expect(await smallTargets(page), `targets under 44×44 px on ${what}`).toEqual([]);
	// Teacher pages send no JavaScript at all: they work the same with it turned off.
	expect(await page.locator('script').count(), `scripts on ${what}`).toBe(0);
}

/** Signs in with the keyboard alone, as a teacher with a password manager or a careful typist would. */
async function signIn(page: Page, email: string, password = PASSWORD) {
	await tabTo(page, '#email');
	await page.keyboard.type(email);
	await page.keyboard.press('Tab');
	await expect(page.locator('#password')).toBeFocused();
	await page.keyboard.type(password);
	await page.keyboard.press('Enter');
}

async function createClass(page: Page, name: string, newClassLink: string) {
	await tabTo(page, page.getByRole('link', { name: newClassLink }));
	await page.keyboard.press('Enter');
	await expect(page.locator('#name')).toBeVisible();
	await tabTo(page, '#name');
	await page.keyboard.type(name);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/**
 * The learner finishes every lesson of the course in the app (from each lesson's summary step, as
 * tests/certificates.e2e.ts does), and waits until the device's outbox has
 * sent the certificate and the server has issued it.
 */
async function completeCourse(learner: Page, name: string) {
	for (const lesson of course.lessons) {
		await learner.goto(`/courses/${course.id}/${lesson.id}#step-${lesson.steps.length}`);
		await learner.reload(); // the player opens at the fragment's step
		await learner.getByRole('button', { name: 'Хичээлийг дуусгах' }).click();
		await expect(learner.getByRole('heading', { name: 'Хичээл дууслаа' })).toBeVisible();
	}
	await learner.getByRole('link', { name: 'Гэрчилгээгээ харах' }).click();
	// The certificate carries the name of the learner's profile.
	await expect(learner.getByText(name).first()).toBeVisible();
	await expect(learner.getByText('Баталгаажсан. Хэн ч энэ гэрчилгээг шалгаж болно.')).toBeVisible({
		timeout: 30_000
	});
}

/** A certificate for the course, sent straight to the API as a device would (for the security test). */
async function postCertificate(request: APIRequestContext, classCode: string, name: string) {
	const now = new Date().toISOString();
	const response = await request.post('/api/v1/certificates', {
		headers: { 'idempotency-key': crypto.randomUUID() },
		data: {
			learner: { id: crypto.randomUUID(), name },
			courseId: course.id,
			completedAt: now,
			lessons: course.lessons.map((l) => ({ lessonId: l.id, completedAt: now })),
			locale: 'mn',
			classCode
		}
	});
	expect(response.status()).toBe(201);
	return (await response.json()).id as string;
}

/** Every URL the service worker has cached. */
async function cachedUrls(page: Page) {
	return page.evaluate(async () => {
		const urls: string[] = [];
		for (const name of await caches.keys())
			for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
		return urls;
	});
}

/** The membership the join page stored on the device. */
async function storedMembership(page: Page) {
	return page.evaluate(
		() =>
			new Promise<{ key: string; value: { code: string; name: string } }[]>((resolve, reject) => {
				const open = indexedDB.open('alkham');
				open.onsuccess = () => {
					const all = open.result.transaction('device').objectStore('device').getAll();
					all.onsuccess = () => resolve(all.result.filter((r) => String(r.key).startsWith('class:')));
					all.onerror = () => reject(all.error);
				};
				open.onerror = () => reject(open.error);
			})
	);
}

async function learnerJoins(
	browser: Browser,
	joinPath: string,
	className: string,
	teacherName: string,
	learnerName: string
) {
	const context = await browser.newContext();
	const learner = await context.newPage();
	const violations: string[] = [];
	learner.on('console', (m) => {
		if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text());
	});
	// A fresh device: the link opens the welcome screen; once the learner's profile exists, the join
	// page opens with the code from the link filled in and checked.
	await startLearning(learner, joinPath, learnerName);
	await expect(learner.getByRole('heading', { name: 'Энэ таны анги мөн үү?' })).toBeVisible();
	await expect(learner.getByText(className)).toBeVisible();
	await expect(learner.getByText(teacherName)).toBeVisible();
	await expectNoAxeViolations(learner, 'join page, class found');
	await tabTo(learner, learner.getByRole('button', { name: 'Энэ ангид нэгдэх' }));
	await learner.keyboard.press('Enter');
	await expect(learner.getByText(`Та ${className} ангид нэгдлээ.`)).toBeVisible();
	await expect(learner.getByRole('heading', { name: 'Таны анги' })).toBeVisible();
	expect(violations, 'CSP violations on the join page').toEqual([]);
	return { context, learner };
}

test('a teacher signs in, runs a class, confirms a certificate in person, prints and exports it', async ({
	page,
	browser
}) => {
	test.setTimeout(420_000);
	const email = newTeacher('Сарнай');
	expect(admin(['list']).out).toMatch(new RegExp(`active\\s+${email.replace('.', '\\.')}\\s+Сарнай`));

	// Sign in (Mongolian, the default), keyboard only.
	await page.goto('/teach');
	await expect(page.locator('html')).toHaveAttribute('lang', 'mn');
	await expect(page.getByRole('heading', { name: 'Багшийн нэвтрэх хэсэг' })).toBeVisible();
	await checkPage(page, 'sign-in (mn)');
	await signIn(page, email, 'not the password');
	await expect(page.getByRole('alert')).toContainText('Имэйл хаяг эсвэл нууц үг буруу байна.');
	await expect(page.locator('#email')).toHaveValue(email);
	await signIn(page, '', PASSWORD);
	await expect(page.getByRole('heading', { name: 'Миний ангиуд' })).toBeVisible();
	await expect(page.getByText('Сарнай нэвтэрсэн байна')).toBeVisible();
	await checkPage(page, 'class list (mn)');

	// A bad form is shown again with the problem and nothing stored.
	await tabTo(page, page.getByRole('link', { name: 'Анги үүсгэх' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Анги үүсгэх' })).toBeVisible();
	await checkPage(page, 'new class (mn)');
	await page.locator('#name').fill('Эцэг эхчүүд');
	await page.locator('#startsOn').fill('2026-12-10');
	await page.locator('#endsOn').fill('2026-12-01');
	await page.getByRole('button', { name: 'Анги үүсгэх' }).press('Enter');
	await expect(page.getByRole('alert')).toContainText('Юу ч хадгалагдаагүй байна.');
	await expect(page.getByText('Дуусах өдөр эхлэх өдрөөс өмнө байж болохгүй.')).toBeVisible();
	await expect(page.locator('#endsOn')).toHaveAttribute('aria-invalid', 'true');
	await checkPage(page, 'new class with a problem (mn)');
	await page.goto('/teach');
	await expect(page.getByText('Танд одоогоор анги алга.')).toBeVisible();

	const className = `Эцэг эхчүүд ${Date.now() % 10_000}`;
	await createClass(page, className, 'Анги үүсгэх');
	const classUrl = new URL(page.url()).pathname;
	const joinLink = await page
		.getByRole('link', { name: /\/join\?code=/ })
		.first()
		.getAttribute('href');
	const code = new URL(joinLink!).searchParams.get('code')!;
	expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
	await expect(page.locator('.code')).toContainText(`${code.slice(0, 3)} ${code.slice(3)}`);
	await expect(page.getByRole('img', { name: 'Нэгдэх холбоосын QR код' })).toBeVisible();
	await expect(page.getByText('Энэ ангид одоогоор гэрчилгээ ирээгүй байна.')).toBeVisible();
	await checkPage(page, 'class page, empty (mn)');

	// A learner in another browser joins with the link and finishes the course.
	const { context, learner } = await learnerJoins(
		browser,
		new URL(joinLink!).pathname + '?code=' + code,
		className,
		'Сарнай',
		'Оюунаа'
	);
	const stored = await storedMembership(learner);
	expect(stored).toHaveLength(1);
	expect(stored[0].value).toMatchObject({ code, name: className });

	// Teacher pages are never in the learner's service worker: not precached, not served by it, and
	// offline they are simply not there (no cached page pretends to be one).
	await waitForOfflineReady(learner);
	const cached = await cachedUrls(learner);
	expect(cached.length, 'precached learner pages').toBeGreaterThan(50);
	expect(cached.filter((path) => path.startsWith('/teach'))).toEqual([]);
	const teachFromWorker = await learner.goto('/teach');
	expect(teachFromWorker?.fromServiceWorker()).toBe(false);
	await context.setOffline(true);
	await expect(learner.goto('/teach')).rejects.toThrow();
	await context.setOffline(false);

	await completeCourse(learner, 'Оюунаа');

	// The certificate arrived with the class code: the teacher sees it and confirms it in person.
	await page.reload();
	await expect(page.getByRole('heading', { level: 3, name: 'Оюунаа' })).toBeVisible();
	const verifyHref = await page.getByRole('link', { name: 'шалгах' }).getAttribute('href');
	const certificateId = new URL(verifyHref!).pathname.split('/').at(-1)!;
	expect(certificateId).toMatch(/^[0-9a-f-]{36}$/);
	await expect(page.getByText(/Гэрчилгээ, \d{4} оны/)).toBeVisible();
	await expect(page.getByText('Сүүлд илгээсэн:')).toBeVisible();
	await checkPage(page, 'class page with a learner (mn)');
	await tabTo(page, page.getByRole('button', { name: /Биечлэн баталгаажуулах/ }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status')).toContainText('Биечлэн баталгаажууллаа: Оюунаа.');
	await expect(page.getByText(/-нд биечлэн баталгаажуулсан/)).toBeVisible();

	// The printable report: only the report on paper.
	await page.goto(`${classUrl}/report`);
	await expect(page.getByRole('table')).toContainText('Оюунаа');
	await checkPage(page, 'report (mn)');
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.teach-header')).toBeHidden();
	await expect(page.getByText('Хэвлэхдээ хөтчийнхөө')).toBeHidden();
	await expect(page.getByRole('table')).toBeVisible();
	const pdf = await page.pdf({ format: 'A4', landscape: true });
	expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
	await page.emulateMedia({ media: 'screen' });

	// The CSV download: UTF-8 with a byte order mark, CRLF, the learner and the confirmation.
	await page.goto(classUrl);
	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Хүснэгтээр татах (CSV)' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(new RegExp(`^alkham-${code}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
	const bytes = readFileSync((await download.path())!);
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const csv = bytes.toString('utf8').slice(1);
	const lines = csv.split('\r\n');
	expect(lines[0]).toBe(
		'Суралцагч,Сургалт,Дуусгасан огноо,Биечлэн баталгаажуулсан огноо,Төлөв,Сүүлд илгээсэн,Шалгах холбоос'
	);
	expect(lines[1]).toMatch(
		new RegExp(`^Оюунаа,${course.title.mn},\\d{4}-\\d{2}-\\d{2},\\d{4}-\\d{2}-\\d{2},Хүчинтэй,`)
	);
	expect(lines[1]).toContain(`/verify/${certificateId}`);

	// Anyone checking the certificate sees the confirmation, in both languages.
	await learner.goto(`/verify/${certificateId}`);
	await expect(learner.getByText('Биечлэн баталгаажуулсан', { exact: true })).toBeVisible();
	await expect(learner.getByText(/Багш Сарнай \d{4} оны .*-нд баталгаажуулсан/)).toBeVisible();
	await learner.goto(`/en/verify/${certificateId}`);
	await expect(learner.getByText('Confirmed in person', { exact: true })).toBeVisible();
	await expect(learner.getByText(/By the teacher Сарнай on \d+ \w+ \d{4}/)).toBeVisible();
	await expectNoAxeViolations(learner, 'verify page with a confirmation');

	// The learner leaves the class.
	await learner.goto('/join');
	await learner.getByRole('button', { name: 'Энэ ангиас гарах' }).click();
	await expect(learner.getByText(`Та ${className} ангиас гарлаа.`)).toBeVisible();
	expect(await storedMembership(learner)).toEqual([]);
	await context.close();

	// Sign out ends the session: the class page asks to sign in again.
	await page.goto('/teach');
	await page.getByRole('button', { name: 'Гарах' }).click();
	await expect(page.getByRole('heading', { name: 'Багшийн нэвтрэх хэсэг' })).toBeVisible();
	await page.goto(classUrl);
	await expect(page).toHaveURL(/\/teach\?next=/);
});

test('teacher pages in English: language switch, messages, throttled sign-in', async ({ page }) => {
	test.setTimeout(180_000);
	const email = newTeacher('Anar');
	await page.goto('/teach');
	await tabTo(page, page.getByRole('link', { name: 'English' }));
	await page.keyboard.press('Enter');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { name: 'Sign in for teachers' })).toBeVisible();
	await checkPage(page, 'sign-in (en)');
	await page.goto('/teach'); // the choice is remembered
	await expect(page.getByRole('heading', { name: 'Sign in for teachers' })).toBeVisible();

	await signIn(page, email);
	await expect(page.getByRole('heading', { name: 'My classes' })).toBeVisible();
	await checkPage(page, 'class list (en)');
	await createClass(page, 'Parents, Tuesday group', 'Create a class');
	await expect(page.getByText('No certificate has come to this class yet.')).toBeVisible();
	await checkPage(page, 'class page (en)');
	await page.goto(`${new URL(page.url()).pathname}/report`);
	await checkPage(page, 'report (en)');
	await page.goto('/teach/classes/new');
	await page.getByRole('button', { name: 'Create the class' }).click();
	await expect(page.getByText('Please fill this in.')).toBeVisible();
	await checkPage(page, 'new class with a problem (en)');
	await page.getByRole('button', { name: 'Sign out' }).click();

	// Five wrong passwords, then even the right one must wait, with a clear message.
	for (let i = 0; i < 5; i++) {
		await page.locator('#email').fill(email);
		await page.locator('#password').fill(`wrong password ${i}`);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page.getByRole('alert')).toContainText('The email address or password is not right.');
	}
	await page.locator('#email').fill(email);
	await page.locator('#password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'Too many tries. To keep your account safe, please wait 1 minute'
	);
	await checkPage(page, 'sign-in throttled (en)');
	await page.goto('/teach?lang=mn');
	await expect(page.locator('html')).toHaveAttribute('lang', 'mn');
});

test('another teacher, a signed-out visitor and a forged cross-site form change nothing', async ({
	page,
	browser,
	request,
	baseURL
}) => {
	test.setTimeout(180_000);
	const owner = newTeacher('Owner');
	const other = newTeacher('Other');
	await page.goto('/teach?lang=en');
	await signIn(page, owner);
	await createClass(page, 'Private class', 'Create a class');
	const classUrl = new URL(page.url()).pathname;
	const classId = classUrl.split('/').at(-1)!;
	const code = new URL(
		(await page
			.getByRole('link', { name: /\/join\?code=/ })
			.first()
			.getAttribute('href'))!
	).searchParams.get('code')!;
	const certificate = await postCertificate(request, code, 'Learner of Owner');
	// Posts carry this site's own Origin, so they pass SvelteKit's CSRF check and reach the app's checks.
	const sameSite = { origin: baseURL! };
	const post = (ctx: APIRequestContext, path: string, form: Record<string, string>) =>
		ctx.post(path, { form, headers: sameSite, maxRedirects: 0 });

	/** What must stay as it was: no confirmation, no new class, the owner's class list unchanged. */
	async function nothingChanged() {
		const verify = await request.get(`/en/verify/${certificate}`);
		expect(await verify.text()).not.toContain('Confirmed in person');
		await page.goto('/teach');
		await expect(page.getByRole('heading', { level: 2 })).toHaveText(['Private class']);
		await page.goto(classUrl);
		await expect(page.getByRole('button', { name: /Confirm in person/ })).toHaveCount(1);
	}

	// Signed out: pages ask to sign in; the download and every form are refused (403).
	const signedOutPage = await request.get(classUrl, { maxRedirects: 0 });
	expect(signedOutPage.status()).toBe(303);
	expect(signedOutPage.headers().location).toBe(`/teach?next=${encodeURIComponent(classUrl)}`);
	expect((await request.get(`${classUrl}/csv`)).status()).toBe(403);
	for (const action of ['confirm', 'withdraw'])
		expect((await post(request, `${classUrl}?/${action}`, { certificate })).status(), action).toBe(403);
	expect((await post(request, '/teach/classes/new', { name: 'Forged' })).status()).toBe(403);
	await nothingChanged();

	// Another teacher: the class, its report and its download are 404; so are forms naming the
	// owner's class or certificate, whether posted to the owner's class or to their own.
	const context = await browser.newContext();
	const intruder = await context.newPage();
	await intruder.goto('/teach?lang=en');
	await signIn(intruder, other);
	await expect(intruder.getByRole('heading', { name: 'My classes' })).toBeVisible();
	await createClass(intruder, 'Intruder class', 'Create a class');
	const ownClassUrl = new URL(intruder.url()).pathname;
	for (const path of [classUrl, `${classUrl}/report`, `${classUrl}/csv`]) {
		const response = await intruder.request.get(path);
		expect(response.status(), path).toBe(404);
	}
	const response = await intruder.goto(classUrl);
	expect(response?.status()).toBe(404);
	await expect(intruder.getByText('There is no such class or certificate among yours.')).toBeVisible();
	await checkPage(intruder, 'not found (en)');
	// Both as a browser posts a form (HTML) and as SvelteKit's enhanced forms do (JSON).
	for (const target of [classUrl, ownClassUrl])
		for (const action of ['confirm', 'withdraw'])
			for (const id of [certificate, crypto.randomUUID(), 'not-an-id'])
				for (const accept of ['text/html', 'application/json']) {
					const forged = await intruder.request.post(`${target}?/${action}`, {
						form: { certificate: id },
						headers: { ...sameSite, accept },
						maxRedirects: 0
					});
					expect(forged.status(), `${action} ${id} via ${target} (${accept})`).toBe(404);
				}
	// A class id that is not even a UUID.
	expect((await intruder.request.get(`/teach/classes/${classId.slice(0, 8)}`)).status()).toBe(404);
	await context.close();
	await nothingChanged();

	// A form posted from another site is refused by SvelteKit's origin check, even when signed in.
	const crossSite = await page.request.post(`${classUrl}?/confirm`, {
		form: { certificate },
		headers: { origin: 'https://evil.example' }
	});
	expect(crossSite.status()).toBe(403);
	const crossSiteClass = await page.request.post('/teach/classes/new', {
		form: { name: 'Made elsewhere' },
		headers: { origin: 'https://evil.example' }
	});
	expect(crossSiteClass.status()).toBe(403);
	await nothingChanged();

	// The owner, signed in, can confirm it: the refusals above were about who asked, not a broken form.
	await tabTo(page, page.getByRole('button', { name: /Confirm in person/ }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status')).toContainText('Confirmed in person: Learner of Owner.');
});

test('teacher pages work with JavaScript turned off', async ({ browser }) => {
	test.setTimeout(180_000);
	const email = newTeacher('Ганаа');
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/teach');
	await page.locator('#email').fill(email);
	await page.locator('#password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Нэвтрэх' }).click();
	await expect(page.getByRole('heading', { name: 'Миний ангиуд' })).toBeVisible();
	await page.getByRole('link', { name: 'Анги үүсгэх' }).click();
	await page.locator('#name').fill('Оройн анги');
	await page.locator('#place').fill('12-р сургууль');
	await page.getByRole('button', { name: 'Анги үүсгэх' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Оройн анги' })).toBeVisible();
	await expect(page.locator('.code')).toContainText(/^[2-9A-HJKMNP-Z]{3} [2-9A-HJKMNP-Z]{3}/);
	await expect(page.locator('.qr svg')).toBeVisible();
	await page.getByRole('link', { name: 'English' }).click();
	await expect(page.getByRole('heading', { name: 'Learners and certificates' })).toBeVisible();
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page.getByRole('heading', { name: 'Sign in for teachers' })).toBeVisible();
	await context.close();
});

test('every response carries the security headers, and learner pages still run under the CSP', async ({
	page,
	request
}) => {
	const teach = await request.get('/teach');
	expect(teach.headers()['content-security-policy']).toMatch(/script-src 'self';/);
	expect(teach.headers()['cache-control']).toBe('no-store');
	// A server-rendered page with JavaScript: SvelteKit's inline script runs by its nonce alone.
	const verify = (await request.get('/verify/unknown')).headers()['content-security-policy'];
	expect(verify).toMatch(/script-src 'self' 'nonce-[^']+'/);
	expect(verify).not.toMatch(/script-src[^;]*unsafe-inline/);
	// Server-rendered pages and JSON, and (through scripts/serve.js) prerendered pages, the web app
	// manifest and static files, which adapter-node serves before the app's hooks run.
	const home = await page.request.get('/');
	const asset = (await home.text()).match(/\/_app\/immutable\/[^"]+\.js/)?.[0];
	expect(asset).toBeTruthy();
	for (const path of [
		'/teach',
		'/api/v1/courses',
		'/api/v1/classes/ZZZZZZ',
		'/verify/unknown',
		'/',
		'/en/join',
		'/manifest.webmanifest',
		asset!
	]) {
		const headers = (await request.get(path)).headers();
		expect(headers['x-content-type-options'], path).toBe('nosniff');
		expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
		expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
	}

	// A prerendered learner page carries its policy (with the hash of its one inline script) in a
	// meta tag, and still hydrates and runs: the join page checks a code with JavaScript.
	const violations: string[] = [];
	page.on('console', (m) => {
		if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text());
	});
	await startLearning(page, '/en/join');
	const meta = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
	expect(meta).toMatch(/script-src 'self' 'sha256-/);
	await page.getByLabel('Class code').fill('abc-0oo');
	await page.getByRole('button', { name: 'Check the code' }).click();
	await expect(page.getByText('This is not a class code.')).toBeVisible();
	await page.getByLabel('Class code').fill('zzz zzz');
	await page.getByRole('button', { name: 'Check the code' }).click();
	await expect(page.getByText('No class has this code.')).toBeVisible();
	await expectNoAxeViolations(page, 'join page (en), not found');
	expect(violations).toEqual([]);
});
