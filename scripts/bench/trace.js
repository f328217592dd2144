// `npm run bench:trace -- /en`: where a first visit's main thread goes, on the production build with the
// Chromium the bench uses. Opens the page in a new, empty browser context (a new device) with the CPU
// slowed 4× (Lighthouse's mobile setting, DevTools `Emulation.setCPUThrottlingRate`) and a slow-4G-like
// network, records a performance trace with JavaScript samples, and prints each long task (> 50 ms)
// after the first contentful paint: what it holds (layout, module evaluation, script), the functions
// that take its time, and the sum of their time beyond 50 ms (the page's blocking time, as
// Lighthouse counts it, until 5 s after load). Not part of `npm test`: timings vary from run to run on
// a busy machine; compare the shape of the tasks, not single numbers (docs/performance.md).
// Functions are named by file and line when the build has source maps: `BUILD_SOURCEMAP=1 npm run
// build` first (the bench does not rebuild). BENCH_PORT (4295) and BENCH_CPU (4) change the defaults.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { SourceMapConsumer } from 'source-map-js';

const path = process.argv[2] ?? '/';
const PORT = Number(process.env.BENCH_PORT ?? 4295);
const CPU = Number(process.env.BENCH_CPU ?? 4);
const origin = `http://127.0.0.1:${PORT}`;
const url = `${origin}${path}`;
/** Source maps of the build's scripts, read once each. */
const maps = new Map();
const executablePath =
	process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
if (!existsSync('build/handler.js')) {
	console.error('No production build: run `npm run build` (with BUILD_SOURCEMAP=1 for named functions).');
	process.exit(1);
}

const dataDir = mkdtempSync(join(tmpdir(), 'alkham-bench-trace-'));
const server = spawn(process.execPath, ['scripts/serve.js'], {
	env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', ORIGIN: origin, DATA_DIR: dataDir },
	stdio: ['ignore', 'ignore', 'inherit']
});
const stop = () => {
	server.kill();
	rmSync(dataDir, { recursive: true, force: true });
};
for (let up = false, deadline = Date.now() + 120_000; !up;) {
	if (Date.now() > deadline) {
		stop();
		throw new Error('the server did not start within 2 minutes');
	}
	up = await fetch(`${origin}/`).then(
		(r) => r.ok,
		() => false
	);
	if (!up) await new Promise((r) => setTimeout(r, 200));
}

const traceFile = join(dataDir, 'trace.json');
const browser = await chromium.launch({ executablePath });
try {
	const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true });
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
	await cdp.send('Network.enable');
	await cdp.send('Network.emulateNetworkConditions', {
		offline: false,
		latency: 150,
		downloadThroughput: (1.6 * 1024 * 1024) / 8,
		uploadThroughput: (750 * 1024) / 8
	});
	await browser.startTracing(page, {
		path: traceFile,
		categories: [
			'devtools.timeline',
			'disabled-by-default-devtools.timeline',
			'v8.execute',
			'loading',
			'toplevel',
			'disabled-by-default-v8.cpu_profiler',
			'blink.user_timing'
		]
	});
	await page.goto(url, { waitUntil: 'load' });
	await page.waitForTimeout(5000);
	await browser.stopTracing();
} finally {
	await browser.close();
}
const { traceEvents } = JSON.parse(readFileSync(traceFile, 'utf8'));
stop();
report(traceEvents);

