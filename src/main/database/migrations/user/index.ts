import type { Migration } from '../../migrator';
import { m001 } from './001-initial';

/** user.db migrations, in order. */
export const userMigrations: readonly Migration[] = [m001];
