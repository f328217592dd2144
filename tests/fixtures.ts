import { spawnSync } from 'node:child_process';
import { expect, test as base, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { addLearner } from './helpers/learners';

/**
 * The browser tests' shared fixtures, in one place (docs/testing.md):
 *
 * - `learner` (on by default): each test opens in a fresh browser context that already holds one
 *   learner, "Test" (Mongolian), made once per worker through the welcome screens and reused through
 *   `storageState` (IndexedDB included). sessionStorage, which a storage state does not carry, gets
 *   the open learner of the tab from an init script — as if "Test" had been chosen in this tab.
 *   `test.use({ learner: false })` starts on a fresh device instead (the welcome screen).
 * - `teacher`: a teacher account made once per worker with `npm run admin`, and its signed-in
 *   cookie as a storage state for contexts that need one (`teacherPage`).
 */

/** The key of this tab's open learner in sessionStorage (src/lib/learner/learner-session.svelte.ts). */
const TAB_KEY = 'alkham.learner';
/** Marks a tab whose open learner was set by the fixture, so a later switch or sign-out sticks. */
const SEEDED_KEY = 'alkham.test.seeded';

export const LEARNER_NAME = 'Test';
export const TEACHER_PASSWORD = 'correct horse battery staple';

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

export interface LearnerDevice {
	/** Cookies, localStorage and IndexedDB of a device that holds the learner. */
	state: StorageState;
	profileId: string;
}

export interface Teacher {
	email: string;
	name: string;
	/** The signed-in session cookie. */
	state: StorageState;
}

/** `npm run admin -- …` against the database of the server under test (the password on stdin). */
export function admin(args: string[], input = '') {
	const result = spawnSync(process.execPath, ['scripts/admin.js', ...args], {
		input,
		encoding: 'utf8',
		env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR }
	});
	return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

/** A new teacher account (through the admin command, as an administrator makes one). */
export function newTeacher(name: string) {
	const email = `teacher-${crypto.randomUUID().slice(0, 8)}@school.mn`;
	const created = admin(['create', email, name], `${TEACHER_PASSWORD}\n`);
	expect(created.out).toContain(`Created the teacher account ${email}`);
	expect(created.status).toBe(0);
	return email;
}

async function makeLearnerDevice(browser: Browser, baseURL: string): Promise<LearnerDevice> {
	const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
	try {
		const page = await context.newPage();
		await addLearner(page, '/', LEARNER_NAME);
		const profileId = await page.evaluate((key) => sessionStorage.getItem(key), TAB_KEY);
		expect(profileId, 'the new learner is open in the tab').toBeTruthy();
		return { state: await context.storageState({ indexedDB: true }), profileId: profileId! };
	} finally {
		await context.close();
	}
}

async function signedInTeacher(browser: Browser, baseURL: string): Promise<Teacher> {
	const name = 'Сарнай';
	const email = newTeacher(name);
	const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
	try {
		const page = await context.newPage();
		await page.goto('/teach');
		await page.locator('#email').fill(email);
		await page.locator('#password').fill(TEACHER_PASSWORD);
		await page.locator('#password').press('Enter');
		await expect(page.getByRole('heading', { level: 1, name: 'Миний ангиуд' })).toBeVisible();
		return { email, name, state: await context.storageState() };
	} finally {
		await context.close();
	}
}

/** Waits until the page shows the worker's learner as the one learning (the app has settled). */
export async function learnerIsOpen(page: Page) {
	await expect(page.getByRole('banner').getByRole('link', { name: LEARNER_NAME, exact: true })).toBeVisible();
}

/** Opens the learner in every new tab of the context, once per tab. */
export async function openLearnerInEveryTab(context: BrowserContext, profileId: string) {
	await context.addInitScript(
		([tabKey, seededKey, id]) => {
			try {
				if (sessionStorage.getItem(seededKey)) return;
				sessionStorage.setItem(seededKey, '1');
				sessionStorage.setItem(tabKey, id);
			} catch {
				// about:blank and opaque origins have no sessionStorage: nothing to open there.
			}
		},
		[TAB_KEY, SEEDED_KEY, profileId] as const
	);
}

export const test = base.extend<
	{ learner: boolean; teacherPage: Page },
	{ learnerDevice: LearnerDevice; teacher: Teacher }
>({
	learner: [true, { option: true }],

	learnerDevice: [
		async ({ browser }, use, workerInfo) => {
			await use(await makeLearnerDevice(browser, String(workerInfo.project.use.baseURL)));
		},
		{ scope: 'worker' }
	],

	teacher: [
		async ({ browser }, use, workerInfo) => {
			await use(await signedInTeacher(browser, String(workerInfo.project.use.baseURL)));
		},
		{ scope: 'worker' }
	],

	storageState: async ({ learner, learnerDevice, storageState }, use) => {
		await use(learner ? learnerDevice.state : storageState);
	},

	context: async ({ context, learner, learnerDevice }, use) => {
		if (learner) await openLearnerInEveryTab(context, learnerDevice.profileId);
		await use(context);
	},

	teacherPage: async ({ browser, teacher, baseURL }, use) => {
		const context = await browser.newContext({ baseURL, storageState: teacher.state });
		const page = await context.newPage();
		await use(page);
		await context.close();
	}
});

export { expect };
