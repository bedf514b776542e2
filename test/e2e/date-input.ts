import type { Locator, Page } from 'playwright-core';

/** The date picker field labelled `label` (a group of day / month / year sections). */
export const dateField = (scope: Page | Locator, label: string) =>
  // a required field's label ends in " *"
  scope.getByRole('group', { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s*\\*)?$`) });

/** Types "dd/mm/yyyy" into a date picker as a person would, replacing what was there. */
export async function typeDate(scope: Page | Locator, label: string, text: string): Promise<void> {
  const field = dateField(scope, label);
  const page = 'page' in scope ? scope.page() : scope;
  // a clicked section is selected, and each section typed in full moves on to the next
  await field.getByRole('spinbutton', { name: 'Ngày' }).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

/** What the field shows, e.g. "31/02/2022" (its hidden input holds the sections as typed). */
export const dateFieldText = (scope: Page | Locator, label: string) => dateField(scope, label).locator('input').inputValue();
