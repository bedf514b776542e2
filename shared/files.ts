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

/** Many files written into a folder the user chose; a name already taken there gets a free "(2)", "(3)"… */
export const SavedToFolderSchema = z
  .object({
    saved: z.boolean(),
    folder: z.string().nullable(),
    count: z.number(),
    /** Each file's final name, in the order sent; `renamed` when a file of that name was already there. */
    files: z.array(z.object({ fileName: z.string(), renamed: z.boolean() }).strict()),
  })
  .strict();

export type SavedToFolder = z.output<typeof SavedToFolderSchema>;

/** What the user is told after a folder save, naming the files that were saved under a new name. */
export function savedToFolderMessage(result: SavedToFolder, what: string): string {
  const text = `Đã lưu ${result.count} ${what} vào ${result.folder}.`;
  const renamed = result.files.filter((f) => f.renamed).map((f) => f.fileName);
  if (renamed.length === 0) return text;
  const shown = renamed.slice(0, 5).join('; ');
  const more = renamed.length > 5 ? ` và ${renamed.length - 5} tệp khác` : '';
  return `${text}\n${renamed.length} tệp đã có sẵn nên được lưu với tên mới (tệp cũ giữ nguyên): ${shown}${more}.`;
}
