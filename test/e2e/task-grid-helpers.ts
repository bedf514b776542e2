import type { Page } from 'playwright-core';

// by attribute, not by role: an open dialog hides the page from the accessibility tree
export const taskGrid = (page: Page) => page.locator('[role="grid"][aria-label="Nhiệm vụ của phụ lục"]');

/** A cell of the task grid, rows counted from 1 as on screen. */
export const taskCell = (page: Page, row: number, field: string) => taskGrid(page).locator(`.MuiDataGrid-row[data-rowindex="${row - 1}"] .MuiDataGrid-cell[data-field="${field}"]`);

export const taskContents = (page: Page) => taskGrid(page).locator('.MuiDataGrid-row .MuiDataGrid-cell[data-field="content"]').allInnerTexts();

/** The input of the cell being edited. */
export const editingInput = (page: Page) => taskGrid(page).locator('.MuiDataGrid-cell--editing').locator('input, textarea:not([aria-hidden])').first();

/** What Excel puts on the clipboard as text/plain, dispatched as a real paste on the focused element. */
export async function pasteTsv(page: Page, tsv: string) {
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, tsv);
}
