import { z } from './validation';
import { requiredLine } from './fields';

/** 15 MiB of file, as base64. */
const MAX_BASE64 = Math.ceil((15 * 1024 * 1024 * 4) / 3);

/** A file travelling through the contract (imports in, exports out). */
export const FileContentSchema = z
  .object({
    fileName: requiredLine(255),
    base64: z
      .string()
      .max(MAX_BASE64, { message: 'tệp quá lớn (tối đa 15 MB)' })
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'nội dung tệp không đọc được' }),
  })
  .strict();

export type FileContent = z.output<typeof FileContentSchema>;
