import { describe, expect, it } from 'vitest';
import { errorsCsv } from './errorsCsv';

describe('errorsCsv', () => {
  it('writes one line per error, quoting commas and quotes and defusing formulas', () => {
    const csv = errorsCsv(
      [
        { row: 2, field: 'influence', message: 'from 1 to 5' },
        { row: 3, field: 'name', message: 'Say "hi", then =SUM(A1)' },
        { row: 4, field: 'notes', message: '=cmd' },
      ],
      { row: 'Row', field: 'Field', message: 'Message' },
    );
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFRow,Field,Message',
      '2,influence,from 1 to 5',
      '3,name,"Say ""hi"", then =SUM(A1)"',
      "4,notes,'=cmd",
      '',
    ]);
  });
});
