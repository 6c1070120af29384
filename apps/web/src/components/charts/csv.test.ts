import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes rows with CRLF, leaves empty cells for missing values and quotes what needs it', () => {
    expect(
      toCsv([
        ['Step', 'Conversion (%)'],
        ['Explore, then engage', 66.7],
        ['Say "hello"', null],
      ]),
    ).toBe('Step,Conversion (%)\r\n"Explore, then engage",66.7\r\n"Say ""hello""",\r\n');
  });

  it('keeps spreadsheets from running a label as a formula, but not a negative number', () => {
    expect(toCsv([['=SUM(A1)', '@x', -3, '\tcmd', '+1']])).toBe("'=SUM(A1),'@x,-3,'\tcmd,'+1\r\n");
  });
});
