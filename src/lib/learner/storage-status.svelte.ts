import { getContext, setContext } from 'svelte';
import { classifyStorageError, type StorageProblem } from './storage-errors';

/**
 * The one place that knows whether learner data can be saved. Any failed read or write reports
 * here, and the layout shows a plain-language message with a way to retry, so nothing fails silently.
 */
export class StorageStatus {
	#problem = $state<StorageProblem | null>(null);
	#retry: (() => Promise<unknown>) | undefined;

	get problem() {
		return this.#problem;
	}

	get canRetry() {
		return this.#retry !== undefined && (this.#problem === 'quota' || this.#problem === 'unknown');
	}

	/** Records a failure; `retry` repeats the failed write when the learner asks. */
	report(error: unknown, retry?: () => Promise<unknown>) {
		console.error(error);
		this.#problem = classifyStorageError(error);
		this.#retry = retry;
	}

	/** Records a problem known without an error object. */
	set(problem: StorageProblem) {
		this.#problem = problem;
		this.#retry = undefined;
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

	async retry() {
		const again = this.#retry;
		if (!again) return;
		this.clear();
		await this.guard(again);
	}

	clear() {
		this.#problem = null;
		this.#retry = undefined;
	}
}

const KEY = Symbol('storage-status');

export function setStorageStatus(status: StorageStatus) {
	return setContext(KEY, status);
}

export function getStorageStatus(): StorageStatus {
	return getContext(KEY);
}
