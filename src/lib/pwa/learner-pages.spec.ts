import { describe, expect, test } from 'vitest';
import { LEARNER_PAGE } from './learner-pages.js';

describe("learner pages (answered from the worker's caches)", () => {
	test.each([
		'/',
		'/en',
		'/en/',
		'/courses/meet-e-mongolia',
		'/en/courses/meet-e-mongolia/official-site',
		'/courses/meet-e-mongolia/official-site?from=home',
		'/settings',
		'/en/help',
		'/device',
		'/profile',
		'/join?code=ABC123',
		'/glossary',
		'/en/certificates',
		'/certificates/view?id=5c6f2ab4-3c38-4a4e-9f3e-2a4fa3b5d1c2'
	])('%s is a learner page', (path) => {
		expect(LEARNER_PAGE.test(path)).toBe(true);
	});

	test.each([
		'/verify/5c6f2ab4-3c38-4a4e-9f3e-2a4fa3b5d1c2',
		'/en/verify/5c6f2ab4-3c38-4a4e-9f3e-2a4fa3b5d1c2',
		'/teach',
		'/teach/classes/new',
		'/api/v1/courses',
		'/.well-known/jwks.json',
		'/courses/a/b/c',
		'/app-shell',
		'/_app/version.json',
		'/manifest.webmanifest',
		'/courses/meet-e-mongolia/__data.json'
	])('%s goes to the network', (path) => {
		expect(LEARNER_PAGE.test(path)).toBe(false);
	});
});
