import { describe, expect, it } from 'vitest';
import { githubIssueLink, MAX_ISSUE_URL_LENGTH } from '../../../src/shared/templates';

describe('githubIssueLink', () => {
  it('prefills title and body of the upstream new-issue form', () => {
    const { url, bodyIncluded } = githubIssueLink(
      'Pattern Usage Report: Circuit Breaker',
      '## Report\n\n**A**: b & c',
    );
    expect(bodyIncluded).toBe(true);
    const u = new URL(url);
    expect(`${u.origin}${u.pathname}`).toBe('https://github.com/deepaucksharma/DStudio/issues/new');
    expect(u.searchParams.get('title')).toBe('Pattern Usage Report: Circuit Breaker');
    expect(u.searchParams.get('body')).toBe('## Report\n\n**A**: b & c');
  });

  it('leaves a body that would make the URL too long out, keeping the title', () => {
    const { url, bodyIncluded } = githubIssueLink('T', 'é'.repeat(MAX_ISSUE_URL_LENGTH));
    expect(bodyIncluded).toBe(false);
    expect(new URL(url).searchParams.get('body')).toBeNull();
    expect(new URL(url).searchParams.get('title')).toBe('T');
  });
});
