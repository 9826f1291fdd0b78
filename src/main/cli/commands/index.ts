import type { Command } from '../command';
import { importCommand } from './import';
import { pagesCommand } from './pages';
import { pageCommand } from './page';
import { reportCommand } from './report';
import { searchCommand } from './search';
import { serveCommand } from './serve';

/** Every `dstudio` sub-command, in help order. */
export const commands: Command[] = [importCommand, pagesCommand, pageCommand, searchCommand, reportCommand, serveCommand];
