import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import * as browserRuntime from './paraglide-browser-runtime';
import { localeOfPath } from './paths';

/** Every source file under src/ (the generated messages included). */
function sources(dir = 'src'): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? sources(path) : /\.(js|ts|svelte)$/.test(name) ? [path] : [];
	});
}

describe('the browser build’s Paraglide runtime', () => {
	afterEach(() => vi.unstubAllGlobals());

	test('has every name the app and the messages import from Paraglide’s runtime', () => {
		const imported = new Set<string>();
		for (const file of sources()) {
			// The server keeps Paraglide's own runtime.
			if (/[\\/]lib[\\/](server|paraglide[\\/](server|runtime))/.test(file) || file.endsWith('.spec.ts'))
				continue;
			const code = readFileSync(file, 'utf8');
			for (const [, names] of code.matchAll(
				/import\s*\{([^}]*)\}\s*from\s*['"](?:\$lib\/paraglide\/runtime|\.\.?\/runtime)(?:\.js)?['"]/g
			))
				for (const name of names.split(',')) if (name.trim()) imported.add(name.trim().split(/\s+as\s+/)[0]);
		}
		expect([...imported].sort()).toEqual(
			expect.arrayContaining(['experimentalStaticLocale', 'getLocale', 'overwriteGetLocale'])
		);
		for (const name of imported) expect(browserRuntime, name).toHaveProperty(name);
	});

	test('answers the language of the page’s address until the frame takes over', () => {
		for (const [pathname, locale] of [
			['/', 'mn'],
			['/glossary', 'mn'],
			['/en', 'en'],
			['/en/courses/meet-e-mongolia', 'en'],
			['/english', 'mn']
		]) {
			vi.stubGlobal('window', { location: { pathname } });
			expect(browserRuntime.getLocale(), pathname).toBe(locale);
		}
		browserRuntime.overwriteGetLocale(() => 'en');
		vi.stubGlobal('window', { location: { pathname: '/' } });
		expect(browserRuntime.getLocale()).toBe('en');
	});

	test('answers Paraglide’s languages: its base language at /, another under /en', async () => {
		const paraglide = await import('$lib/paraglide/runtime');
		vi.stubGlobal('window', { location: { pathname: '/' } });
		browserRuntime.overwriteGetLocale(() => localeOfPath(window.location.pathname));
		expect(browserRuntime.getLocale()).toBe(paraglide.baseLocale);
		vi.stubGlobal('window', { location: { pathname: '/en' } });
		expect(paraglide.locales).toContain(browserRuntime.getLocale());
		expect(browserRuntime.getLocale()).not.toBe(paraglide.baseLocale);
	});
});
