// The device half of the fault-injection suite (`npm run test:faults`, docs/testing.md): a tab
// closed at the worst moment, two tabs at once, an outbox held for days while the server's keys
// changed. Each ends in a whole state: a course done with exactly one certificate, or a lesson
// still open to finish — never a finished course without its certificate, never two.
import { generateKeyPair, exportJWK } from 'jose';
import type { Page } from '@playwright/test';
import { test, expect, learnerIsOpen } from '../fixtures';
import { readCourse } from '../helpers/content';
import { finishLessonFromSummary } from '../helpers/lessons';
import { t } from '../helpers/ui';

// The shortest course: three lessons.
const course = readCourse('payments-receipts');
const url = (i: number) => `/en/courses/${course.id}/${course.lessons[i].id}`;
const last = course.lessons.length - 1;

/** What the device holds for the course, read straight from IndexedDB. */
function deviceState(page: Page) {
	return page.evaluate(
		(courseId) =>
			new Promise<{ lessonsDone: number; certificates: number; outbox: number; status?: string }>(
				(resolve, reject) => {
					const open = indexedDB.open('alkham');
					open.onerror = () => reject(open.error);
					open.onsuccess = () => {
						const db = open.result;
						const tx = db.transaction(['events', 'certificates', 'outbox'], 'readonly');
						const all = (store: string) => tx.objectStore(store).getAll();
						const events = all('events');
						const certificates = all('certificates');
						const outbox = all('outbox');
						tx.oncomplete = () => {
							const done = new Set(
								events.result
									.filter((e) => e.courseId === courseId && e.kind === 'lesson-done')
									.map((e) => e.lessonId)
							);
							const mine = certificates.result.filter((c) => c.courseId === courseId);
							db.close();
							resolve({
								lessonsDone: done.size,
								certificates: mine.length,
								outbox: outbox.result.length,
								status: mine[0]?.status
							});
						};
					};
				}
			),
		course.id
	);
}

/** Every lesson but the last, finished from its summary step. */
async function allButTheLast(page: Page) {
	for (let i = 0; i < last; i++)
		await finishLessonFromSummary(page, url(i), course.lessons[i].steps.length, 'en');
}

/** Opens the last lesson at its summary step, ready to finish. */
async function atTheLastStep(page: Page) {
	await page.goto(`${url(last)}#step-${course.lessons[last].steps.length}`);
	await page.reload();
	await learnerIsOpen(page);
}

const finish = (page: Page) => page.getByRole('button', { name: t('en', 'player_finish_button') }).click();

test('a tab closed between saving the last lesson and making its certificate: reopened, the certificate is there once', async ({
	page,
	context
}) => {
	await allButTheLast(page);
	await atTheLastStep(page);
	// From now on no more of the app's code arrives: the certificate module never loads, as if the
	// tab closed the moment the lesson was saved.
	await page.route('**/_app/immutable/**', () => {});
	await finish(page);
	await expect
		.poll(() => deviceState(page))
		.toMatchObject({ lessonsDone: course.lessons.length, certificates: 0 });
	await page.close();

	const again = await context.newPage();
	await again.goto('/en/certificates');
	await expect(again.locator('.list li')).toHaveCount(1);
	await expect(again.getByText(t('en', 'cert_status_issued'))).toBeVisible({ timeout: 20_000 });
	expect(await deviceState(again)).toMatchObject({ certificates: 1, outbox: 0, status: 'issued' });
});

test('a tab closed after the server stored the certificate but before the answer arrived: reopened, the same certificate, once', async ({
	page,
	context
}) => {
	await allButTheLast(page);
	await atTheLastStep(page);
	let firstAnswer: { id: string } | undefined;
	// The request reaches the server and is stored; its answer is lost with the tab.
	await page.route('**/api/v1/certificates', async (route) => {
		const response = await route.fetch();
		firstAnswer = await response.json();
		await page.close();
	});
	await finish(page);
	await expect.poll(() => firstAnswer?.id).toBeTruthy();

	const again = await context.newPage();
	await again.goto('/en/certificates');
	await expect(again.getByText(t('en', 'cert_status_issued'))).toBeVisible({ timeout: 20_000 });
	await expect(again.locator('.list li')).toHaveCount(1);
	// The replay got the certificate the server had already made, not a second one.
	await again.getByRole('link', { name: 'Show and print the certificate' }).click();
	const verify = await again.locator('.url a').getAttribute('href');
	expect(verify).toMatch(new RegExp(`/verify/${firstAnswer!.id}$`));
});

test('two tabs finishing the same course at once make one certificate', async ({ page, context }) => {
	await allButTheLast(page);
	const other = await context.newPage();
	await atTheLastStep(page);
	await atTheLastStep(other);
	await Promise.all([finish(page), finish(other)]);
	for (const tab of [page, other])
		await expect(tab.getByRole('heading', { name: t('en', 'player_lesson_done_heading') })).toBeVisible();
	await page.goto('/en/certificates');
	await expect(page.getByText(t('en', 'cert_status_issued'))).toBeVisible({ timeout: 20_000 });
	await expect(page.locator('.list li')).toHaveCount(1);
	expect(await deviceState(page)).toMatchObject({ certificates: 1, outbox: 0 });
});

test('after days offline, with the server’s signing key changed meanwhile, the certificate is sent as soon as the connection is back and checks as valid', async ({
	page
}) => {
	// The device knew only the issuer's old key.
	const { publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
	const oldKeys = {
		keys: [{ ...(await exportJWK(publicKey)), kid: 'retired-key', alg: 'EdDSA', use: 'sig' }]
	};
	await page.goto('/en');
	await learnerIsOpen(page);
	await page.evaluate(
		(value) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('alkham');
				open.onsuccess = () => {
					const tx = open.result.transaction('device', 'readwrite');
					tx.objectStore('device').put({ key: 'issuerJwks', value });
					tx.oncomplete = () => (open.result.close(), resolve());
					tx.onerror = () => reject(tx.error);
				};
			}),
		oldKeys
	);

	// Offline: every try fails, as for days, and the waits grow to their five-minute cap.
	await page.route('**/api/v1/certificates', (route) => route.abort('internetdisconnected'));
	await allButTheLast(page);
	await atTheLastStep(page);
	await finish(page);
	await expect.poll(async () => (await deviceState(page)).outbox).toBe(1);
	await page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('alkham');
				open.onsuccess = () => {
					const tx = open.result.transaction('outbox', 'readwrite');
					const store = tx.objectStore('outbox');
					const cursor = store.openCursor();
					cursor.onsuccess = () => {
						const item = cursor.result;
						if (!item) return;
						const days = 3 * 24 * 3600_000;
						item.update({
							...item.value,
							attempts: 40,
							createdAt: new Date(Date.now() - days).toISOString(),
							nextAttemptAt: Date.now() + 5 * 60_000
						});
						item.continue();
					};
					tx.oncomplete = () => (open.result.close(), resolve());
					tx.onerror = () => reject(tx.error);
				};
			})
	);

	// Back online: sent at once, not after the five-minute wait.
	await page.unroute('**/api/v1/certificates');
	await page.evaluate(() => window.dispatchEvent(new Event('online')));
	await expect.poll(async () => (await deviceState(page)).status, { timeout: 20_000 }).toBe('issued');

	await page.goto('/en/certificates');
	await page.getByRole('link', { name: 'Show and print the certificate' }).click();
	await expect(page.getByText('Signature checked on this device: valid.')).toBeVisible();
});
