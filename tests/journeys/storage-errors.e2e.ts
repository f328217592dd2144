import { test, expect, learnerIsOpen } from '../fixtures';

const lesson = '/en/courses/meet-e-mongolia/official-site';

test('a full disk is explained, nothing is shown as saved, and the learner can try again', async ({
	page
}) => {
	// Arm a simulated full disk: every IndexedDB write fails with QuotaExceededError while armed.
	await page.addInitScript(() => {
		const w = window as unknown as { diskFull: boolean };
		w.diskFull = false;
		for (const method of ['add', 'put'] as const) {
			const original = IDBObjectStore.prototype[method];
			IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
				if (w.diskFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				return original.apply(this, args);
			};
		}
	});
	await page.goto(`${lesson}#step-5`);
	await expect(page.locator('#step-heading')).toContainText('Step 5 of 5');
	await page.evaluate(() => ((window as unknown as { diskFull: boolean }).diskFull = true));
	await page.getByRole('button', { name: 'Finish the lesson' }).click();

	const alert = page.getByRole('alert');
	await expect(alert).toContainText("This device's storage is full");
	await expect(page.getByRole('heading', { name: 'Lesson complete' })).toHaveCount(0);

	await page.evaluate(() => ((window as unknown as { diskFull: boolean }).diskFull = false));
	await alert.getByRole('button', { name: 'Try again' }).click();
	await expect(alert).toBeEmpty();
	await page.getByRole('button', { name: 'Finish the lesson' }).click();
	await expect(page.getByRole('heading', { name: 'Lesson complete' })).toBeVisible();
	await page.goto('/en/courses/meet-e-mongolia');
	await expect(page.locator('.lessons li').nth(2).locator('.badge')).toContainText('Done');
});

test('a database upgrade in another tab is explained instead of crashing this one', async ({
	page,
	context
}) => {
	await page.goto(lesson);
	await learnerIsOpen(page); // hydrated: a click before that would be lost on a busy machine
	await page.getByRole('button', { name: 'Next' }).click();
	await expect(page.locator('#step-heading')).toContainText('Step 2 of');

	// Another tab opens the database with a newer schema version.
	const other = await context.newPage();
	await other.goto('/en');
	await other.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const request = indexedDB.open('alkham', 10_000);
				request.onsuccess = () => {
					request.result.close();
					resolve();
				};
				request.onerror = () => reject(request.error);
			})
	);

	await expect(page.getByRole('alert')).toContainText('Alkham was updated in another tab');
	await expect(page.getByRole('alert').getByRole('button', { name: 'Reload the page' })).toBeVisible();
	// The lesson is still on screen and usable.
	await expect(page.locator('#step-heading')).toContainText('Step 2 of');
});
