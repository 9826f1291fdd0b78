import type { Command } from '../command';
import { importCommand } from './import';
import { lineageCommand } from './lineage';
import { pagesCommand } from './pages';
import { pageCommand } from './page';
import { progressCommand } from './progress';
import { reportCommand } from './report';
import { searchCommand } from './search';
import { serveCommand } from './serve';
import { syncCommand } from './sync';
import { timelineCommand } from './timeline';
import { userCommand } from './user';

/** Every `dstudio` sub-command, in help order. */
export const commands: Command[] = [
  importCommand,
  pagesCommand,
  pageCommand,
  searchCommand,
  timelineCommand,
  lineageCommand,
  progressCommand,
  userCommand,
  reportCommand,
  serveCommand,
  syncCommand,
];
