import { z } from './validation';
import { AUTHORITY_PREFIXES, INVALID_AUTHORITY_PREFIX } from './nd30';
import { basedOnRevision, codeText, multilineText, optionalCode, requiredLine, textLine } from './fields';

const ACADEMIC_TITLE = /^(TS|ThS|PGS|GS|BS|KS|CN)\.?\s/i;

const authorityLine = requiredLine(120)
  .refine((s) => !INVALID_AUTHORITY_PREFIX.test(s), {
    message: 'Nghị định 30 viết "TM.", "KT.", "TL.", không viết "T/M", "K/T", "T/L"',
    abort: true,
  })
  .refine((s) => AUTHORITY_PREFIXES.some((p) => s.startsWith(`${p} `)), {
    message: `phải bắt đầu bằng một trong: ${AUTHORITY_PREFIXES.join(', ')} rồi đến tên tập thể hoặc chức vụ`,
  });

export const SignerSchema = z
  .object({
    /** Lines such as "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"; empty when the head signs in person. */
    authority: z.array(authorityLine).max(3),
    /** The signer's actual post, e.g. "PHÓ CHỦ TỊCH". */
    title: requiredLine(120),
    name: requiredLine(80).refine((s) => !ACADEMIC_TITLE.test(s), {
      message: 'không ghi học hàm, học vị (TS., ThS., PGS., GS.) trước tên người ký',
    }),
  })
  .strict()
  .superRefine((signer, ctx) => {
    signer.authority.forEach((line, i) => {
      if (i > 0 && line.startsWith('TM. ')) {
        ctx.addIssue({ code: 'custom', path: ['authority', i], message: 'dòng "TM." phải đứng đầu' });
      }
    });
  });

export const IssuerProfileSchema = z
  .object({
    /** Tên cơ quan chủ quản trực tiếp, e.g. "UBND TỈNH BẮC KẠN"; empty for a UBND itself. */
    parentName: textLine(200),
    /** Tên cơ quan ban hành; a line break splits it the way it is printed ("ỦY BAN NHÂN DÂN\nTỈNH BẮC KẠN"). */
    issuerName: multilineText(200)
      .min(1)
      .refine((s) => s.split('\n').length <= 3, { message: 'tối đa 3 dòng' }),
    /** The name in running text, e.g. "Ủy ban nhân dân tỉnh Bắc Kạn" (used in "(Kèm theo Kế hoạch … của …)"). */
    issuerFullName: textLine(300),
    issuerAbbr: codeText(20).min(1),
    /** Địa danh in the date line, e.g. "Bắc Kạn". */
    place: requiredLine(100),
    /** Drafting unit for "- Lưu: VT, NV."; may be empty. */
    draftingUnitAbbr: optionalCode(20),
    signer: SignerSchema,
    /** Ô 13: address and contacts at the foot of a công văn or giấy mời; printed when filled. */
    contact: z
      .object({ address: textLine(300), phone: textLine(60), email: textLine(200), website: textLine(200) })
      .strict()
      .optional(),
    /** The stored profile's revision; null or absent only before there is one. */
    revision: basedOnRevision,
  })
  .strict();

export type IssuerProfile = z.output<typeof IssuerProfileSchema>;
export type IssuerProfileInput = z.input<typeof IssuerProfileSchema>;
export type Signer = z.output<typeof SignerSchema>;

/** The issuer name as printed in the header: upper case, one entry per line. */
export function issuerNameLines(profile: Pick<IssuerProfile, 'issuerName'>): string[] {
  return profile.issuerName.split('\n').map((l) => l.toLocaleUpperCase('vi'));
}

/** The issuer block of a document model, from the profile. */
export function modelIssuer(profile: IssuerProfile): { parent?: string; name: string[]; abbreviation: string; fullName?: string } {
  return {
    ...(profile.parentName ? { parent: profile.parentName.toLocaleUpperCase('vi') } : {}),
    name: issuerNameLines(profile),
    abbreviation: profile.issuerAbbr,
    ...(profile.issuerFullName ? { fullName: profile.issuerFullName } : {}),
  };
}
