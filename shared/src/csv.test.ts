import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { csvField, csvLine, CSV_EOL, EXCEL_FR_SEPARATOR, neutralizeFormula } from "./csv";

/**
 * A deliberately plain RFC 4180 reader (state machine over characters), written independently of the writer:
 * if the writer forgets a quote, this reader splits the field and the round trip fails.
 */
function parseCsv(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i++;
      } else {
        field += ch;
        i++;
      }
    } else if (ch === '"' && field === "") {
      quoted = true;
      i++;
    } else if (text.startsWith(sep, i)) {
      row.push(field);
      field = "";
      i += sep.length;
    } else if (ch === "\r" || ch === "\n") {
      // Like Excel, any of CRLF, LF or a lone CR ends a record outside quotes.
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const nasty = fc.oneof(
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: fc.constantFrom(";", ",", '"', "\r", "\n", " ", "a", "É", "ç", "œ", "«", "»", "=", "\t") }),
);

describe("csv writer", () => {
  it("leaves plain text as it is and quotes what needs it", () => {
    expect(csvField("Société Générale")).toBe("Société Générale");
    expect(csvField("Dupont; fils")).toBe('"Dupont; fils"');
    expect(csvField('Le "Petit" Café')).toBe('"Le ""Petit"" Café"');
    expect(csvField("ligne 1\nligne 2")).toBe('"ligne 1\nligne 2"');
    expect(csvField("a,b")).toBe("a,b"); // a comma is data in a semicolon file
    expect(csvField("a,b", ",")).toBe('"a,b"');
    expect(csvField(" espace")).toBe('" espace"');
    expect(csvLine(["a", "b;c", ""])).toBe(`a;"b;c";${CSV_EOL}`);
  });

  it("round-trips any table through an independent reader (semicolon and comma separators)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(EXCEL_FR_SEPARATOR, ","),
        fc.array(fc.array(nasty, { minLength: 2, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        (sep, rows) => {
          const text = rows.map((r) => csvLine(r, sep)).join("");
          expect(parseCsv(text, sep)).toEqual(rows);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("neutralises spreadsheet formulas in text cells only at the start", () => {
    expect(neutralizeFormula('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(neutralizeFormula("+33 1 23 45 67 89")).toBe("'+33 1 23 45 67 89");
    expect(neutralizeFormula("-10")).toBe("'-10");
    expect(neutralizeFormula("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutralizeFormula("Directeur IT")).toBe("Directeur IT");
    expect(neutralizeFormula("a=b")).toBe("a=b");
    fc.assert(fc.property(fc.string(), (s) => !/^[=+\-@\t\r]/.test(neutralizeFormula(s))));
  });
});
