import { test, expect } from '../fixtures';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { waitForOfflineReady } from '../helpers/pages';
import { addLearner } from '../helpers/learners';

// This test runs its own copy of the production build, so that it can deploy a "new version" (a service
// worker that differs by one byte) while a learner is in the middle of a lesson.
const PORT = Number(process.env.E2E_UPDATE_PORT ?? 4188);
const origin = `http://localhost:${PORT}`;

// Its own server at another address: a fresh device there.
test.use({ learner: false });

async function serve(dir: string): Promise<ChildProcess> {
	const server = spawn(process.execPath, [dir], {
		// A fresh database per start: the embedded one is not reopened after a hard stop.
		env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: join(dir, `data-${Date.now()}`) },
		stdio: 'ignore'
	});
	// The server opens its database and applies migrations before it listens.
	for (let i = 0; i < 300; i++) {
		try {
			if ((await fetch(`${origin}/`)).ok) return server;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	server.kill();
	throw new Error('the copied build did not start');
}

function stop(server: ChildProcess) {
	return new Promise<void>((done) => {
		if (server.exitCode !== null || server.signalCode !== null) return done();
		server.once('exit', () => done());
		server.kill();
	});
}

/** Deploys a new version: the worker script changes by one character of a precache revision. */
function deployNewVersion(dir: string) {
	const sw = join(dir, 'client', 'sw.js');
	rmSync(`${sw}.gz`, { force: true });
	rmSync(`${sw}.br`, { force: true });
	const source = readFileSync(sw, 'utf8');
	writeFileSync(
		sw,
		source.replace(/revision:"(.)/, (_, c) => `revision:"${c === 'a' ? 'b' : 'a'}`)
	);
}

test('a new version waits and is applied only when the learner chooses to update', async ({ page }) => {
	// Starts its own server twice (the embedded database and migrations each time): about 5 s on an idle
	// machine, 20-30 s while the other worker runs browser tests on the same two cores.
	test.setTimeout(120_000);
	// Inside the project, so the copy finds the server's dependencies in node_modules.
	mkdirSync('test-results', { recursive: true });
	const dir = resolve(mkdtempSync(join('test-results', 'update-build-')));
	cpSync(process.env.BUILD_DIR ?? 'build', dir, { recursive: true });
	rmSync(join(dir, 'client', 'sw.js.gz'), { force: true });
	rmSync(join(dir, 'client', 'sw.js.br'), { force: true });
	let server = await serve(dir);
	try {
		await addLearner(page, `${origin}/en/courses/meet-e-mongolia/official-site`);
		await waitForOfflineReady(page);
		await page.getByRole('button', { name: 'Next' }).click();
		await expect(page.locator('#step-heading')).toContainText('Step 2 of');
		await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

		await stop(server);
		deployNewVersion(dir);
		server = await serve(dir);
		await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

		const banner = page.getByRole('status').filter({ hasText: 'A new version of Alkham is ready' });
		await expect(banner).toBeVisible({ timeout: 20_000 });
		// Nothing reloaded behind the learner's back: same page, same step.
		expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
		await expect(page.locator('#step-heading')).toContainText('Step 2 of');

		await Promise.all([
			page.waitForEvent('load'),
			banner.getByRole('button', { name: 'Update now' }).click()
		]);
		expect(
			await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)
		).toBeUndefined();
		// The learner comes back to the same step after the update.
		await expect(page.locator('#step-heading')).toContainText('Step 2 of');
		await expect(banner).toBeHidden();
	} finally {
		await stop(server);
		rmSync(dir, { recursive: true, force: true });
	}
});
