/**
 * Reads what narration needs from a WebM file: its DocType, its tracks' types and codecs, and its
 * duration. Browsers' MediaRecorder (Chrome's, Firefox's) writes WebM as it records, so the header
 * has no Duration and the Segment and Clusters have "unknown" sizes; the duration is found from the
 * blocks themselves: the last block's time (its Cluster's timestamp plus its own offset) plus one
 * block's length. music-metadata refuses such files, hence this small EBML reader.
 */

export interface WebmInfo {
	docType: string;
	tracks: { type: number; codec: string }[];
	/** From the blocks; the header's Duration only when there are none. */
	durationMs: number;
}

export class WebmError extends Error {
	name = 'WebmError';
}

const ID = {
	EBML: 0x1a45dfa3,
	DocType: 0x4282,
	Segment: 0x18538067,
	Info: 0x1549a966,
	TimecodeScale: 0x2ad7b1,
	Duration: 0x4489,
	Tracks: 0x1654ae6b,
	TrackEntry: 0xae,
	TrackType: 0x83,
	CodecID: 0x86,
	Cluster: 0x1f43b675,
	Timecode: 0xe7,
	BlockGroup: 0xa0,
	Block: 0xa1,
	SimpleBlock: 0xa3
};

/** Elements whose content is more elements: read into rather than skipped (their size may be unknown). */
const MASTERS = new Set([ID.EBML, ID.Segment, ID.Info, ID.Tracks, ID.TrackEntry, ID.Cluster, ID.BlockGroup]);

/** A variable-length integer at `at`: its value (marker removed unless `keepMarker`) and length. */
function vint(
	bytes: Uint8Array,
	at: number,
	keepMarker: boolean
): { value: number; length: number; unknown: boolean } {
	const first = bytes[at];
	if (first === undefined) throw new WebmError('cut off');
	let length = 1;
	while (length <= 8 && !(first & (0x80 >> (length - 1)))) length++;
	if (length > 8 || at + length > bytes.length) throw new WebmError('malformed element');
	let value = keepMarker ? first : first & (0xff >> length);
	let allOnes = value === 0xff >> length;
	for (let i = 1; i < length; i++) {
		value = value * 256 + bytes[at + i];
		if (bytes[at + i] !== 0xff) allOnes = false;
	}
	return { value, length, unknown: !keepMarker && allOnes };
}

function uint(bytes: Uint8Array): number {
	let value = 0;
	for (const b of bytes) value = value * 256 + b;
	return value;
}

function float(bytes: Uint8Array): number {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (bytes.length === 4) return view.getFloat32(0);
	if (bytes.length === 8) return view.getFloat64(0);
	return 0;
}

const ascii = (bytes: Uint8Array) => String.fromCharCode(...bytes).replace(/\0+$/, '');

/** Parses a WebM (or Matroska) file; throws WebmError when it is not one or is damaged. */
export function readWebm(bytes: Uint8Array): WebmInfo {
	if (bytes.length < 4 || uint(bytes.subarray(0, 4)) !== ID.EBML) throw new WebmError('not EBML');
	let docType = '';
	let scale = 1_000_000;
	let headerDuration = 0;
	const tracks: { type: number; codec: string }[] = [];
	let cluster = 0;
	/** Block times in the file's timestamp units, per track, in file order. */
	const times = new Map<number, number[]>();
	const block = (data: Uint8Array) => {
		const track = vint(data, 0, false);
		if (data.length < track.length + 3) throw new WebmError('short block');
		const relative = new DataView(data.buffer, data.byteOffset + track.length, 2).getInt16(0);
		const list = times.get(track.value) ?? [];
		list.push(cluster + relative);
		times.set(track.value, list);
	};

	let at = 0;
	while (at < bytes.length) {
		const id = vint(bytes, at, true);
		const size = vint(bytes, at + id.length, false);
		const start = at + id.length + size.length;
		if (MASTERS.has(id.value)) {
			if (id.value === ID.TrackEntry) tracks.push({ type: 0, codec: '' });
			// Read into it: its children follow (whatever its size says, known or not).
			at = start;
			continue;
		}
		if (size.unknown) throw new WebmError('unknown size on a plain element');
		const end = start + size.value;
		// A recording cut off mid-block (a browser that stopped abruptly) keeps what came before it.
		if (end > bytes.length) {
			if (id.value === ID.SimpleBlock || id.value === ID.Block) break;
			throw new WebmError('element runs past the end');
		}
		const data = bytes.subarray(start, end);
		const track = tracks.at(-1);
		switch (id.value) {
			case ID.DocType:
				docType = ascii(data);
				break;
			case ID.TimecodeScale:
				scale = uint(data) || scale;
				break;
			case ID.Duration:
				headerDuration = float(data);
				break;
			case ID.TrackType:
				if (track) track.type = uint(data);
				break;
			case ID.CodecID:
				if (track) track.codec = ascii(data);
				break;
			case ID.Timecode:
				cluster = uint(data);
				break;
			case ID.SimpleBlock:
			case ID.Block:
				block(data);
				break;
		}
		at = end;
	}
	if (!docType) throw new WebmError('no DocType');

	let lastEnd = 0;
	for (const list of times.values()) {
		const sorted = [...list].sort((a, b) => a - b);
		const last = sorted[sorted.length - 1];
		// One block's length: the usual gap between blocks (Opus packets are 20–60 ms each).
		const gap = sorted.length > 1 ? last - sorted[sorted.length - 2] : 0;
		lastEnd = Math.max(lastEnd, last + gap);
	}
	const units = lastEnd > 0 ? lastEnd : headerDuration;
	return { docType, tracks, durationMs: Math.round((units * scale) / 1_000_000) };
}
