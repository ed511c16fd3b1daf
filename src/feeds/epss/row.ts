/**
 * One score row: `cve<d>epss<d>percentile`. Fields are split by hand, not by a CSV parser: FIRST
 * never quotes them (a CVE id and two decimals cannot contain the delimiter), so a quote, a space
 * or an extra column is a malformed row and is refused with its reason, never reinterpreted.
 */

/** A row's three fields, validated; `epss` and `percentile` parsed from the text kept beside them. */
export interface EpssRow {
  cve: string;
  epss: number;
  percentile: number;
  epssText: string;
  percentileText: string;
}

// CVE JSON 5 schema, cveId: "^CVE-[0-9]{4}-[0-9]{4,19}$" (cve-schema/schema/CVE_Record_Format.json).
const CVE_ID = /^CVE-\d{4}-\d{4,19}$/;

// A plain decimal (`0.000430000`, `1`, `.5`) with an optional exponent: CSV writers such as R's
// write.csv and pandas print small doubles as `5e-05`, and refusing notation would fail a whole
// import over a value that is in range. Signs, `NaN`, `Infinity`, hex and blanks are refused.
const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** Validate one data row; returns the row, or the reason it is refused (the caller adds the line). */
export function parseRow(text: string, delimiter: ',' | ';'): EpssRow | string {
  const a = text.indexOf(delimiter);
  const b = a < 0 ? -1 : text.indexOf(delimiter, a + 1);
  if (b < 0) {
    const found = a < 0 ? 1 : 2;
    return `missing column: expected 3 (cve${delimiter}epss${delimiter}percentile), found ${found}`;
  }
  if (text.indexOf(delimiter, b + 1) >= 0) {
    const found = text.split(delimiter).length;
    return `too many columns: expected 3 (cve${delimiter}epss${delimiter}percentile), found ${found}`;
  }
  const cve = text.slice(0, a);
  if (!CVE_ID.test(cve)) return `${quote(cve)} is not a CVE id (CVE-YYYY-NNNN…)`;
  const epssText = text.slice(a + 1, b);
  const epss = unitDecimal(epssText);
  if (typeof epss === 'string') return `epss ${epss}`;
  const percentileText = text.slice(b + 1);
  const percentile = unitDecimal(percentileText);
  if (typeof percentile === 'string') return `percentile ${percentile}`;
  return { cve, epss, percentile, epssText, percentileText };
}

// The number, or why not. Number() of a DECIMAL match is the nearest double, which is exact
// enough for comparing against thresholds; the text is kept for audit.
function unitDecimal(text: string): number | string {
  if (!DECIMAL.test(text)) return `${quote(text)} is not a decimal number`;
  const n = Number(text);
  return n >= 0 && n <= 1 ? n : `${quote(text)} is outside [0, 1]`;
}

// Cell text in a reason, shortened: a binary file's "cell" could be kilobytes long.
function quote(s: string): string {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 39)}…` : s);
}
