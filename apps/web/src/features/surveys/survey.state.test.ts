import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api';
import { publicStateOf } from './survey.queries';

const problem = (status: number, type = 'https://rapport.dev/problems/not-found') =>
  new ApiError(status, { type, title: 't', status });

describe('the state of a survey link from the API answer', () => {
  it('tells answered, expired and closed links apart by the problem type', () => {
    expect(publicStateOf(problem(410, 'https://rapport.dev/problems/survey-answered'))).toBe('answered');
    expect(publicStateOf(problem(410, 'https://rapport.dev/problems/survey-expired'))).toBe('expired');
    expect(publicStateOf(problem(410, 'https://rapport.dev/problems/survey-closed'))).toBe('closed');
  });

  it('treats unknown links, rate limits and everything else apart', () => {
    expect(publicStateOf(problem(404))).toBe('notFound');
    expect(publicStateOf(problem(429))).toBe('tooMany');
    expect(publicStateOf(problem(500))).toBe('error');
    expect(publicStateOf(new Error('offline'))).toBe('error');
  });
});
