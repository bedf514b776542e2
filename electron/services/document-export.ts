import type { FileContent } from '../../shared/files';
import { DOCUMENT_KINDS } from '../../shared/nd30';
import { foldVietnamese } from '../../shared/text';
import { DocumentModelError, renderDocument } from '../documents';
import { ServiceError } from './errors';

/** Renders a document model, turning the engine's model errors into a Vietnamese validation error. */
export async function renderForExport(model: Parameters<typeof renderDocument>[0] & { kind: keyof typeof DOCUMENT_KINDS; subject: string }): Promise<FileContent> {
  try {
    const buffer = await renderDocument(model);
    const slug = foldVietnamese(model.subject).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
    return { fileName: `${model.kind}-${slug || 'van-ban'}.docx`, base64: buffer.toString('base64') };
  } catch (err) {
    if (err instanceof DocumentModelError) {
      throw new ServiceError('VALIDATION', `Văn bản chưa đủ để xuất:\n${err.errors.map((e) => e.message).join('\n')}`);
    }
    throw err;
  }
}
