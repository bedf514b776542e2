import { z, type FieldError } from './validation';
import { AGENCY_TIER_IDS, AgencyGroupInputSchema, AgencyGroupSchema, AgencyInputSchema, AgencySchema } from './agencies';
import { basedOnRevision, requiredLine, textLine } from './fields';
import { isIsoDate } from './dates';
import {
  CongVanTemplateSchema,
  DRAFT_KIND_IDS,
  DraftInputSchema,
  DraftSchema,
  SignerProfileInputSchema,
  SignerProfileSchema,
} from './drafts';
import { RegisterEntrySchema, RegisterFilterSchema } from './register';
import { BackupKeepSchema, BackupSummarySchema, UploadedBackupSchema } from './backups';
import { FileContentSchema, SavedToFolderSchema } from './files';
import { IndexComponentInputSchema, IndexDefinitionSchema, IndexResultsSchema, IndexYearResultsSchema } from './indices';
import { PlanInputSchema, PlanSchema, PlanSummarySchema } from './plans';
import { issuerRequests } from './issuers';
import { AcceptedExtraSchema, EntryInputSchema, TASK_STATUS_IDS, ReportTextsSchema, RoundAnswerSchema, RoundInputSchema, RoundSchema, SubmissionImportFileSchema, TrackingSchema } from './reports';
import { SnippetInputSchema, SnippetSchema } from './snippets';
import { StartupStateSchema } from './startup';
import { DistributionOptionsSchema, RecipientLineSchema, RecipientListInputSchema, RecipientListSchema } from './recipients';
import { REQUEST_NAMES, type RequestName } from './request-names';
import { CopyRefSchema, IssueRecordSchema, NumberProposalSchema, RecordHistorySchema, RecordRefSchema, WithdrawRecordSchema } from './record';

export { REQUEST_NAMES, ipcChannel, type RequestName } from './request-names';

/**
 * The one contract between the renderer and the main process. Every request has a name, an input
 * schema (checked in the main process before any service runs) and an output schema.
 * Both transports (Electron IPC and browser-mode HTTP) carry exactly these requests.
 */
const none = z.object({}).strict();
const id = z.number().int().positive();
const byId = z.object({ id }).strict();
/** Issue, reopen or delete of a record the user has open: the revision on screen, when there is one. */
const byIdAt = z.object({ id, revision: basedOnRevision }).strict();
const done = z.object({ ok: z.literal(true) });
const column = z.number().int().min(0).max(200);
const isoDateText = z.string().refine(isIsoDate, { message: 'ngày không hợp lệ (dd/mm/yyyy)' });

