import { afterEach, describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import { localeOfPath, takeLocaleFromAddress } from './address-locale';

describe('localeOfPath', () => {
	it('reads English from /en and Mongolian from everything else', () => {
		expect(localeOfPath('/en')).toBe('en');
		expect(localeOfPath('/en/courses/meet-e-mongolia')).toBe('en');
		expect(localeOfPath('/')).toBe('mn');
		expect(localeOfPath('/courses/meet-e-mongolia')).toBe('mn');
		// A path that only starts with the letters is not English.
		expect(localeOfPath('/english')).toBe('mn');
	});
});

describe('takeLocaleFromAddress', () => {
	const original = getLocale;
	afterEach(() => overwriteGetLocale(original));

	it('gives messages the language of the current address, and follows a navigation', () => {
		const location = { pathname: '/en/glossary' };
		takeLocaleFromAddress(location);
		expect(m.skip_to_content()).toBe('Skip to main content');
		location.pathname = '/glossary';
		expect(m.skip_to_content()).toBe('Үндсэн агуулга руу шилжих');
	});
});
