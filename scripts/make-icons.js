// Draws the app icons (a white staircase, "алхам" = step, on the brand blue) as PNG files.
// Run once with `node scripts/make-icons.js`; the PNGs are committed as static assets.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

const BLUE = [11, 79, 138];
const WHITE = [255, 255, 255];

function crc32(buf) {
	let c = ~0;
	for (const byte of buf) {
		c ^= byte;
		for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
	}
	return ~c >>> 0;
}

function chunk(type, data) {
	const len = Buffer.alloc(4);
	len.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([len, body, crc]);
}

/** Encodes an RGB pixel function as a PNG. */
function png(size, pixel) {
	const rows = [];
	for (let y = 0; y < size; y++) {
		const row = Buffer.alloc(1 + size * 3);
		for (let x = 0; x < size; x++) row.set(pixel(x / size, y / size), 1 + x * 3);
		rows.push(row);
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header.set([8, 2, 0, 0, 0], 8);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(Buffer.concat(rows))),
		chunk('IEND', Buffer.alloc(0))
	]);
}

/** Three steps rising to the right, drawn inside the square [inset, 1 - inset]. */
function staircase(inset) {
	return (x, y) => {
		const u = (x - inset) / (1 - 2 * inset);
		const v = (y - inset) / (1 - 2 * inset);
		if (u < 0.15 || u > 0.85 || v > 0.8) return BLUE;
		const step = Math.min(2, Math.floor(((u - 0.15) / 0.7) * 3));
		const top = 0.8 - (step + 1) * 0.2;
		return v >= top ? WHITE : BLUE;
	};
}

mkdirSync('static/icons', { recursive: true });
writeFileSync('static/icons/icon-192.png', png(192, staircase(0.08)));
writeFileSync('static/icons/icon-512.png', png(512, staircase(0.08)));
// Maskable icons keep their content inside the central 80 % safe zone.
writeFileSync('static/icons/maskable-512.png', png(512, staircase(0.2)));
writeFileSync('static/icons/apple-touch-icon.png', png(180, staircase(0.1)));
console.log('icons written to static/icons');
