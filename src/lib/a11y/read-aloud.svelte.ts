import { browser } from '$app/environment';

export type ReaderState = 'idle' | 'playing' | 'paused';
/** How the last reading ended, for the status line; null while none has ended. */
export type ReaderOutcome = 'finished' | 'stopped' | 'failed' | null;

/** Whether this browser has speech synthesis. */
export function speechSupported(): boolean {
	return browser && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance !== 'undefined';
}

/**
 * The device's speech voices, kept up to date. Browsers load voices asynchronously (Chrome fires
 * `voiceschanged` later; some devices never do), so `settled` turns true once they arrived or a
 * short wait passed, after which an empty list really means "no voices".
 */
export class SpeechVoices {
	list = $state.raw<SpeechSynthesisVoice[]>([]);
	settled = $state(false);

	/** Create during component initialisation: it listens while the component lives. */
	constructor() {
		// On the server nothing is known yet: the prerendered page shows the button, as the
		// browser will while its voices load.
		if (!browser) return;
		if (!speechSupported()) {
			this.settled = true;
			return;
		}
		const load = () => {
			this.list = speechSynthesis.getVoices();
			if (this.list.length > 0) this.settled = true;
		};
		load();
		$effect(() => {
			const onChange = () => {
				load();
				this.settled = true;
			};
			speechSynthesis.addEventListener('voiceschanged', onChange);
			// Not a time limit for the learner: only how long to wait for the browser's voice list.
			const wait = setTimeout(() => (this.settled = true), 1500);
			return () => {
				speechSynthesis.removeEventListener('voiceschanged', onChange);
				clearTimeout(wait);
			};
		});
	}
}

/** Common shape of the two readers, so the control does not care which one it drives. */
export interface Reader {
	readonly state: ReaderState;
	readonly outcome: ReaderOutcome;
	start(rate: number): void;
	pause(): void;
	resume(): void;
	stop(): void;
	setRate(rate: number): void;
	/** Stops silently (the step closed). */
	dispose(): void;
}

/** Reads text with speech synthesis, one utterance per piece, in one chosen voice. */
export class SpeechReader implements Reader {
	state = $state<ReaderState>('idle');
	outcome = $state<ReaderOutcome>(null);
	#pieces: string[];
	#voice: SpeechSynthesisVoice;
	// Events of a reading that was stopped or replaced must not change the state of the next one.
	#generation = 0;

	constructor(pieces: string[], voice: SpeechSynthesisVoice) {
		this.#pieces = pieces;
		this.#voice = voice;
	}

	start(rate: number) {
		const generation = ++this.#generation;
		speechSynthesis.cancel();
		this.state = 'playing';
		this.outcome = null;
		this.#pieces.forEach((text, i) => {
			const utterance = new SpeechSynthesisUtterance(text);
			utterance.voice = this.#voice;
			utterance.lang = this.#voice.lang;
			utterance.rate = rate;
			utterance.onerror = (event) => {
				// `interrupted`/`canceled` are our own stop or restart, not failures.
				if (generation !== this.#generation || event.error === 'interrupted' || event.error === 'canceled')
					return;
				this.#generation++;
				speechSynthesis.cancel();
				this.state = 'idle';
				this.outcome = 'failed';
			};
			if (i === this.#pieces.length - 1)
				utterance.onend = () => {
					if (generation !== this.#generation) return;
					this.state = 'idle';
					this.outcome = 'finished';
				};
			speechSynthesis.speak(utterance);
		});
	}

	pause() {
		speechSynthesis.pause();
		this.state = 'paused';
	}

	resume() {
		speechSynthesis.resume();
		this.state = 'playing';
	}

	stop() {
		this.dispose();
		this.state = 'idle';
		this.outcome = 'stopped';
	}

	/** A new speed applies from the next reading: an utterance cannot change speed midway. */
	setRate() {}

	dispose() {
		this.#generation++;
		if (speechSupported()) speechSynthesis.cancel();
	}
}

/** Plays a step's recorded narration. */
export class RecordingReader implements Reader {
	state = $state<ReaderState>('idle');
	outcome = $state<ReaderOutcome>(null);
	#src: string;
	#audio: HTMLAudioElement | undefined;

	constructor(src: string) {
		this.#src = src;
	}

	#element() {
		if (this.#audio) return this.#audio;
		const audio = new Audio(this.#src);
		audio.preload = 'auto';
		audio.addEventListener('ended', () => {
			this.state = 'idle';
			this.outcome = 'finished';
		});
		audio.addEventListener('error', () => {
			this.state = 'idle';
			this.outcome = 'failed';
		});
		this.#audio = audio;
		return audio;
	}

	start(rate: number) {
		const audio = this.#element();
		audio.currentTime = 0;
		audio.playbackRate = rate;
		this.#play(audio);
	}

	#play(audio: HTMLAudioElement) {
		this.state = 'playing';
		this.outcome = null;
		audio.play().catch((error: unknown) => {
			// A pause or stop before playback began: not a failure.
			if (error instanceof DOMException && error.name === 'AbortError') return;
			this.state = 'idle';
			this.outcome = 'failed';
		});
	}

	pause() {
		this.#audio?.pause();
		this.state = 'paused';
	}

	resume() {
		if (this.#audio) this.#play(this.#audio);
	}

	stop() {
		this.dispose();
		this.state = 'idle';
		this.outcome = 'stopped';
	}

	setRate(rate: number) {
		if (this.#audio) this.#audio.playbackRate = rate;
	}

	dispose() {
		if (!this.#audio) return;
		this.#audio.pause();
		this.#audio.currentTime = 0;
	}
}
