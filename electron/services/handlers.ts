import path from 'node:path';
import type { Contract, RequestName, RequestOutput } from '../../shared/api';
import type { z } from '../../shared/validation';
import type { AppDatabase } from '../db/connection';
import { deleteAgency, listAgencies, saveAgency, setAgencyActive } from './agencies';
import { deleteAgencyGroup, listAgencyGroups, saveAgencyGroup } from './agency-groups';
import { agencyTemplate, exportAgencies, importAgencies } from './agency-spreadsheet';
import { deleteIndexComponent, getIndexResults, listIndices, saveIndexComponent, saveIndexYearResults } from './indices';
import { importIndexResults, previewSpreadsheet } from './index-import';
import { ServiceError } from './errors';
import { deleteIssuer, deleteNumberSeries, listIssuers, listNumberSeries, saveIssuer, saveNumberSeries, setDefaultIssuer } from './issuers';
import { backupsOverview, chooseBackupSource, getBackupKeep, makeBackup, setBackupKeep } from './maintenance';
import { exportPlanTasksXlsx } from './plan-export';
import { exportIssuedCopyDocx, exportRecordDocx, getRecordHistory, issueRecord, proposeIssueNumber, withdrawRecord } from './lifecycle';
import { createBlankPlan, createPlanFromDeclines, deletePlan, duplicatePlan, getPlan, listPlans, savePlan } from './plans';
import { deleteRecipientList, listRecipientLists, previewRecipientBlock, saveRecipientList } from './recipient-lists';
import { createDraft, deleteDraft, duplicateDraft, getDraft, saveDraft } from './drafts';
import { listRegister } from './register';
import { exportRegisterXlsx } from './register-export';
import { openSavedFile, saveExportedFile, saveFilesToFolder, zipFiles, type DesktopPort } from './files';
import { generateReportForm } from './report-forms';
import { importReportForms } from './report-import';
import { getRoundAnswers } from './report-answers';
import { exportRoundReportDocx, exportRoundReportXlsx } from './report-output';
import { createReminderForRound } from './report-reminder';
import { inspectBackup } from './restore';
import { getRound, listRounds, saveReportTexts, saveRound } from './report-rounds';
import { agencyRoundTasks, getRoundTracking, saveManualSubmission } from './report-tracking';
import { quitApp } from './recovery';
import { loadSampleAgencies } from './sample-agencies';
import { deleteSignerProfile, listSignerProfiles, saveSignerProfile } from './signer-profiles';
import { deleteSnippet, listSnippets, saveSnippet } from './snippets';
import { readTaskSheet } from './task-import';

const DONE = { ok: true } as const;

export type Handlers = {
  [N in RequestName]: (input: z.output<Contract[N]['input']>) => Promise<RequestOutput<N>>;
};

export interface HandlerContext {
  database: AppDatabase;
  version: string;
  transport: 'electron' | 'web';
  /** Save dialogs and opening files: only in the desktop app. */
  desktop?: DesktopPort;
  /** Backups and restore, which replace the database file; given by the backend. */
  maintenance?: { backupDir: string; restore(backupFile: string, name: string): Promise<{ safetyCopy: string | null }> };
}

