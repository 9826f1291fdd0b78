import type { PrintToPDFOptions } from 'electron';

/**
 * Options of Save as PDF: A4 with the print stylesheet's own margins, backgrounds kept
 * (admonition and code colours), tagged, and an outline built from the page's headings.
 */
export function pdfOptions(): PrintToPDFOptions {
  return {
    pageSize: 'A4',
    printBackground: true,
    preferCSSPageSize: true,
    generateDocumentOutline: true,
    generateTaggedPDF: true,
  };
}

/** Accepts the page's suggested PDF name only as a short string (main makes it safe before use). */
export function pdfNameArg(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 300)
    throw new Error('Save as PDF needs a file name of 1 to 300 characters.');
  return value.toLowerCase().endsWith('.pdf') ? value : `${value}.pdf`;
}
