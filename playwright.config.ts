import { defineConfig, devices } from '@playwright/test';
import { testBrowserPath } from './scripts/browser.js';

const PORT = Number(process.env.E2E_PORT ?? 4173);
// The server's data folder for this run. Set here once (workers inherit the environment), so tests
// can run `npm run admin` against the same database (tests/fixtures.ts).
process.env.E2E_DATA_DIR ??= `test-results/e2e-data-${Date.now()}`;
// Debian's Chromium headless shell, or its full Chromium, where installed (these machines cannot
// download Playwright's browser); CHROMIUM_PATH overrides; otherwise Playwright's own browser.
const executablePath = testBrowserPath();

const chromium = { ...devices['Desktop Chrome'], channel: undefined };

// How the suite is organised (docs/testing.md): three projects with their own settings.
// - routes: every learner page, in both languages, checked in one visit each (axe, 44 px targets,
//   320 px reflow, 200 % text, display modes). The service worker is blocked: these checks do not
//   need it, and installing it would download the whole precache in every test.
// - journeys: what a learner or teacher does, keyboard first, each test in a fresh context (with the
//   worker's learner already on the device unless the test asks for a fresh device).
// - offline: offline use and updates, with the service worker on.
// - faults: the device half of the fault-injection suite (tabs closed mid-write, two tabs, an outbox
//   held for days); run by `npm run test:faults`, not by `npm run test:e2e`.
export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.e2e.ts',
	// No test may need more: a longer journey is split, or made faster (docs/testing.md).
	timeout: 60_000,
	expect: { timeout: 10_000 },
	fullyParallel: true,
	workers: 2,
	retries: 0,
	// The list shows every test with its duration; the JSON report feeds the slowest-tests summary
	// (scripts/slowest-tests.js) that `npm test` prints at the end.
	reporter: [['list'], ['json', { outputFile: 'test-results/e2e-report.json' }]],
	reportSlowTests: null,
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
	projects: [
		{
			name: 'routes',
			testDir: 'tests/routes',
			use: { ...chromium, serviceWorkers: 'block' }
		},
		{
			name: 'journeys',
			testDir: 'tests/journeys',
			use: { ...chromium, serviceWorkers: 'block' }
		},
		{
			name: 'offline',
			testDir: 'tests/offline',
			use: { ...chromium, serviceWorkers: 'allow' }
		},
		{
			name: 'faults',
			testDir: 'tests/faults',
			use: { ...chromium, serviceWorkers: 'block' }
		}
	],
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
