import type { Command } from '../command';
import { importCommand } from './import';
import { pagesCommand } from './pages';
import { pageCommand } from './page';
import { searchCommand } from './search';
import { serveCommand } from './serve';
import { syncCommand } from './sync';

/** Every `dstudio` sub-command, in help order. */
export const commands: Command[] = [
  importCommand,
  pagesCommand,
  pageCommand,
  searchCommand,
  serveCommand,
  syncCommand,
];
