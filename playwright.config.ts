import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);
// The server's data folder for this run. Set here once (workers inherit the environment), so tests
// can run `npm run admin` against the same database (tests/teacher.e2e.ts).
process.env.E2E_DATA_DIR ??= `test-results/e2e-data-${Date.now()}`;
// Debian's Chromium where it is installed (these machines cannot download Playwright's browser);
// CHROMIUM_PATH overrides; otherwise Playwright's own browser.
const executablePath =
	process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.e2e.ts',
	timeout: 60_000,
	expect: { timeout: 10_000 },
	fullyParallel: false,
	// Two workers on CI too: the full run (about 280 tests) then takes about 40 minutes on 2 cores.
	workers: 2,
	retries: 0,
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: `http://localhost:${PORT}`,
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--disable-dev-shm-usage'
			]
		}
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
	webServer: {
		// The production build, as learners get it (service worker included); `npm test` builds first.
		command: 'node scripts/serve.js',
		url: `http://localhost:${PORT}/`,
		reuseExistingServer: false,
		timeout: 180_000,
		env: {
			PORT: String(PORT),
			HOST: '127.0.0.1',
			ORIGIN: `http://localhost:${PORT}`,
			DATA_DIR: process.env.E2E_DATA_DIR
		}
	}
});
