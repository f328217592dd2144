import { readFileSync } from 'node:fs';
import { type APIRequestContext } from '@playwright/test';
import { test, expect, admin, newTeacher, TEACHER_PASSWORD } from '../fixtures';
import { expectNoAxeViolations } from '../helpers/a11y';
import { tabTo } from '../helpers/pages';
import { checkPage, classJoinLink, course, createClass, postCertificate, signIn } from '../helpers/teach';
import { t } from '../helpers/ui';

// Teacher pages: server-rendered, no JavaScript, keyboard first. A learner joining a class on a
// fresh device with the service worker on is in tests/offline/class-join.e2e.ts.

test('a teacher signs in with the keyboard, is told about a bad form, creates a class and signs out', async ({
	page
}) => {
	// Two sign-ins hashed at full strength and six pages checked by axe.
	test.setTimeout(120_000);
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
	await signIn(page, '', TEACHER_PASSWORD);
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
	const { code } = await classJoinLink(page);
	expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
	await expect(page.locator('.code')).toContainText(`${code.slice(0, 3)} ${code.slice(3)}`);
	await expect(page.getByRole('img', { name: 'Нэгдэх холбоосын QR код' })).toBeVisible();
	await expect(page.getByText('Энэ ангид одоогоор сертификат ирээгүй байна.')).toBeVisible();
	await checkPage(page, 'class page, empty (mn)');

	// Sign out ends the session: the class page asks to sign in again.
	await tabTo(page, page.getByRole('button', { name: 'Гарах' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Багшийн нэвтрэх хэсэг' })).toBeVisible();
	await page.goto(classUrl);
	await expect(page).toHaveURL(/\/teach\?next=/);
});

test('a teacher confirms a certificate in person, prints the report and downloads it; anyone sees the confirmation', async ({
	teacherPage: page,
	browser,
	request
}) => {
	test.setTimeout(120_000);
	const className = `Эцэг эхчүүд ${Date.now() % 10_000}`;
	await page.goto('/teach');
	await createClass(page, className, 'Анги үүсгэх');
	const classUrl = new URL(page.url()).pathname;
	const { code } = await classJoinLink(page);
	// A certificate arrives with the class code, as a learner's device sends it.
	await postCertificate(request, code, 'Оюунаа');

	// The teacher sees it and confirms it in person.
	await page.reload();
	await expect(page.getByRole('heading', { level: 3, name: 'Оюунаа' })).toBeVisible();
	const verifyHref = await page.getByRole('link', { name: 'шалгах' }).getAttribute('href');
	const certificateId = new URL(verifyHref!).pathname.split('/').at(-1)!;
	expect(certificateId).toMatch(/^[0-9a-f-]{36}$/);
	await expect(page.getByText(/Сертификат, \d{4} оны/)).toBeVisible();
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
	const visitor = await browser.newContext();
	const anyone = await visitor.newPage();
	await anyone.goto(`/verify/${certificateId}`);
	await expect(anyone.getByText('Биечлэн баталгаажуулсан', { exact: true })).toBeVisible();
	await expect(anyone.getByText(/Багш Сарнай \d{4} оны .*-нд баталгаажуулсан/)).toBeVisible();
	await anyone.goto(`/en/verify/${certificateId}`);
	await expect(anyone.getByText('Confirmed in person', { exact: true })).toBeVisible();
	await expect(anyone.getByText(/By the teacher Сарнай on \d+ \w+ \d{4}/)).toBeVisible();
	await expectNoAxeViolations(anyone, 'verify page with a confirmation');
	await visitor.close();
});

test('teacher pages in English: language switch, messages, throttled sign-in', async ({ page }) => {
	// Five wrong passwords are each hashed at full strength.
	test.setTimeout(120_000);
	const email = newTeacher('Anar');
	await page.goto('/teach');
	await tabTo(page, page.getByRole('link', { name: 'English' }));
	await page.keyboard.press('Enter');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { name: t('en', 'teach_sign_in_title') })).toBeVisible();
	await checkPage(page, 'sign-in (en)');
	await page.goto('/teach'); // the choice is remembered
	await expect(page.getByRole('heading', { name: t('en', 'teach_sign_in_title') })).toBeVisible();

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
	await page.getByRole('button', { name: t('en', 'teach_sign_out') }).click();

	// Five wrong passwords, then even the right one must wait, with a clear message.
	for (let i = 0; i < 5; i++) {
		await page.locator('#email').fill(email);
		await page.locator('#password').fill(`wrong password ${i}`);
		await page.getByRole('button', { name: t('en', 'teach_sign_in_button') }).click();
		await expect(page.getByRole('alert')).toContainText('The email address or password is not right.');
	}
	await page.locator('#email').fill(email);
	await page.locator('#password').fill(TEACHER_PASSWORD);
	await page.getByRole('button', { name: t('en', 'teach_sign_in_button') }).click();
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
	test.setTimeout(120_000);
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
	const email = newTeacher('Ганаа');
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/teach');
	await page.locator('#email').fill(email);
	await page.locator('#password').fill(TEACHER_PASSWORD);
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
	await page.getByRole('button', { name: t('en', 'teach_sign_out') }).click();
	await expect(page.getByRole('heading', { name: t('en', 'teach_sign_in_title') })).toBeVisible();
	await context.close();
});

test('every response carries the security headers, and learner pages still run under the CSP', async ({
	page,
	request
}) => {
	const teach = await request.get('/teach');
	// Besides files from the site itself, only the one inline script of our own (src/lib/a11y/first-frame.js),
	// by its hash.
	expect(teach.headers()['content-security-policy']).toMatch(/script-src 'self' 'sha256-[^']+';/);
	expect(teach.headers()['cache-control']).toBe('no-store');
	// A server-rendered page with JavaScript: SvelteKit's inline script runs by its nonce alone.
	const verify = (await request.get('/verify/unknown')).headers()['content-security-policy'];
	expect(verify).toMatch(/script-src 'self' 'sha256-[^']+' 'nonce-[^']+'/);
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
	await page.goto('/en/join');
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

for (const lang of ['mn', 'en'] as const)
	test(`a learner's mistyped or unknown class code is explained (${lang})`, async ({ page }) => {
		await page.goto(lang === 'en' ? '/en/join' : '/join');
		const code = page.getByLabel(t(lang, 'teach_learner_join_code_label'));
		const check = page.getByRole('button', { name: t(lang, 'teach_learner_join_check_button') });
		await tabTo(page, code);
		await page.keyboard.type('AB1');
		await page.keyboard.press('Enter');
		await expect(page.getByRole('status').getByText(t(lang, 'teach_learner_join_invalid'))).toBeVisible();
		await expect(code).toHaveAttribute('aria-invalid', 'true');
		await expect(code).toHaveAccessibleDescription(
			new RegExp(t(lang, 'teach_learner_join_invalid').slice(0, 20))
		);
		// A well-formed code no class has: the server says so.
		await code.fill('ZZZ 999');
		await tabTo(page, check);
		await page.keyboard.press('Enter');
		await expect(page.getByRole('status').getByText(t(lang, 'teach_learner_join_not_found'))).toBeVisible();
		await expect(code).toHaveValue('ZZZ 999');
		await expectNoAxeViolations(page, `join page, unknown code (${lang})`);
	});
