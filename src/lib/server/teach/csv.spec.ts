import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('CSV export', () => {
	it('starts with a UTF-8 byte order mark and ends every row with CRLF', () => {
		const csv = toCsv([
			['Нэр', 'Курс'],
			['Болд', 'E-Mongolia-тай танилцах']
		]);
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		expect(csv.slice(1)).toBe('Нэр,Курс\r\nБолд,E-Mongolia-тай танилцах\r\n');
		const bytes = new TextEncoder().encode(csv);
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	});

	it('quotes cells with commas, quotes and line breaks, doubling the quotes', () => {
		expect(csvCell('Улаанбаатар, Сүхбаатар')).toBe('"Улаанбаатар, Сүхбаатар"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('two\nlines')).toBe('"two\nlines"');
		expect(csvCell('cr\rlf')).toBe('"cr\rlf"');
		expect(csvCell(' padded ')).toBe('" padded "');
		expect(csvCell('plain')).toBe('plain');
	});

	it('writes empty cells for missing values and numbers as they are', () => {
		expect(toCsv([[null, undefined, 0, 42, '']]).slice(1)).toBe(',,0,42,\r\n');
	});

	it('keeps a typed name from running as a spreadsheet formula', () => {
		expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
		expect(csvCell('+1')).toBe("'+1");
		expect(csvCell('-2')).toBe("'-2");
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvCell(-2)).toBe('-2');
	});

	it('round-trips through a strict RFC 4180 reader', () => {
		const rows = [
			['a', 'b,c', 'd"e'],
			['Өнөр\r\nӨлзий', '', 'ү']
		];
		expect(parseCsv(toCsv(rows).slice(1))).toEqual(rows);
	});
});

/** A minimal RFC 4180 parser, for the round-trip check only. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted && ch === '"' && text[i + 1] === '"') {
			cell += '"';
			i++;
		} else if (quoted && ch === '"') {
			quoted = false;
		} else if (quoted) {
			cell += ch;
		} else if (ch === '"') {
			quoted = true;
		} else if (ch === ',') {
			row.push(cell);
			cell = '';
		} else if (ch === '\r' && text[i + 1] === '\n') {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
			i++;
		} else {
			cell += ch;
		}
	}
	return rows;
}
