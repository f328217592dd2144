// Records the narration test fixtures (tests/media/narration/) with Chromium's MediaRecorder and its
// fake microphone (a beep), exactly as the recording page records: `audio/webm;codecs=opus` at the
// page's bit rate, and `audio/mp4` where this Chromium can make it. Run again to re-make them:
//   node scripts/record-narration-fixtures.js            (the short ones, a few seconds)
//   node scripts/record-narration-fixtures.js --long     (also one of 92 s, which takes as long)
// The files are committed: the unit tests read them and never need a browser.
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { testBrowserPath } from './browser.js';

const OUT = 'tests/media/narration';
/** The recording page's bit rate (static/teach/narration-recorder.js): speech, well under 1 MB in 90 s. */
const BITS_PER_SECOND = 48_000;

const browser = await chromium.launch({
	executablePath: testBrowserPath(),
	args: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', '--no-sandbox']
});
const page = await browser.newPage();
// A secure context, which getUserMedia needs, without a server.
await page.route('https://fixtures.test/', (route) =>
	route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>fixtures</title>' })
);
await page.goto('https://fixtures.test/');

/** Records `seconds` of the fake microphone as `type`; the bytes, or null where unsupported. */
async function record(type, seconds, bits = BITS_PER_SECOND) {
	const base64 = await page.evaluate(
		async ({ type, seconds, bits }) => {
			if (!MediaRecorder.isTypeSupported(type)) return null;
			const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
			const recorder = new MediaRecorder(stream, { mimeType: type, audioBitsPerSecond: bits });
			const chunks = [];
			recorder.ondataavailable = (e) => chunks.push(e.data);
			const stopped = new Promise((resolve) => (recorder.onstop = resolve));
			recorder.start(1000);
			await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
			recorder.stop();
			await stopped;
			stream.getTracks().forEach((t) => t.stop());
			const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
			let text = '';
			for (const b of bytes) text += String.fromCharCode(b);
			return btoa(text);
		},
		{ type, seconds, bits }
	);
	return base64 === null ? null : Buffer.from(base64, 'base64');
}

mkdirSync(OUT, { recursive: true });
const long = process.argv.includes('--long');
// [file, type, seconds, bit rate]. The minute is a measurement (docs/teacher-mode.md: size per
// minute), kept out of the repository; the long one is recorded at a low rate to stay small.
const wanted = [
	[`${OUT}/chromium-opus-3s.webm`, 'audio/webm;codecs=opus', 3],
	[`${OUT}/chromium-aac-3s.m4a`, 'audio/mp4;codecs=mp4a.40.2', 3],
	...(long
		? [
				['test-results/chromium-opus-60s.webm', 'audio/webm;codecs=opus', 60],
				[`${OUT}/chromium-opus-92s.webm`, 'audio/webm;codecs=opus', 92, 12_000]
			]
		: [])
];
mkdirSync('test-results', { recursive: true });
for (const [file, type, seconds, bits] of wanted) {
	const bytes = await record(type, seconds, bits);
	if (!bytes) {
		console.log(`${file}: this Chromium cannot record ${type}; skipped`);
		continue;
	}
	writeFileSync(file, bytes);
	console.log(`${file}: ${bytes.length} bytes (${type}, ${seconds} s)`);
}
await browser.close();
