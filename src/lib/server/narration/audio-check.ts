import { parseBuffer } from 'music-metadata';
import { readWebm, WebmError } from './webm';

/** The largest recording accepted (docs/narration.md). */
export const MAX_NARRATION_BYTES = 1024 * 1024;
/** The longest recording accepted. */
export const MAX_NARRATION_MS = 90_000;

export type AudioProblem =
	/** No file, or an empty one. */
	| 'empty'
	/** Over MAX_NARRATION_BYTES. */
	| 'too_big'
	/** Not WebM or MP4 at all, whatever its name or declared type. */
	| 'not_audio'
	/** WebM or MP4, but not Opus or AAC audio alone (another codec, video, several tracks). */
	| 'wrong_codec'
	/** Its length cannot be read, or it has none. */
	| 'unreadable'
	/** Over MAX_NARRATION_MS. */
	| 'too_long';

export type AudioCheck =
	{ ok: true; mime: 'audio/webm' | 'audio/mp4'; durationMs: number } | { ok: false; problem: AudioProblem };

const refuse = (problem: AudioProblem): AudioCheck => ({ ok: false, problem });

/** `ftyp` at byte 4: an ISO base media file (MP4, M4A, MOV, 3GP…). */
function isIsoMedia(bytes: Uint8Array): boolean {
	return bytes.length >= 12 && String.fromCharCode(...bytes.subarray(4, 8)) === 'ftyp';
}

function checkWebm(bytes: Uint8Array): AudioCheck {
	let info;
	try {
		info = readWebm(bytes);
	} catch (error) {
		if (error instanceof WebmError) return refuse(bytes[0] === 0x1a ? 'unreadable' : 'not_audio');
		throw error;
	}
	if (info.docType !== 'webm') return refuse('not_audio');
	// TrackType 2 is audio; anything else (video, subtitles) or more than one track is refused.
	if (info.tracks.length !== 1 || info.tracks[0].type !== 2 || info.tracks[0].codec !== 'A_OPUS')
		return refuse('wrong_codec');
	return finish('audio/webm', info.durationMs);
}

async function checkMp4(bytes: Uint8Array): Promise<AudioCheck> {
	let format;
	try {
		({ format } = await parseBuffer(bytes, undefined, { duration: true, skipCovers: true }));
	} catch {
		return refuse('unreadable');
	}
	const tracks = format.trackInfo ?? [];
	// music-metadata reports AAC as "MPEG-4/AAC" (with a profile, e.g. "MPEG-4/AAC+SBR", for HE-AAC).
	const aac = (codec: string | undefined) => !!codec && /^MPEG-4\/AAC/.test(codec);
	if (tracks.length !== 1 || tracks[0].type !== 2 || !aac(tracks[0].codecName) || !aac(format.codec))
		return refuse('wrong_codec');
	return finish('audio/mp4', Math.round((format.duration ?? 0) * 1000));
}

function finish(mime: 'audio/webm' | 'audio/mp4', durationMs: number): AudioCheck {
	if (!(durationMs > 0)) return refuse('unreadable');
	if (durationMs > MAX_NARRATION_MS) return refuse('too_long');
	return { ok: true, mime, durationMs };
}

/**
 * Checks an uploaded recording by its content alone — never its file name or declared type:
 * WebM with one Opus audio track, or MP4/M4A with one AAC audio track, at most 1 MB and 90 s.
 */
export async function checkNarrationAudio(bytes: Uint8Array): Promise<AudioCheck> {
	if (bytes.length === 0) return refuse('empty');
	if (bytes.length > MAX_NARRATION_BYTES) return refuse('too_big');
	if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3)
		return checkWebm(bytes);
	if (isIsoMedia(bytes)) return checkMp4(bytes);
	return refuse('not_audio');
}
