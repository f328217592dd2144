// Prints the slowest browser tests and each project's total from Playwright's JSON report
// (test-results/e2e-report.json, written by the reporter set in playwright.config.ts), so every
// `npm test` says where the suite's time goes. Run on its own: `node scripts/slowest-tests.js [N]`.
import { existsSync, readFileSync } from 'node:fs';

const REPORT = process.env.E2E_REPORT ?? 'test-results/e2e-report.json';

/** Every test result in the report: title, file, project, status and duration in ms. */
export function testResults(report) {
	const out = [];
	const walk = (suite, titles) => {
		for (const spec of suite.specs ?? [])
			for (const test of spec.tests ?? [])
				for (const result of test.results ?? [])
					out.push({
						title: [...titles, spec.title].filter(Boolean).join(' › '),
						file: spec.file ?? suite.file,
						project: test.projectName,
						status: result.status,
						duration: result.duration
					});
		for (const child of suite.suites ?? [])
			walk(child, [...titles, child.title === child.file ? '' : child.title]);
	};
	for (const suite of report.suites ?? []) walk(suite, []);
	return out;
}

function seconds(ms) {
	return `${(ms / 1000).toFixed(1)} s`;
}

export function summary(report, count = 15) {
	const results = testResults(report);
	const lines = [];
	const projects = new Map();
	for (const r of results) {
		const p = projects.get(r.project) ?? { tests: 0, ms: 0 };
		p.tests += 1;
		p.ms += r.duration;
		projects.set(r.project, p);
	}
	const wall = report.stats?.duration;
	lines.push(`Browser tests: ${results.length} in ${wall ? seconds(wall) : '?'} (wall clock)`);
	for (const [name, p] of projects)
		lines.push(
			`  ${name}: ${p.tests} tests, ${seconds(p.ms)} of test time, ${seconds(p.ms / p.tests)} each on average`
		);
	lines.push(`Slowest ${Math.min(count, results.length)}:`);
	for (const r of [...results].sort((a, b) => b.duration - a.duration).slice(0, count))
		lines.push(
			`  ${seconds(r.duration).padStart(8)}  [${r.project}] ${r.file} › ${r.title}${r.status === 'passed' ? '' : ` (${r.status})`}`
		);
	return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
	if (!existsSync(REPORT)) {
		console.log(`No browser test report at ${REPORT}.`);
	} else {
		console.log(summary(JSON.parse(readFileSync(REPORT, 'utf8')), Number(process.argv[2] ?? 15)));
	}
}
