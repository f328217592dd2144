import { describe, expect, test } from 'vitest';
import { nextPages } from './next-pages';

const links = (...hrefs: string[]) => hrefs.map((href) => `<a class="x" href="${href}">link</a>`).join('\n');

describe('the pages kept after a page the learner opened (nextPages)', () => {
	const home = links(
		'#main',
		'/',
		'/_app/immutable/assets/frame.css',
		'/courses/meet-e-mongolia',
		'/courses/meet-e-mongolia',
		'/courses/staying-safe-online',
		'/courses/meet-e-mongolia/official-site',
		'/courses/meet-e-mongolia#lessons',
		'/en/courses/meet-e-mongolia',
		'/device',
		'/glossary'
	);

	test("the home page leads to its courses, once each, in the page's language", () => {
		expect(nextPages('/', home)).toEqual(['/courses/meet-e-mongolia', '/courses/staying-safe-online']);
		expect(nextPages('/en', links('/en/courses/a', '/courses/b', '/en/help'))).toEqual(['/en/courses/a']);
		expect(nextPages('/en/', links('/en/courses/a'))).toEqual(['/en/courses/a']);
	});

	test('a course leads to its own lessons, not to other courses or the other language', () => {
		const course = links(
			'/en',
			'/en/courses/a',
			'/en/courses/a/first',
			'/en/courses/a/second',
			'/en/courses/a/second#step-3',
			'/en/courses/b/first',
			'/courses/a/first',
			'/en/courses/a/first/deeper'
		);
		expect(nextPages('/en/courses/a', course)).toEqual(['/en/courses/a/first', '/en/courses/a/second']);
		expect(nextPages('/en/courses/a/', course)).toEqual(['/en/courses/a/first', '/en/courses/a/second']);
	});

	test('a lesson and the other pages lead nowhere: one step down the tree only', () => {
		const page = links('/en/courses/a/first', '/en/courses/a/second', '/en/courses/a');
		expect(nextPages('/en/courses/a/first', page)).toEqual([]);
		expect(nextPages('/glossary', home)).toEqual([]);
		expect(nextPages('/settings', home)).toEqual([]);
		expect(nextPages('/', '')).toEqual([]);
	});
});
