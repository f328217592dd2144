import { test, expect, LEARNER_NAME } from '../fixtures';
import { readCourse } from '../helpers/content';
import { completeLesson } from '../helpers/lessons';
import { waitForOfflineReady } from '../helpers/pages';
import { prerenderedRoutes } from '../helpers/routes';
import { langOf, prefix } from '../helpers/ui';

// With the service worker on: after the first visit, a device with a learner works with no network.

const course = readCourse('meet-e-mongolia');

test('works offline after the first visit: pages open and a lesson can be completed', async ({
	page,
	context
}) => {
	await page.goto('/');
	await waitForOfflineReady(page);
	// The first page loaded before the worker existed: the app asks the worker to keep it.
	await expect
		.poll(() => page.evaluate(async () => !!(await (await caches.open('alkham-pages')).match('/'))))
		.toBe(true);
	await context.setOffline(true);
	const response = await page.reload();
	expect(response?.fromServiceWorker()).toBe(true);
	// Opened before: its own server HTML from the worker's page cache, the heading already in it, and
	// no script preloads before the first paint (they slowed it; src/lib/server/http/paint-first.ts).
	const kept = await response?.text();
	expect(kept).toMatch(/<h1[\s>]/);
	expect(kept).not.toMatch(/<link\b[^>]*\brel="modulepreload"/);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	// Its scripts still run: the header names the open learner, which only the app can know.
	await expect(page.getByRole('banner').getByRole('link', { name: LEARNER_NAME, exact: true })).toBeVisible();
	// A page never opened online, reached by following links.
	await page.getByRole('link', { name: course.title.mn }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(course.title.mn);
	const lesson = course.lessons.at(-1)!;
	const direct = await page.goto(`/en/courses/${course.id}/${lesson.id}`);
	expect(direct?.fromServiceWorker()).toBe(true);
	// Never opened: the precached app shell (no heading of its own) renders it.
	expect(await direct?.text()).not.toMatch(/<h1[\s>]/);
	// Opened from the cached app shell: the page still says which language it is in.
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await completeLesson(page, lesson, 'en');
	// Server pages are never answered from the cache: offline they fail as any website would.
	await expect(page.goto('/teach')).rejects.toThrow();
});

// A course opened online keeps its lessons as well (src/lib/pwa/page-cache.ts, nextPages): the next lesson,
// never opened, then opens offline from its own HTML, as fast as a page opened before, not from the app shell.
test('a course opened online keeps its lessons: one never opened opens offline from its own HTML', async ({
	page,
	context
}) => {
	await page.goto('/en');
	await waitForOfflineReady(page);
	// Reached with a link inside the app: the app asks the worker to keep it, then the lessons it lists.
	await page.getByRole('link', { name: course.title.en }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(course.title.en);
	const lessons = course.lessons.map((lesson) => `/en/courses/${course.id}/${lesson.id}`);
	await expect
		.poll(
			() =>
				page.evaluate(async (urls) => {
					const kept = await caches.open('alkham-pages');
					return (await Promise.all(urls.map((url) => kept.match(url)))).filter(Boolean).length;
				}, lessons),
			{ timeout: 30_000 }
		)
		.toBe(lessons.length);
	await context.setOffline(true);
	const response = await page.goto(lessons.at(-1)!);
	expect(response?.fromServiceWorker()).toBe(true);
	expect(await response?.text()).toMatch(/<h1[\s>]/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(course.lessons.at(-1)!.title.en);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

// Every learner page, typed into the address bar with the network off: the service worker answers
// it, and the page renders in its language with its heading. In groups of pages, run in parallel.
const GROUP = 15;
const groups = (['mn', 'en'] as const).flatMap((lang) => {
	const routes = prerenderedRoutes().filter((route) => langOf(route) === lang);
	return Array.from({ length: Math.ceil(routes.length / GROUP) }, (_, i) => ({
		lang,
		routes: routes.slice(i * GROUP, (i + 1) * GROUP)
	}));
});

for (const { lang, routes } of groups) {
	test(`learner pages open offline: ${routes[0]} … ${routes.at(-1)}`, async ({ page, context }) => {
		await page.goto(prefix(lang) || '/');
		await waitForOfflineReady(page);
		await context.setOffline(true);
		for (const route of routes) {
			const response = await page.goto(route);
			expect(response?.fromServiceWorker(), `${route} from the service worker`).toBe(true);
			await expect(page.locator('html'), route).toHaveAttribute('lang', lang);
			await expect(page.locator('h1'), route).toHaveCount(1);
			await expect(page.locator('h1'), route).not.toBeEmpty();
		}
	});
}
