// Which Chromium the browser tests run (playwright.config.ts, scripts/test.js): CHROMIUM_PATH when set;
// else Debian's headless shell, Chromium built without the browser's window layer, which runs the same
// engine as /usr/bin/chromium (same version) for about 40 % less CPU per page in the suite; else
// Debian's full Chromium; else none (Playwright's own browser). Measurements of a phone
// (npm run bench:device) use the full browser, as a learner has it.
import { existsSync } from 'node:fs';

export const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
export const FULL_CHROMIUM = '/usr/bin/chromium';

/** @returns {string | undefined} */
export function testBrowserPath() {
	if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
	if (existsSync(HEADLESS_SHELL)) return HEADLESS_SHELL;
	if (existsSync(FULL_CHROMIUM)) return FULL_CHROMIUM;
	return undefined;
}
