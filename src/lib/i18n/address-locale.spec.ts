import { afterEach, describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import { takeLocaleFromAddress } from './address-locale';

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
