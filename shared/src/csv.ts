/**
 * A tiny RFC 4180 writer: the worker streams CSV exports and csv-stringify is not bundled in it (its
 * Node-stream API is the wrong shape for a Workers ReadableStream anyway).
 */

/** Byte-order mark: without it, Excel reads UTF-8 as Windows-1252 and shows "SociÃ©tÃ©". */
export const UTF8_BOM = "\uFEFF";

/**
 * Excel opens a .csv with the list separator of the user's regional settings. In France the decimal separator
 * is the comma, so the list separator is the semicolon: a comma-separated file opens as one column per line
 * in a French Excel, a semicolon-separated one opens as a table. (LibreOffice and Google Sheets ask or sniff.)
 */
export const EXCEL_FR_SEPARATOR = ";";

/** RFC 4180 line ending; Excel, LibreOffice and every parser accept it. */
export const CSV_EOL = "\r\n";

/**
 * One field: quoted when it contains the separator, a double quote, CR or LF (quotes doubled inside), as is
 * otherwise. Fields that start with a space are quoted too: some readers trim unquoted fields.
 */
export function csvField(value: string, separator: string = EXCEL_FR_SEPARATOR): string {
  const needsQuotes = value.includes(separator) || /["\r\n]/.test(value) || /^\s|\s$/.test(value);
  return needsQuotes ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One line, terminated by CRLF. */
export function csvLine(fields: readonly string[], separator: string = EXCEL_FR_SEPARATOR): string {
  return fields.map((f) => csvField(f, separator)).join(separator) + CSV_EOL;
}

/**
 * Spreadsheet formula injection: a cell starting with = + - @ (or a tab / CR, which some versions skip) is run
 * as a formula by Excel, and visitor-supplied text (a contact's name from a form, a page title) reaches these
 * cells. A leading apostrophe makes it plain text, as OWASP recommends. Apply to text cells only, never to
 * numbers (a negative net income must stay a number).
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
