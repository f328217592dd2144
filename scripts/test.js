// The one test command (`npm test`): lint and types, unit tests, a production build, budget checks,
// and browser tests against that build. Installs a browser first when none is available.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { summary } from './slowest-tests.js';
import { HEADLESS_SHELL, testBrowserPath } from './browser.js';

function say(message) {
	console.log(`\n▶ ${message}`);
}

function ensureBrowser() {
	if (process.env.CHROMIUM_PATH) {
		say(`Using the browser at CHROMIUM_PATH=${process.env.CHROMIUM_PATH}`);
		return;
	}
	const root = typeof process.getuid === 'function' && process.getuid() === 0;
	if (!existsSync(HEADLESS_SHELL) && root && existsSync('/usr/bin/apt-get')) {
		say(
			'Installing Debian chromium-headless-shell with apt-get (running as root): the browser tests run in it'
		);
		try {
			execSync(
				'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-headless-shell',
				{ stdio: 'inherit' }
			);
		} catch {
			say('apt-get could not install them: looking for another browser');
		}
	}
	const path = testBrowserPath();
	if (path) {
		say(`Browser tests run in ${path}`);
		return;
	}
	say("No system browser found: installing Playwright's own Chromium");
	execSync('npx playwright install chromium', { stdio: 'inherit' });
}

const steps = [
	['Formatting and lint (prettier, eslint)', 'npm', ['run', 'lint']],
	['Types and Svelte checks (svelte-check --fail-on-warnings)', 'npm', ['run', 'check']],
	['Unit tests (vitest)', 'npm', ['run', 'test:unit']],
	['Production build', 'npm', ['run', 'build']],
	['Budget checks on the build output', 'npm', ['run', 'test:budget']],
	['Browser tests against the production build (playwright)', 'npm', ['run', 'test:e2e']]
];

const onlyFast = process.argv.includes('--no-browser');
if (!onlyFast) ensureBrowser();

const REPORT = 'test-results/e2e-report.json';
const started = Date.now();
const minutes = (ms) => `${(ms / 60_000).toFixed(1)} min`;
const times = [];

/** Where the time went: each step, and the slowest browser tests (docs/testing.md). */
function report() {
	console.log('\n▶ Time per step');
	for (const [title, ms] of times) console.log(`  ${minutes(ms).padStart(9)}  ${title}`);
	console.log(`  ${minutes(Date.now() - started).padStart(9)}  in all`);
	if (existsSync(REPORT)) console.log(`\n${summary(JSON.parse(readFileSync(REPORT, 'utf8')))}`);
}

for (const [title, command, args] of steps) {
	if (onlyFast && title.startsWith('Browser')) continue;
	say(title);
	if (title.startsWith('Browser')) rmSync(REPORT, { force: true });
	const stepStarted = Date.now();
	const result = spawnSync(command, args, { stdio: 'inherit' });
	times.push([title, Date.now() - stepStarted]);
	if (result.status !== 0) {
		report();
		console.error(`\n✗ Failed: ${title}`);
		process.exit(result.status ?? 1);
	}
}
report();
console.log('\n✓ Every check passed.');