export const contract = {
  getAppInfo: {
    input: none,
    output: z.object({
      version: z.string(),
      databasePath: z.string(),
      schemaVersion: z.number(),
      transport: z.enum(['electron', 'web']),
    }),
  },
  ...issuerRequests,
  listAgencies: {
    input: z.object({ query: textLine(200), tier: z.enum(AGENCY_TIER_IDS).nullable(), includeInactive: z.boolean() }).strict(),
    output: z.array(AgencySchema),
  },
  saveAgency: {
    input: z.object({ agency: AgencyInputSchema, confirmDuplicate: z.boolean() }).strict(),
    output: AgencySchema,
  },
  setAgencyActive: { input: z.object({ id, active: z.boolean() }).strict(), output: AgencySchema },
  deleteAgency: { input: byId, output: done },
  listAgencyGroups: { input: none, output: z.array(AgencyGroupSchema) },
  saveAgencyGroup: { input: AgencyGroupInputSchema, output: AgencyGroupSchema },
  deleteAgencyGroup: { input: byId, output: done },
  listRecipientLists: { input: none, output: z.array(RecipientListSchema) },
  saveRecipientList: { input: RecipientListInputSchema, output: RecipientListSchema },
  deleteRecipientList: { input: byId, output: done },
  previewRecipientBlock: {
    input: z
      .object({ kind: z.enum(['noi-nhan', 'kinh-gui']), lines: z.array(RecipientLineSchema).max(300), options: DistributionOptionsSchema })
      .strict(),
    output: z.object({ printed: z.array(z.string()), warnings: z.array(z.string()) }),
  },
  importAgencies: {
    input: z.object({ file: FileContentSchema, apply: z.boolean() }).strict(),
    output: z.object({
      rows: z.array(z.object({ row: z.number(), name: z.string(), action: z.enum(['create', 'update', 'error']), errors: z.array(z.string()) })),
      created: z.number(),
      updated: z.number(),
      applied: z.boolean(),
    }),
  },
  exportAgencies: { input: none, output: FileContentSchema },
  getAgencyTemplate: { input: none, output: FileContentSchema },
  loadSampleAgencies: { input: none, output: z.object({ agencies: z.number(), groups: z.number(), lists: z.number() }) },
  listIndices: { input: none, output: z.array(IndexDefinitionSchema) },
  saveIndexComponent: { input: IndexComponentInputSchema, output: z.array(IndexDefinitionSchema) },
  deleteIndexComponent: { input: byId, output: z.array(IndexDefinitionSchema) },
  getIndexResults: { input: z.object({ indexId: id }).strict(), output: IndexResultsSchema },
  saveIndexYearResults: { input: IndexYearResultsSchema, output: IndexResultsSchema },
  previewSpreadsheet: {
    input: z.object({ file: FileContentSchema }).strict(),
    output: z.object({ rows: z.array(z.array(z.string())), columns: z.number() }),
  },
  importIndexResults: {
    input: z
      .object({
        file: FileContentSchema,
        indexId: id,
        year: z.number().int().min(2000).max(2100),
        mapping: z
          .object({ component: column, score: column, rank: column.nullable(), band: column.nullable(), headerRow: z.boolean() })
          .strict(),
        apply: z.boolean(),
      })
      .strict(),
    output: z.object({
      rows: z.array(
        z.object({ row: z.number(), text: z.string(), match: z.string().nullable(), score: z.number().nullable(), rank: z.number().nullable(), error: z.string().nullable() }),
      ),
      matched: z.number(),
      errors: z.number(),
      applied: z.boolean(),
    }),
  },
  listPlans: { input: none, output: z.array(PlanSummarySchema) },
  getPlan: { input: byId, output: PlanSchema },
  createBlankPlan: { input: z.object({ year: z.number().int().min(2000).max(2100), issuerId: id.nullable().optional() }).strict(), output: PlanSchema },
  savePlan: { input: PlanInputSchema, output: PlanSchema },
  duplicatePlan: { input: byIdAt, output: PlanSchema },
  deletePlan: { input: byIdAt, output: done },
  createPlanFromDeclines: { input: z.object({ indexId: id, year: z.number().int().min(2001).max(2100), issuerId: id.nullable().optional() }).strict(), output: PlanSchema },
  exportPlanTasksXlsx: { input: byId, output: FileContentSchema },
  /** The rows of a task list (.xlsx/.csv) to map onto the Phụ lục; stores nothing. */
  readTaskSheet: { input: z.object({ file: FileContentSchema }).strict(), output: z.object({ rows: z.array(z.array(z.string())), columns: z.number() }) },
  listSnippets: { input: z.object({ query: textLine(200) }).strict(), output: z.array(SnippetSchema) },
  saveSnippet: { input: SnippetInputSchema, output: SnippetSchema },
  deleteSnippet: { input: byId, output: done },
  listRegister: { input: RegisterFilterSchema, output: z.array(RegisterEntrySchema) },
  exportRegisterXlsx: { input: RegisterFilterSchema, output: FileContentSchema },
  getDraft: { input: byId, output: DraftSchema },
  createDraft: {
    input: z.object({ kind: z.enum(DRAFT_KIND_IDS), year: z.number().int().min(2000).max(2100), template: CongVanTemplateSchema.nullable(), issuerId: id.nullable().optional() }).strict(),
    output: DraftSchema,
  },
  saveDraft: { input: DraftInputSchema, output: DraftSchema },
  duplicateDraft: { input: byId, output: DraftSchema },
  deleteDraft: { input: byIdAt, output: done },
  /** The lifecycle of every issued record (plans and documents): shared/record.ts, electron/services/lifecycle. */
  proposeIssueNumber: { input: RecordRefSchema.extend({ year: z.number().int().min(2000).max(2100).optional() }).strict(), output: NumberProposalSchema },
  issueRecord: { input: IssueRecordSchema, output: z.object({ copyId: z.number() }) },
  withdrawRecord: { input: WithdrawRecordSchema, output: done },
  getRecordHistory: { input: RecordRefSchema, output: RecordHistorySchema },
  /** Issued: the stored bytes exactly; draft: rendered now. */
  exportRecordDocx: { input: RecordRefSchema, output: FileContentSchema },
  exportIssuedCopyDocx: { input: CopyRefSchema, output: FileContentSchema },
  listSignerProfiles: { input: none, output: z.array(SignerProfileSchema) },
  saveSignerProfile: { input: SignerProfileInputSchema, output: SignerProfileSchema },
  deleteSignerProfile: { input: byId, output: done },
  /** Desktop app: asks where to save and writes the file; browser mode answers saved=false (the page downloads it). */
  saveExportedFile: { input: z.object({ file: FileContentSchema }).strict(), output: z.object({ saved: z.boolean(), path: z.string().nullable() }) },
  openSavedFile: { input: z.object({ path: z.string().min(1).max(1000) }).strict(), output: done },
  /** Never replaces a file already in the folder: the new one gets the next free "(n)" name. */
  saveFilesToFolder: { input: z.object({ files: z.array(FileContentSchema).min(1).max(2000) }).strict(), output: SavedToFolderSchema },
  zipFiles: { input: z.object({ files: z.array(FileContentSchema).min(1).max(2000), fileName: requiredLine(200) }).strict(), output: FileContentSchema },
  listRounds: { input: z.object({ planId: id }).strict(), output: z.array(RoundSchema) },
  getRound: { input: byId, output: RoundSchema },
  saveRound: { input: RoundInputSchema, output: RoundSchema },
  saveReportTexts: { input: z.object({ id, texts: ReportTextsSchema, revision: basedOnRevision }).strict(), output: RoundSchema },
  getRoundTracking: { input: z.object({ roundId: id }).strict(), output: TrackingSchema },
  generateReportForm: { input: z.object({ roundId: id, agencyId: id }).strict(), output: FileContentSchema },
  importReportForms: {
    input: z
      .object({
        roundId: id,
        files: z.array(FileContentSchema).min(1).max(500),
        apply: z.boolean(),
        /** The day the files count as received; absent: today (local time). */
        receivedDate: isoDateText.optional(),
        acceptExtras: z.array(AcceptedExtraSchema).max(5000).optional(),
      })
      .strict(),
    output: z.array(SubmissionImportFileSchema),
  },
  saveManualSubmission: {
    input: z.object({ roundId: id, agencyId: id, receivedDate: isoDateText, entries: z.array(EntryInputSchema).max(2000) }).strict(),
    output: done,
  },
  exportRoundReportDocx: { input: z.object({ roundId: id }).strict(), output: FileContentSchema },
  exportRoundReportXlsx: { input: z.object({ roundId: id }).strict(), output: FileContentSchema },
  /** `deadline`: the new date proposed to the agencies, after today; absent: a week from today. */
  createReminderForRound: { input: z.object({ roundId: id, deadline: isoDateText.optional() }).strict(), output: DraftSchema },
  getRoundAnswers: { input: z.object({ roundId: id }).strict(), output: z.array(RoundAnswerSchema) },
  getAgencyRoundTasks: {
    input: z.object({ roundId: id, agencyId: id }).strict(),
    output: z.array(
      z.object({
        taskId: z.number(),
        content: z.string(),
        role: z.enum(['chu-tri', 'phoi-hop']),
        status: z.enum(TASK_STATUS_IDS).nullable(),
        result: z.string(),
        evidence: z.string(),
        difficulties: z.string(),
        proposals: z.string(),
      }),
    ),
  },
  getBackups: {
    input: none,
    output: z.object({
      folder: z.string(),
      keep: z.number(),
      backups: z.array(z.object({ file: z.string(), name: z.string(), bytes: z.number(), modifiedAt: z.string(), kind: z.enum(['auto', 'safety', 'other']) })),
    }),
  },
  setBackupKeep: { input: z.object({ keep: BackupKeepSchema }).strict(), output: z.object({ keep: z.number() }) },
  /** Desktop: saves to a chosen file; browser mode: returns the copy to download (no size cap: it is the whole database). */
  makeBackup: { input: none, output: z.object({ path: z.string().nullable(), file: z.object({ fileName: z.string(), base64: z.string() }).nullable() }) },
  /** Checks a backup without restoring it (desktop: asks for the file; browser mode: the uploaded file); null when no file was chosen. */
  inspectBackup: { input: z.object({ file: UploadedBackupSchema.nullable() }).strict(), output: BackupSummarySchema.nullable() },
  /**
   * Browser mode: the uploaded file; desktop: the path inspectBackup returned in this session (nothing else).
   * The file is checked again, and the current data is kept as a safety copy first.
   */
  restoreFromBackup: {
    input: z.object({ file: UploadedBackupSchema.nullable(), path: z.string().min(1).max(4096).nullable().optional() }).strict(),
    output: z.object({ restored: z.boolean(), safetyCopy: z.string().nullable() }),
  },
  /** Whether the data file opened at start; the renderer shows the recovery screen when it did not. */
  getStartupState: { input: none, output: StartupStateSchema },
  /** Recovery screen: replaces the damaged file by the newest automatic backup (the damaged one is kept as a copy). */
  recoverFromNewestBackup: { input: none, output: z.object({ backupName: z.string(), safetyCopy: z.string().nullable() }) },
  /** Recovery screen: desktop asks for the file (file=null); browser mode sends the uploaded one. */
  recoverFromFile: { input: z.object({ file: UploadedBackupSchema.nullable() }).strict(), output: z.object({ restored: z.boolean(), safetyCopy: z.string().nullable() }) },
  /** Desktop only: closes the app (the recovery screen's "Thoát"). */
  quitApp: { input: none, output: done },
} as const satisfies Record<RequestName, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
// Fails to compile if the contract has a request that request-names.ts does not list.
const _sameNames: Record<keyof Contract, true> = Object.fromEntries(REQUEST_NAMES.map((n) => [n, true])) as Record<RequestName, true>;
void _sameNames;
export type RequestInput<N extends RequestName> = z.input<Contract[N]['input']>;
export type RequestOutput<N extends RequestName> = z.output<Contract[N]['output']>;

export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** An error as it crosses the boundary: a stable code and a Vietnamese message. */
export interface ApiError {
  code: 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' | 'DUPLICATE' | 'DATABASE' | 'UNKNOWN_REQUEST' | 'INTERNAL';
  message: string;
  fields?: FieldError[];
  /** Set on a CONFLICT because the record was saved elsewhere after the edit began (its revision moved on). */
  stale?: true;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** What the preload exposes as `window.noivu`: one function per request, answering with an envelope. */
export type BridgeApi = { [N in RequestName]: (input: RequestInput<N>) => Promise<Envelope<RequestOutput<N>>> };

/** What the renderer calls: one async function per request. */
export type ApiClient = { [N in RequestName]: (input: RequestInput<N>) => Promise<RequestOutput<N>> };

/** Thrown in the renderer when a request fails; carries the main process's error. */
export class RequestError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'RequestError';
  }
}

export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.data;
  throw new RequestError(envelope.error);
}

/** True when a save was refused because someone else saved the record after this edit began. */
export function isStale(err: unknown): boolean {
  return err instanceof RequestError && err.error.stale === true;
}
