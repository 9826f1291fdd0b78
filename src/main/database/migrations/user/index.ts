import type { Migration } from '../../migrator';
import { m001 } from './001-initial';
import { m002 } from './002-progress';
import { m003 } from './003-report-drafts';

/** user.db migrations, in order. */
export const userMigrations: readonly Migration[] = [m001, m002, m003];
