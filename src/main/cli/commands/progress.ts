import { resolve } from 'node:path';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/contract/progress';
import { openServices } from '../../services';
import { ProgressService } from '../../progress/progress-service';
import { requireString, UsageError, type Command } from '../command';

export const progressCommand: Command = {
  name: 'progress',
  summary: 'Print checklist runs (all, or one by name) as Markdown, CSV or JSON.',
  usage: 'dstudio progress --db FILE --user-db FILE [--run NAME] [--format md|csv|json]',
  options: {
    db: { type: 'string' },
    'user-db': { type: 'string' },
    run: { type: 'string' },
    format: { type: 'string', default: 'md' },
  },
  async run(values, _positionals, io) {
    const format = values.format as string;
    if (!(EXPORT_FORMATS as readonly string[]).includes(format))
      throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')} (got "${format}")`);
    const services = openServices({
      contentDb: resolve(requireString(values, 'db')),
      userDb: resolve(requireString(values, 'user-db')),
    });
    if (services.recovery) io.err(services.recovery.message);
    try {
      const progress = services.api.progress as ProgressService;
      const run = typeof values.run === 'string' ? values.run : undefined;
      io.out(progress.exportRuns(format as ExportFormat, run).text);
      return 0;
    } finally {
      services.close();
    }
  },
};
