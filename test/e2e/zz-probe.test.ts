import { it } from 'vitest';
import { openSession, screenshot } from '/work/h4/test/e2e/harness';
it('probe', async () => {
  const s = await openSession();
  const { page } = s;
  await page.goto(`${s.web.url}#/co-quan`);
  await page.getByRole('button', { name: 'Thêm cơ quan' }).click();
  const d = page.getByRole('dialog');
  const html = await d.locator('.MuiPickersTextField-root').first().evaluate((e) => e.outerHTML);
  console.log(html.slice(0, 3000));
  await d.getByRole('spinbutton', { name: 'Ngày' }).first().click();
  await page.keyboard.type('31/02/2022');
  await page.waitForTimeout(300);
  console.log(await d.locator('.MuiPickersTextField-root').first().innerText());
  console.log(await d.locator('.MuiPickersTextField-root input').first().inputValue());
  await screenshot(page, 'probe-date');
  await s.close();
});
