import { test, expect } from '../fixtures';
import { expectNoAxeViolations } from '../helpers/a11y';
import { waitForOfflineReady } from '../helpers/pages';
import {
	cachedUrls,
	classJoinLink,
	completeCourse,
	createClass,
	learnerJoins,
	storedMembership
} from '../helpers/teach';

// A parent joins a teacher's class with its link on a fresh phone (service worker on), finishes
// the course, and the certificate reaches the teacher's class page.

// The learner's phone starts empty (contexts made in the test take the test's storage state).
test.use({ learner: false });

test('a learner joins a class by its link, finishes the course, and the teacher sees the certificate', async ({
	teacherPage: teacher,
	browser
}) => {
	test.setTimeout(120_000);
	const className = `Эцэг эхчүүд ${Date.now() % 10_000}`;
	await teacher.goto('/teach');
	await createClass(teacher, className, 'Анги үүсгэх');
	const { path: joinPath, code } = await classJoinLink(teacher);

	const { context, learner } = await learnerJoins(browser, joinPath, className, 'Сарнай', 'Оюунаа');
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

	// The certificate arrived with the class code: the teacher sees it.
	await teacher.reload();
	await expect(teacher.getByRole('heading', { level: 3, name: 'Оюунаа' })).toBeVisible();
	await expect(teacher.getByRole('button', { name: /Биечлэн баталгаажуулах/ })).toBeVisible();

	// The learner leaves the class.
	await learner.goto('/join');
	await learner.getByRole('button', { name: 'Энэ ангиас гарах' }).click();
	await expect(learner.getByText(`Та ${className} ангиас гарлаа.`)).toBeVisible();
	expect(await storedMembership(learner)).toEqual([]);
	await expectNoAxeViolations(learner, 'join page after leaving');
	await context.close();
});
