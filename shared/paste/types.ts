import type { z } from 'zod';
import type { BlockSchema } from '../document/model.js';

/** A body block of the document model, as the editor and the engine take it. */
export type BodyBlock = z.input<typeof BlockSchema>;
