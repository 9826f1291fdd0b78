import { describe, expect, it } from 'vitest';
import { describeError, LOCKED_KEYS } from '../../../src/renderer/src/page-html/mermaid';

describe('mermaid error messages', () => {
  it('says where the parse failed and what was expected, in one line', () => {
    const message =
      "Parse error on line 3:\n...N1->>: message\n---------^\nExpecting '+', '-', 'ACTOR', got 'TXT'";
    expect(describeError(message)).toBe("Parse error on line 3: expecting '+', '-', 'ACTOR', got 'TXT'");
  });

  it('keeps the first line of other messages and bounds the length', () => {
    expect(describeError('No diagram type detected matching given configuration for text: x\nmore')).toBe(
      'No diagram type detected matching given configuration for text: x',
    );
    expect(describeError('')).toBe('unknown error');
    expect(describeError('x'.repeat(1000))).toHaveLength(300);
  });
});

describe('mermaid configuration', () => {
  it('locks every key an init directive could use to weaken security or restyle the diagram', () => {
    expect(LOCKED_KEYS).toEqual(
      expect.arrayContaining([
        'secure',
        'securityLevel',
        'htmlLabels',
        'flowchart',
        'themeCSS',
        'themeVariables',
        'dompurifyConfig',
        'maxTextSize',
      ]),
    );
  });
});
