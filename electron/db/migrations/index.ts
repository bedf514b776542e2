import { migration0001 } from './0001-issuer-profile';
import { migration0002 } from './0002-agencies';
import { migration0003 } from './0003-indices';
import { migration0004 } from './0004-plans';
import { migration0005 } from './0005-snippets';
import { migration0006 } from './0006-drafts';
import { migration0007 } from './0007-reports';
import { migration0008 } from './0008-settings';
import { migration0009 } from './0009-revisions';
import { migration0010 } from './0010-record';
import { migration0011 } from './0011-report-extras';
import { migration0012 } from './0012-kind-series';
import { migration0013 } from './0013-recipient-list-options';
import { migration0014 } from './0014-new-kind-documents';
import type { Migration } from './types';

/**
 * Every schema step, oldest first. A static list (not a folder read at run time) so bundlers and
 * the asar archive cannot lose one; a test checks it against the files in this folder.
 */
export const MIGRATIONS: readonly Migration[] = [
  migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007,
  migration0008, migration0009, migration0010, migration0011, migration0012, migration0013, migration0014,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

export type { Migration };
