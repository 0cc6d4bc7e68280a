import { describe, expect, it } from 'vitest';
import { csvCell, csvText } from '../../../main/api/csv';

describe('CSV cells', () => {
  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1 555')).toBe("'+1 555");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('keeps numbers (negative ones too), quotes separators and leaves plain text alone', () => {
    expect(csvCell(-0.5)).toBe('-0.5');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('U0000042')).toBe('U0000042');
    expect(csvCell(null)).toBe('');
    expect(csvText([['id', 'label'], ['a', 'x\ny']])).toBe('id,label\r\na,"x\ny"\r\n');
  });
});
