/** A cell of a CSV file: text, a number, or nothing. */
export type CsvCell = string | number | null | undefined;

const BOM = '\uFEFF';

/**
 * One cell, quoted when it must be (comma, quote, line break, or spaces at its ends). A text that a
 * spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) gets a leading
 * apostrophe: learner names are typed by learners, and a CSV must not become a macro.
 */
export function csvCell(value: CsvCell): string {
	if (value === null || value === undefined) return '';
	let text = String(value);
	if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A whole CSV file as spreadsheet programs open it with Mongolian text intact: UTF-8 with a byte
 * order mark (Excel otherwise guesses a legacy code page), CRLF line ends (RFC 4180).
 */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
	return BOM + rows.map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}
