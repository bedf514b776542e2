import { z } from './validation';
import { basedOnRevision, multilineText, requiredLine } from './fields';

export const SnippetInputSchema = z
  .object({ id: z.number().int().positive().optional(), title: requiredLine(200), text: multilineText(5000).min(1), revision: basedOnRevision })
  .strict();

export const SnippetSchema = z.object({ id: z.number(), title: z.string(), text: z.string(), revision: z.number() });

export type Snippet = z.output<typeof SnippetSchema>;
export type SnippetFields = z.output<typeof SnippetInputSchema>;
