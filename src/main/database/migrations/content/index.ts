import type { Migration } from '../../migrator';
import { m001 } from './001-initial';
import { m002 } from './002-search';
import { m003 } from './003-page-numbers';
import { m004 } from './004-word-stems';
import { m005 } from './005-search-about';
import { m006 } from './006-fence-checklists';
import { m007 } from './007-sync-generations';
import { m008 } from './008-corpus-images';
import { m009 } from './009-search-thesaurus';
import { m010 } from './010-search-acronyms';

/** content.db migrations, in order. */
export const contentMigrations: readonly Migration[] = [
  m001,
  m002,
  m003,
  m004,
  m005,
  m006,
  m007,
  m008,
  m009,
  m010,
];
