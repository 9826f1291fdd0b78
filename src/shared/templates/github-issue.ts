/** The library's upstream repository, where reports are submitted. */
export const UPSTREAM_REPOSITORY = 'https://github.com/deepaucksharma/DStudio';

/**
 * Longest new-issue URL sent: browsers and GitHub refuse much longer ones (GitHub answers
 * 414 somewhere past 8 KB of query), so a longer body goes through the clipboard instead.
 */
export const MAX_ISSUE_URL_LENGTH = 8000;

/**
 * The upstream new-issue URL with title and body prefilled; when the body makes the URL too
 * long, the URL carries the title only and `bodyIncluded` is false (the caller copies the
 * body to the clipboard and says so).
 */
export function githubIssueLink(title: string, body: string): { url: string; bodyIncluded: boolean } {
  const base = `${UPSTREAM_REPOSITORY}/issues/new?title=${encodeURIComponent(title)}`;
  const full = `${base}&body=${encodeURIComponent(body)}`;
  return full.length <= MAX_ISSUE_URL_LENGTH
    ? { url: full, bodyIncluded: true }
    : { url: base, bodyIncluded: false };
}
