import { describe, expect, it } from 'vitest';
import { pdfNameArg, pdfOptions } from '../../../src/main/electron/print-pdf';

describe('Save as PDF', () => {
  it('asks Electron for an outline from the headings and the stylesheet’s page size', () => {
    expect(pdfOptions()).toMatchObject({
      generateDocumentOutline: true,
      preferCSSPageSize: true,
      printBackground: true,
    });
  });
  it('accepts only a short name from the page', () => {
    expect(pdfNameArg('Circuit Breaker')).toBe('Circuit Breaker.pdf');
    expect(pdfNameArg('a.PDF')).toBe('a.PDF');
    for (const bad of ['', 'x'.repeat(301), 42, null, { toString: () => 'x' }])
      expect(() => pdfNameArg(bad)).toThrow(/file name/);
  });
});
