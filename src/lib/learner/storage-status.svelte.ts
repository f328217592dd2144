import { getContext, setContext } from 'svelte';
import { classifyStorageError, type StorageProblem } from './storage-errors';

/**
 * The one place that knows whether learner data can be saved. Any failed read or write reports
 * here, and the layout shows a plain-language message with a way to retry, so nothing fails silently.
 */
export class StorageStatus {
	#problem = $state<StorageProblem | null>(null);
	// Every failed write waiting for "Try again": a page can report more than one failure at once (the
	// lesson's save, then the certificate or the settings), and a later report without a retry must not
	// drop the earlier write's.
	#retries = $state.raw<(() => Promise<unknown>)[]>([]);

	get problem() {
		return this.#problem;
	}

	get canRetry() {
		return this.#retries.length > 0 && (this.#problem === 'quota' || this.#problem === 'unknown');
	}

	/** Records a failure; `retry` repeats the failed write when the learner asks. */
	report(error: unknown, retry?: () => Promise<unknown>) {
		console.error(error);
		this.#problem = classifyStorageError(error);
		if (retry && !this.#retries.includes(retry)) this.#retries = [...this.#retries, retry];
	}

	/** Records a problem known without an error object. */
	set(problem: StorageProblem) {
		this.#problem = problem;
		this.#retries = [];
	}

	/** Runs a write, reporting a failure; resolves to whether it succeeded. */
	async guard(write: () => Promise<unknown>): Promise<boolean> {
		try {
			await write();
			if (this.#problem === 'quota' || this.#problem === 'unknown') this.clear();
			return true;
		} catch (error) {
			this.report(error, write);
			return false;
		}
	}

	/** Repeats every failed write, in the order they failed; one that fails again is reported again. */
	async retry() {
		const again = this.#retries;
		if (again.length === 0) return;
		this.clear();
		for (const write of again) await this.guard(write);
	}

	clear() {
		this.#problem = null;
		this.#retries = [];
	}
}

const KEY = Symbol('storage-status');

export function setStorageStatus(status: StorageStatus) {
	return setContext(KEY, status);
}

export function getStorageStatus(): StorageStatus {
	return getContext(KEY);
}
