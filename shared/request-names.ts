/**
 * The names of every request of the contract, without their schemas, so the preload script can
 * expose them without bundling the validators. shared/api.ts checks at compile time that this list
 * and the contract name exactly the same requests.
 */
export const REQUEST_NAMES = [
  'getAppInfo',
  'getIssuerProfile',
  'saveIssuerProfile',
  'listAgencies',
  'saveAgency',
  'setAgencyActive',
  'deleteAgency',
  'listAgencyGroups',
  'saveAgencyGroup',
  'deleteAgencyGroup',
  'listRecipientLists',
  'saveRecipientList',
  'deleteRecipientList',
  'previewRecipientBlock',
  'importAgencies',
  'exportAgencies',
  'getAgencyTemplate',
  'loadSampleAgencies',
  'listIndices',
  'saveIndexComponent',
  'deleteIndexComponent',
  'getIndexResults',
  'saveIndexYearResults',
  'previewSpreadsheet',
  'importIndexResults',
  'listPlans',
  'getPlan',
  'createBlankPlan',
  'savePlan',
  'savePlanTasks',
  'issuePlan',
  'reopenPlan',
  'duplicatePlan',
  'deletePlan',
  'createPlanFromDeclines',
  'exportPlanDocx',
  'exportPlanTasksXlsx',
  'listSnippets',
  'saveSnippet',
  'deleteSnippet',
  'listRegister',
  'getDraft',
  'createDraft',
  'saveDraft',
  'issueDraft',
  'reopenDraft',
  'duplicateDraft',
  'deleteDraft',
  'exportDraftDocx',
  'listSignerProfiles',
  'saveSignerProfile',
  'deleteSignerProfile',
  'saveExportedFile',
  'openSavedFile',
] as const;

export type RequestName = (typeof REQUEST_NAMES)[number];

/** The Electron IPC channel that carries one request. */
export function ipcChannel(name: RequestName): string {
  return `noivu:${name}`;
}