/** Prints the long tasks after the first contentful paint of the page's main thread. */
function report(events) {
	const navigation = events.find(
		(e) => e.name === 'navigationStart' && String(e.args?.data?.documentLoaderURL ?? '').startsWith(url)
	);
	if (!navigation) throw new Error(`no navigation to ${url} in the trace`);
	const { pid, tid, ts: start } = navigation;
	const fcp = events.find((e) => e.name === 'firstContentfulPaint' && e.pid === pid && e.ts > start);
	const onMain = events
		.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur)
		.sort((a, b) => a.ts - b.ts);
	const samples = jsSamples(events, pid, tid);
	const at = (ts) => `${Math.round((ts - start) / 1000)} ms`;
	console.log(`${url} at ${CPU}× CPU: first contentful paint at ${fcp ? at(fcp.ts) : '?'}`);
	let blocking = 0;
	for (const task of onMain.filter(
		(e) => e.name === 'RunTask' && e.dur > 50_000 && (!fcp || e.ts >= fcp.ts)
	)) {
		blocking += task.dur / 1000 - 50;
		const inside = new Map();
		for (const e of onMain)
			if (e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && !e.name.startsWith('Thread'))
				inside.set(e.name, (inside.get(e.name) ?? 0) + e.dur);
		const kinds = [...inside].sort((a, b) => b[1] - a[1]).slice(0, 4);
		console.log(
			`\n• task at ${at(task.ts)}, ${Math.round(task.dur / 1000)} ms: ${kinds.map(([k, d]) => `${k} ${Math.round(d / 1000)} ms`).join(', ')}`
		);
		const own = samples.filter((s) => s.ts >= task.ts && s.ts <= task.ts + task.dur);
		const total = own.length || 1;
		const counts = new Map();
		for (const s of own) for (const name of new Set(s.stack)) counts.set(name, (counts.get(name) ?? 0) + 1);
		const top = [...counts]
			.filter(([name]) => !name.startsWith('('))
			.sort((a, b) => b[1] - a[1])
			.slice(0, 12);
		const line = ([name, n]) => `    ${String(Math.round((100 * n) / total)).padStart(3)} %  ${name}`;
		for (const entry of top) console.log(line(entry));
		// The app's own components and modules among them (named when the build has source maps).
		const ours = [...counts]
			.filter(([name]) => / src\/(lib|routes)\//.test(name))
			.sort((a, b) => b[1] - a[1])
			.slice(0, 8);
		if (ours.length) console.log('    of which the app’s own code:');
		for (const entry of ours) console.log(line(entry));
		// Where the time is spent itself (the innermost function of each sample), not counting callees.
		const selfCounts = new Map();
		for (const s of own) selfCounts.set(s.stack[0], (selfCounts.get(s.stack[0]) ?? 0) + 1);
		const selfTop = [...selfCounts].sort((a, b) => b[1] - a[1]).slice(0, 10);
		console.log('    own time:');
		for (const entry of selfTop) console.log(line(entry));
	}
	console.log(
		`\nBlocking time after the first contentful paint (until 5 s after load): ${Math.round(blocking)} ms`
	);
}

/** JavaScript samples of the main thread, each with its call stack named by source where maps exist. */
function jsSamples(events, pid, tid) {
	const ids = new Set(
		events.filter((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid).map((e) => e.id)
	);
	const nodes = new Map();
	const samples = [];
	let time;
	for (const e of events.filter((e) => ids.has(e.id) && e.pid === pid)) {
		const data = e.args?.data;
		if (e.name === 'Profile') time = data?.startTime;
		if (e.name !== 'ProfileChunk' || !data?.cpuProfile) continue;
		for (const node of data.cpuProfile.nodes ?? []) nodes.set(node.id, node);
		(data.cpuProfile.samples ?? []).forEach((id, i) => {
			time += data.timeDeltas?.[i] ?? 0;
			samples.push({ ts: time, id });
		});
	}
	const names = new Map();
	const stackOf = (id) => {
		const stack = [];
		for (let node = nodes.get(id); node; node = nodes.get(node.parent))
			stack.push(nameOf(node.callFrame, names));
		return stack;
	};
	return samples.map((s) => ({ ts: s.ts, stack: stackOf(s.id) }));
}

/** A function's name and place: its source file and line when the build has a source map. */
function nameOf(callFrame, cache) {
	const frame = { functionName: '', url: '', lineNumber: 0, columnNumber: 0, ...callFrame };
	const key = `${frame.url}:${frame.lineNumber}:${frame.columnNumber}:${frame.functionName}`;
	if (cache.has(key)) return cache.get(key);
	let name = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*\//, '')}:${frame.lineNumber}`;
	if (!frame.url) name = frame.functionName || '(native)';
	const file = frame.url.startsWith(origin) ? join('build/client', new URL(frame.url).pathname) : '';
	if (file && !maps.has(file))
		maps.set(
			file,
			existsSync(`${file}.map`)
				? new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, 'utf8')))
				: null
		);
	const original =
		file && maps.get(file)?.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber });
	if (original?.source)
		name = `${original.name ?? frame.functionName ?? ''} ${original.source.replace(/^.*node_modules\//, '').replace(/^.*?\/src\//, 'src/')}:${original.line}`;
	cache.set(key, name);
	return name;
}
