// Writes CSV cells and rows safely: RFC 4180 quoting, and spreadsheet formulas neutralised so a cell cannot run in Excel.
const NEEDS_QUOTES = /[",\r\n]/;
// A cell starting with = + - @ (or tab/CR, which Excel strips first) is read as a formula by spreadsheets.
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** One cell: a formula-like text gets a leading apostrophe (plain numbers such as -8.4 stay as they are); quoted when needed. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(values: readonly string[]): string {
  return values.map(csvCell).join(',');
}
