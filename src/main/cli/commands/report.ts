import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { MAX_DRAFT_CHARS, type ReportFormat } from '../../../shared/contract/reports';
import { templateById, TEMPLATE_IDS } from '../../../shared/templates';
import { ContentService } from '../../content/content-service';
import { FileExistsError, writeFileAtomic } from '../../files/atomic-write';
import { buildReportExport, pageIndexOf } from '../../reports/reports-service';
import { requireString, UsageError, type Command } from '../command';
import { withContentDb } from '../read-content';

async function readValues(file: string): Promise<unknown> {
  const size = (await stat(file)).size;
  if (size > MAX_DRAFT_CHARS) throw new UsageError(`${file} is larger than 2 MB; a report is far smaller`);
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new UsageError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'Validate a contribution report (values as JSON) and print or write it as Markdown or JSON.',
  usage: `dstudio report --db FILE --template ${TEMPLATE_IDS.join('|')} --in VALUES.json [--out FILE] [--format md|json]`,
  options: {
    db: { type: 'string' },
    template: { type: 'string' },
    in: { type: 'string' },
    out: { type: 'string' },
    format: { type: 'string' },
  },
  async run(values, _positionals, io) {
    const templateId = requireString(values, 'template');
    const schema = templateById(templateId);
    if (!schema) throw new UsageError(`unknown template "${templateId}" (known: ${TEMPLATE_IDS.join(', ')})`);
    const format = (values.format ?? 'md') as string;
    if (format !== 'md' && format !== 'json') throw new UsageError('--format must be md or json');
    const input = await readValues(resolve(requireString(values, 'in')));
    const pages = await withContentDb(values, (db) => new ContentService(db).listPages());
    const result = buildReportExport(schema, input, format as ReportFormat, pageIndexOf(pages), new Date());
    if (!result.ok) {
      for (const issue of result.issues) io.err(`${issue.path || 'values'}: ${issue.where} ${issue.message}`);
      return 2;
    }
    const out = values.out;
    if (typeof out !== 'string') {
      io.out(result.document.text);
      return 0;
    }
    try {
      await writeFileAtomic(resolve(out), result.document.text);
    } catch (e) {
      if (e instanceof FileExistsError) {
        io.err(`dstudio report: ${out} already exists; nothing was written. Choose another --out.`);
        return 1;
      }
      throw e;
    }
    io.err(`Wrote ${out}`);
    return 0;
  },
};
