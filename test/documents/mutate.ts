// Rewrites one XML part of a .docx, for tests that check the checker catches broken documents.
import JSZip from 'jszip';

export async function mutateDocx(buffer: Uint8Array, part: string, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file(part)!.async('string');
  const changed = edit(xml);
  if (changed === xml) throw new Error(`mutation of ${part} changed nothing`);
  zip.file(part, changed);
  return zip.generateAsync({ type: 'nodebuffer' });
}
