import { describe, expect, test } from 'vitest';
import { basePath, localeOf, localeOfPath, localizePath, switchLocale } from './paths';

describe('paths', () => {
	test('reads English from a path under /en and Mongolian from every other', () => {
		expect(localeOfPath('/en')).toBe('en');
		expect(localeOfPath('/en/courses/meet-e-mongolia')).toBe('en');
		expect(localeOfPath('/')).toBe('mn');
		expect(localeOfPath('/courses/meet-e-mongolia')).toBe('mn');
		// A path that only starts with the letters is not English.
		expect(localeOfPath('/english')).toBe('mn');
	});
	test('treats a missing language parameter as Mongolian', () => {
		expect(localeOf(undefined)).toBe('mn');
		expect(localeOf('en')).toBe('en');
	});
	test('prefixes English paths and leaves Mongolian ones bare', () => {
		expect(localizePath('/', 'en')).toBe('/en');
		expect(localizePath('/courses/a', 'en')).toBe('/en/courses/a');
		expect(localizePath('/courses/a', 'mn')).toBe('/courses/a');
	});
	test('strips only a real /en prefix', () => {
		expect(basePath('/en')).toBe('/');
		expect(basePath('/en/courses/a')).toBe('/courses/a');
		expect(basePath('/english')).toBe('/english');
	});
	test('switches language keeping the step fragment', () => {
		expect(switchLocale(new URL('http://x/courses/a/b#step-3'), 'en')).toBe('/en/courses/a/b#step-3');
		expect(switchLocale(new URL('http://x/en/courses/a/b#step-3'), 'mn')).toBe('/courses/a/b#step-3');
	});
});