/** Binds each request of the contract to its service. */
export function createHandlers({ database, version, transport, desktop, maintenance }: HandlerContext): Handlers {
  const { db } = database;
  /** Desktop: paths the user picked and saw checked; the only ones a restore by path accepts. */
  const inspectedPaths = new Set<string>();
  return {
    getAppInfo: async () => ({
      version,
      databasePath: database.file,
      schemaVersion: database.schemaVersion,
      transport,
    }),
    listIssuers: () => listIssuers(db),
    saveIssuer: (issuer) => saveIssuer(db, issuer),
    deleteIssuer: async (input) => (await deleteIssuer(db, input), DONE),
    setDefaultIssuer: ({ id }) => setDefaultIssuer(db, id),
    listNumberSeries: ({ issuerId }) => listNumberSeries(db, issuerId),
    saveNumberSeries: (series) => saveNumberSeries(db, series),
    deleteNumberSeries: (input) => deleteNumberSeries(db, input),
    listAgencies: (filter) => listAgencies(db, filter),
    saveAgency: ({ agency, confirmDuplicate }) => saveAgency(db, { ...agency, confirmDuplicate }),
    setAgencyActive: ({ id, active }) => setAgencyActive(db, id, active),
    deleteAgency: async ({ id }) => (await deleteAgency(db, id), DONE),
    listAgencyGroups: () => listAgencyGroups(db),
    saveAgencyGroup: (group) => saveAgencyGroup(db, group),
    deleteAgencyGroup: async ({ id }) => (await deleteAgencyGroup(db, id), DONE),
    listRecipientLists: () => listRecipientLists(db),
    saveRecipientList: (list) => saveRecipientList(db, list),
    deleteRecipientList: async ({ id }) => (await deleteRecipientList(db, id), DONE),
    previewRecipientBlock: (input) => previewRecipientBlock(db, input),
    importAgencies: ({ file, apply }) => importAgencies(db, file, apply),
    exportAgencies: () => exportAgencies(db),
    getAgencyTemplate: () => agencyTemplate(),
    loadSampleAgencies: () => loadSampleAgencies(db),
    listIndices: () => listIndices(db),
    saveIndexComponent: (component) => saveIndexComponent(db, component),
    deleteIndexComponent: ({ id }) => deleteIndexComponent(db, id),
    getIndexResults: ({ indexId }) => getIndexResults(db, indexId),
    saveIndexYearResults: (results) => saveIndexYearResults(db, results),
    previewSpreadsheet: ({ file }) => previewSpreadsheet(file),
    importIndexResults: (input) => importIndexResults(db, input),
    listPlans: () => listPlans(db),
    getPlan: ({ id }) => getPlan(db, id),
    createBlankPlan: ({ year, issuerId }) => createBlankPlan(db, year, issuerId),
    savePlan: (plan) => savePlan(db, plan),
    duplicatePlan: ({ id, revision }) => duplicatePlan(db, id, revision),
    deletePlan: async ({ id, revision }) => (await deletePlan(db, id, revision), DONE),
    createPlanFromDeclines: ({ indexId, year, issuerId }) => createPlanFromDeclines(db, indexId, year, issuerId),
    exportPlanTasksXlsx: ({ id }) => exportPlanTasksXlsx(db, id),
    readTaskSheet: ({ file }) => readTaskSheet(file),
    listSnippets: ({ query }) => listSnippets(db, query),
    saveSnippet: (snippet) => saveSnippet(db, snippet),
    deleteSnippet: async ({ id }) => (await deleteSnippet(db, id), DONE),
    listRegister: (filter) => listRegister(db, filter),
    exportRegisterXlsx: (filter) => exportRegisterXlsx(db, filter),
    getDraft: ({ id }) => getDraft(db, id),
    createDraft: ({ kind, year, template, issuerId }) => createDraft(db, kind, year, template ?? undefined, issuerId),
    saveDraft: (draft) => saveDraft(db, draft),
    duplicateDraft: ({ id }) => duplicateDraft(db, id),
    deleteDraft: async ({ id, revision }) => (await deleteDraft(db, id, revision), DONE),
    proposeIssueNumber: (ref) => proposeIssueNumber(db, ref),
    issueRecord: (input) => issueRecord(db, input),
    withdrawRecord: async (input) => (await withdrawRecord(db, input), DONE),
    getRecordHistory: (ref) => getRecordHistory(db, ref),
    exportRecordDocx: (ref) => exportRecordDocx(db, ref),
    exportIssuedCopyDocx: ({ copyId }) => exportIssuedCopyDocx(db, copyId),
    listSignerProfiles: () => listSignerProfiles(db),
    saveSignerProfile: (profile) => saveSignerProfile(db, profile),
    deleteSignerProfile: async ({ id }) => (await deleteSignerProfile(db, id), DONE),
    saveExportedFile: ({ file }) => saveExportedFile(desktop, file),
    openSavedFile: async ({ path }) => (await openSavedFile(desktop, path), DONE),
    saveFilesToFolder: ({ files }) => saveFilesToFolder(desktop, files),
    zipFiles: ({ files, fileName }) => zipFiles(files, fileName),
    listRounds: ({ planId }) => listRounds(db, planId),
    getRound: ({ id }) => getRound(db, id),
    saveRound: (round) => saveRound(db, round),
    saveReportTexts: ({ id, texts, revision }) => saveReportTexts(db, id, texts, revision),
    getRoundTracking: async ({ roundId }) => {
      const { taskStatus: _t, ...tracking } = await getRoundTracking(db, roundId);
      return tracking;
    },
    generateReportForm: ({ roundId, agencyId }) => generateReportForm(db, roundId, agencyId),
    importReportForms: (input) => importReportForms(db, input),
    saveManualSubmission: async (input) => (await saveManualSubmission(db, input), DONE),
    exportRoundReportDocx: ({ roundId }) => exportRoundReportDocx(db, roundId),
    exportRoundReportXlsx: ({ roundId }) => exportRoundReportXlsx(db, roundId),
    createReminderForRound: ({ roundId, deadline }) => createReminderForRound(db, roundId, deadline),
    getRoundAnswers: ({ roundId }) => getRoundAnswers(db, roundId),
    getAgencyRoundTasks: ({ roundId, agencyId }) => agencyRoundTasks(db, roundId, agencyId),
    getBackups: async () => ({ ...backupsOverview(needMaintenance().backupDir), keep: await getBackupKeep(db) }),
    setBackupKeep: async ({ keep }) => ({ keep: await setBackupKeep(db, keep) }),
    makeBackup: () => makeBackup(database, desktop),
    inspectBackup: async ({ file }) => {
      const source = await chooseBackupSource(file, desktop);
      if (!source) return null;
      try {
        const summary = await inspectBackup(source.path, database.file, { name: source.name });
        if (file) return summary;
        inspectedPaths.add(path.resolve(source.path));
        return { ...summary, path: source.path };
      } finally {
        source.dispose();
      }
    },
    restoreFromBackup: async ({ file, path: chosen }) => {
      const maintenance = needMaintenance();
      // Desktop: never a file the user was not shown the contents of first.
      if (!file && !(chosen && inspectedPaths.has(path.resolve(chosen)))) {
        throw new ServiceError(
          'VALIDATION',
          `Chỉ khôi phục được tệp vừa chọn và kiểm tra${chosen ? ` ("${path.basename(chosen)}" chưa được kiểm tra)` : ''}. Hãy bấm "Khôi phục từ tệp…" và chọn lại tệp.`,
        );
      }
      const source = file ? await chooseBackupSource(file, desktop) : { path: chosen!, name: path.basename(chosen!), dispose: () => undefined };
      if (!source) return { restored: false, safetyCopy: null };
      try {
        return { restored: true, ...(await maintenance.restore(source.path, source.name)) };
      } finally {
        source.dispose();
      }
    },
    getStartupState: async () => ({ state: 'ok' }),
    recoverFromNewestBackup: async () => notDamaged(),
    recoverFromFile: async () => notDamaged(),
    quitApp: async () => quitApp(desktop),
  };
  function notDamaged(): never {
    throw new ServiceError('VALIDATION', 'Tệp dữ liệu đang mở bình thường, không cần khôi phục. Muốn thay dữ liệu bằng một bản sao lưu, hãy dùng thẻ "Sao lưu" trong Cài đặt.');
  }
  function needMaintenance() {
    if (!maintenance) throw new ServiceError('INTERNAL', 'Chức năng sao lưu chưa sẵn sàng.');
    return maintenance;
  }
}
