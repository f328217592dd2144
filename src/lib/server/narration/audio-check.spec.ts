import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkNarrationAudio, MAX_NARRATION_BYTES } from './audio-check';
import { readWebm } from './webm';

export const recording = (name: string) => new Uint8Array(readFileSync(`tests/media/narration/${name}`));

describe('narration uploads are checked by their content', () => {
	it('accepts Chromium’s WebM/Opus, whose header has no duration, with the length read from its blocks', async () => {
		const bytes = recording('chromium-opus-3s.webm');
		const info = readWebm(bytes);
		expect(info).toMatchObject({ docType: 'webm', tracks: [{ type: 2, codec: 'A_OPUS' }] });
		const result = await checkNarrationAudio(bytes);
		expect(result).toMatchObject({ ok: true, mime: 'audio/webm' });
		expect(result.ok && result.durationMs).toBeGreaterThan(2_800);
		expect(result.ok && result.durationMs).toBeLessThan(3_300);
	});

	it('accepts AAC in MP4/M4A, plain and fragmented (as Safari records)', async () => {
		for (const name of ['aac-3s.m4a', 'aac-fragmented-3s.m4a']) {
			const result = await checkNarrationAudio(recording(name));
			expect(result, name).toMatchObject({ ok: true, mime: 'audio/mp4' });
			expect(result.ok && Math.abs(result.durationMs - 3_000), name).toBeLessThan(200);
		}
	});

	it('refuses a recording over 90 seconds, its length read from the stream', async () => {
		const bytes = recording('chromium-opus-92s.webm');
		expect(bytes.length).toBeLessThan(MAX_NARRATION_BYTES);
		expect(Math.round(readWebm(bytes).durationMs / 1000)).toBe(92);
		expect(await checkNarrationAudio(bytes)).toEqual({ ok: false, problem: 'too_long' });
	});

	it('refuses other audio and video in an accepted container', async () => {
		expect(await checkNarrationAudio(recording('opus-in-mp4-3s.mp4'))).toEqual({
			ok: false,
			problem: 'wrong_codec'
		});
		expect(await checkNarrationAudio(recording('video-1s.webm'))).toEqual({
			ok: false,
			problem: 'wrong_codec'
		});
	});

	it('refuses what is not WebM or MP4, whatever it would be called', async () => {
		const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
		const wav = new TextEncoder().encode('RIFF\x24\x00\x00\x00WAVEfmt ');
		const html = new TextEncoder().encode('<!doctype html><script>alert(1)</script>');
		for (const bytes of [recording('opus-3s.ogg'), png, wav, html])
			expect(await checkNarrationAudio(bytes)).toEqual({ ok: false, problem: 'not_audio' });
	});

	it('refuses an empty, an oversized and a damaged file', async () => {
		expect(await checkNarrationAudio(new Uint8Array())).toEqual({ ok: false, problem: 'empty' });
		const big = new Uint8Array(MAX_NARRATION_BYTES + 1);
		big.set(recording('chromium-opus-3s.webm'));
		expect(await checkNarrationAudio(big)).toEqual({ ok: false, problem: 'too_big' });
		// Cut off inside the header: no track is known yet.
		expect(await checkNarrationAudio(recording('chromium-opus-3s.webm').subarray(0, 60))).toMatchObject({
			ok: false
		});
		// The header alone, no audio: nothing to hear.
		expect(await checkNarrationAudio(recording('chromium-opus-3s.webm').subarray(0, 0x96))).toEqual({
			ok: false,
			problem: 'unreadable'
		});
		expect(await checkNarrationAudio(recording('aac-3s.m4a').subarray(0, 200))).toMatchObject({ ok: false });
	});
});
