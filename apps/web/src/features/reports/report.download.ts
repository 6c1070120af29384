import type { ReportKind, ReportLanguage } from '@rapport/contracts';
import { ApiError, apiBase, withQuery } from '../../app/api';

export interface ReportRequest {
  kind: ReportKind;
  lang: ReportLanguage;
  from?: string;
  to?: string;
  reviewId?: string;
}

export const reportUrl = ({ kind, ...query }: ReportRequest) =>
  withQuery(`${apiBase}/reports/${kind}.pdf`, { ...query });

/** The file name the server gives in Content-Disposition, else one of our own. */
function fileNameOf(response: Response, kind: ReportKind) {
  const match = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
  return match?.[1] ?? `rapport-${kind}.pdf`;
}

/**
 * Fetches the PDF and saves it. Fetching (rather than following a link) keeps the user on the page when the
 * server refuses, so the problem's message can be shown where they asked.
 */
export async function downloadReport(request: ReportRequest): Promise<void> {
  const response = await fetch(reportUrl(request), {
    credentials: 'same-origin',
    headers: { Accept: 'application/pdf, application/problem+json' },
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    throw new ApiError(response.status, problem);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response, request.kind);
  document.body.append(link);
  link.click();
  link.remove();
  // Let the browser start the download before the object URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
