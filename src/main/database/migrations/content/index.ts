import type { Migration } from '../../migrator';
import { m001 } from './001-initial';

/** content.db migrations, in order. */
export const contentMigrations: readonly Migration[] = [m001];
