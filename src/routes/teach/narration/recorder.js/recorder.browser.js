// The recording page's microphone recorder (src/routes/teach/narration/[courseId]/[lessonId]/[step]/[locale]).
// Served as-is by ./+server.ts and loaded with <script type="module">: plain browser JavaScript, no
// framework. Without it the page still works: the upload form below the recorder is a plain form.
// It records with MediaRecorder (WebM/Opus where the browser can, else MP4), shows the elapsed time
// and a level meter (AnalyserNode), stops by itself at 90 s, plays the take back, and saves it by
// putting it into the upload form's file field and submitting that form: one way in for every upload.

/** The server's limit (src/lib/server/narration/audio-check.ts). */
const MAX_MS = 90_000;
/** Speech at 48 kbit/s: 90 s stay near half of the 1 MB limit (docs/teacher-mode.md#narration). */
const BITS_PER_SECOND = 48_000;
const TYPES = ['audio/webm;codecs=opus', 'audio/mp4;codecs=mp4a.40.2', 'audio/mp4'];

/** @param {string} id */
function byId(id) {
	const el = document.getElementById(id);
	if (!el) throw new Error(`#${id} is missing`);
	return el;
}

const section = byId('recorder');
const needsScript = byId('recorder-needs-script');
const unavailable = byId('recorder-unavailable');
const status = byId('recorder-status');
const start = /** @type {HTMLButtonElement} */ (byId('rec-start'));
const stop = /** @type {HTMLButtonElement} */ (byId('rec-stop'));
const again = /** @type {HTMLButtonElement} */ (byId('rec-again'));
const save = /** @type {HTMLButtonElement} */ (byId('rec-save'));
const elapsed = byId('rec-elapsed');
const level = /** @type {HTMLMeterElement} */ (byId('rec-level'));
const preview = byId('rec-preview');
const player = /** @type {HTMLAudioElement} */ (byId('rec-audio'));
const form = /** @type {HTMLFormElement} */ (byId('upload-form'));
const fileInput = /** @type {HTMLInputElement} */ (byId('audio-file'));
/** Localized texts, from the page. */
const text = /** @type {Record<string, string>} */ ({ ...section.dataset });

/** @param {HTMLElement} el @param {boolean} shown */
const show = (el, shown) => (el.hidden = !shown);

/** Says what happened in the status line (role=status: screen readers announce it). */
function say(/** @type {string} */ message) {
	status.textContent = message;
}

/** Tells why recording is not possible here, in place of the recorder; the upload form stays. */
function cannotRecord(/** @type {string} */ message) {
	show(section, false);
	unavailable.textContent = message;
	show(unavailable, true);
}

const clock = (/** @type {number} */ ms) => {
	const s = Math.floor(ms / 1000);
	return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

show(needsScript, false);
const type = window.MediaRecorder && TYPES.find((t) => MediaRecorder.isTypeSupported(t));
if (!navigator.mediaDevices?.getUserMedia || !type) cannotRecord(text.noRecorder);
else show(section, true);

/** @type {{ stream: MediaStream, recorder: MediaRecorder, context: AudioContext, timer: number, frame: number } | null} */
let take = null;
/** @type {Blob | null} */
let recording = null;

async function begin() {
	/** @type {MediaStream} */
	let stream;
	try {
		stream = await navigator.mediaDevices.getUserMedia({ audio: true });
	} catch (error) {
		const name = /** @type {DOMException} */ (error).name;
		cannotRecord(name === 'NotAllowedError' || name === 'SecurityError' ? text.denied : text.noMicrophone);
		return;
	}
	const recorder = new MediaRecorder(stream, { mimeType: type, audioBitsPerSecond: BITS_PER_SECOND });
	/** @type {Blob[]} */
	const chunks = [];
	recorder.ondataavailable = (e) => chunks.push(e.data);
	recorder.onstop = () => finished(new Blob(chunks, { type: recorder.mimeType.split(';')[0] }));

	const context = new AudioContext();
	const analyser = context.createAnalyser();
	analyser.fftSize = 1024;
	context.createMediaStreamSource(stream).connect(analyser);
	const samples = new Float32Array(analyser.fftSize);
	const began = performance.now();
	const tick = () => {
		analyser.getFloatTimeDomainData(samples);
		let sum = 0;
		for (const s of samples) sum += s * s;
		// Root mean square, scaled so that ordinary speech fills most of the meter.
		level.value = Math.min(1, Math.sqrt(sum / samples.length) * 4);
		if (take) take.frame = requestAnimationFrame(tick);
	};
	const timer = window.setInterval(() => {
		const ms = performance.now() - began;
		elapsed.textContent = clock(ms);
		if (ms >= MAX_MS) end(text.limit);
	}, 250);

	take = { stream, recorder, context, timer, frame: requestAnimationFrame(tick) };
	recorder.start(1000);
	elapsed.textContent = clock(0);
	recording = null;
	show(preview, false);
	show(again, false);
	show(save, false);
	show(start, false);
	show(stop, true);
	stop.focus();
	say(text.recording);
}

/** Stops the take; `why` replaces the usual message (the 90 s limit). */
function end(/** @type {string | undefined} */ why) {
	if (!take) return;
	const { stream, recorder, context, timer, frame } = take;
	take = null;
	clearInterval(timer);
	cancelAnimationFrame(frame);
	level.value = 0;
	recorder.stop();
	stream.getTracks().forEach((t) => t.stop());
	void context.close();
	if (why) say(why);
}

function finished(/** @type {Blob} */ blob) {
	recording = blob;
	if (player.src) URL.revokeObjectURL(player.src);
	player.src = URL.createObjectURL(blob);
	show(stop, false);
	show(preview, true);
	show(again, true);
	show(save, true);
	if (status.textContent !== text.limit) say(text.recorded);
	// Listening back comes first; Record again and Save follow in the Tab order.
	player.focus();
}

start.addEventListener('click', () => void begin());
again.addEventListener('click', () => void begin());
stop.addEventListener('click', () => end(undefined));
save.addEventListener('click', () => {
	if (!recording) return;
	const extension = recording.type === 'audio/mp4' ? 'm4a' : 'webm';
	const files = new DataTransfer();
	files.items.add(new File([recording], `narration.${extension}`, { type: recording.type }));
	fileInput.files = files.files;
	save.disabled = true;
	again.disabled = true;
	say(text.saving);
	form.requestSubmit();
});

// A module (loaded with type="module"): its names stay its own, apart from window.status and window.stop.
export {};
