import type { Locator, Page } from 'playwright-core';

/** True when the element, or something inside it, has the keyboard focus. */
export function holdsFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));
}

/** Waits until the keyboard focus is on (or inside) the element; rejects with a clear message otherwise. */
export async function waitForFocus(
  page: Page,
  locator: Locator,
  what: string,
  timeout = 10_000,
): Promise<void> {
  const handle = await locator.elementHandle({ timeout });
  if (handle === null) throw new Error(`${what} is not on the page.`);
  try {
    await page.waitForFunction(
      (el) => el === document.activeElement || el.contains(document.activeElement),
      handle,
      {
        timeout,
      },
    );
  } catch {
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return el ? `<${el.tagName.toLowerCase()} id="${el.id}" class="${el.className}">` : 'nothing';
    });
    throw new Error(`Expected the keyboard focus on ${what}, but it is on ${focused}.`);
  }
}

/** The id of the record the page shows, from its address (`…/records/<id>…`). */
export function recordIdFromUrl(url: string): string {
  const match = /records\/([A-Za-z0-9_-]+)/.exec(url);
  if (!match?.[1]) throw new Error(`The address ${url} does not name a record.`);
  return match[1];
}
