import { describe, expect, it } from 'vitest';
import { isTeachPath, teachLanguageHref, teachLocale } from './locale';

const url = (path: string) => new URL(path, 'https://alkham.test');

describe('teacher page language', () => {
	it('is Mongolian unless English was asked for', () => {
		expect(teachLocale(url('/teach'), undefined)).toEqual({ locale: 'mn', chosen: false });
		expect(teachLocale(url('/teach?lang=en'), undefined)).toEqual({ locale: 'en', chosen: true });
	});

	it('remembers the choice in the cookie, and a new choice wins over it', () => {
		expect(teachLocale(url('/teach/classes'), 'en')).toEqual({ locale: 'en', chosen: false });
		expect(teachLocale(url('/teach?lang=mn'), 'en')).toEqual({ locale: 'mn', chosen: true });
	});

	it('ignores languages it does not have', () => {
		expect(teachLocale(url('/teach?lang=fr'), 'de')).toEqual({ locale: 'mn', chosen: false });
	});

	it('links to the same page in the other language, keeping its other parameters', () => {
		expect(teachLanguageHref(url('/teach/classes/x?lang=mn&a=1'), 'en')).toBe('/teach/classes/x?lang=en&a=1');
		expect(teachLanguageHref(url('/teach'), 'en')).toBe('/teach?lang=en');
	});

	it('knows which paths are teacher pages', () => {
		expect(isTeachPath('/teach')).toBe(true);
		expect(isTeachPath('/teach/classes/1')).toBe(true);
		expect(isTeachPath('/teacher')).toBe(false);
		expect(isTeachPath('/en/teach')).toBe(false);
	});
});
