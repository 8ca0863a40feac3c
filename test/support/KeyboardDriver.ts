import type { Locator, Page } from 'playwright-core';
import { type FormDriver, field, group, localDateTime, sectionButton } from './FormDriver.js';

/** Enough Tab presses to cross the longest section and the page around it, once. */
const MAX_TABS = 250;

/**
 * Answers a form with the keyboard alone: every control is reached with Tab and used with typing, Space, Enter
 * or the arrow keys. Nothing is clicked, filled or focused by script, so a control that Tab cannot reach, or
 * that does not answer to its keys, fails the test with a message naming it.
 */
export class KeyboardDriver implements FormDriver {
  constructor(readonly page: Page) {}

  /** Presses Tab until the focus is on (or inside) `target`. */
  async tabTo(target: Locator, what: string): Promise<void> {
    await target.first().waitFor();
    for (let i = 0; i < MAX_TABS; i++) {
      const there = await target.evaluateAll((els) =>
        els.some((el) => el === document.activeElement || el.contains(document.activeElement)),
      );
      if (there) return;
      await this.page.keyboard.press('Tab');
    }
    throw new Error(`${what} could not be reached with the Tab key (${MAX_TABS} presses).`);
  }

  async text(label: string, value: string): Promise<void> {
    await this.tabTo(field(this.page, label), `The question "${label}"`);
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.type(value);
  }

  async dateTime(label: string, minutesAgo: number): Promise<void> {
    const input = field(this.page, label);
    await this.tabTo(input, `The date and time "${label}"`);
    const wanted = await localDateTime(this.page, minutesAgo);
    const [date = '', time = ''] = wanted.split('T');
    const [yyyy, mm, dd] = date.split('-');
    const [hh, min] = time.split(':');
    // Headless Chromium draws date-time inputs in US order whatever the page's locale (checked: en-GB pages
    // still get mm/dd/yyyy, hh:mm AM/PM). Month and day move on by themselves; the year takes up to six digits,
    // so the right arrow moves on, as it does to the AM/PM part.
    const hours = Number(hh);
    const h12 = String(hours % 12 === 0 ? 12 : hours % 12).padStart(2, '0');
    await this.page.keyboard.type(`${mm}${dd}${yyyy}`);
    await this.page.keyboard.press('ArrowRight');
    await this.page.keyboard.type(`${h12}${min}`);
    await this.page.keyboard.press('ArrowRight');
    await this.page.keyboard.type(hours < 12 ? 'A' : 'P');
    const got = await input.inputValue();
    if (got !== wanted)
      throw new Error(`Typing a date and time into "${label}" gave "${got}", not "${wanted}".`);
  }

  async choose(question: string, answer: string): Promise<void> {
    const radios = group(this.page, question).getByRole('radio');
    const target = group(this.page, question).getByLabel(answer, { exact: true });
    await this.tabTo(radios, `The question "${question}"`);
    const count = await radios.count();
    for (let i = 0; i <= count; i++) {
      if (await target.isChecked()) return;
      const focusedIsTarget = await target.evaluate((el) => el === document.activeElement);
      await this.page.keyboard.press(focusedIsTarget ? 'Space' : 'ArrowDown');
    }
    throw new Error(`The answer "${answer}" to "${question}" could not be chosen with the arrow keys.`);
  }

  async tick(question: string, answers: string[]): Promise<void> {
    for (const answer of answers) {
      const box = group(this.page, question).getByLabel(answer, { exact: true });
      await this.tabTo(box, `The tick box "${answer}" of "${question}"`);
      if (!(await box.isChecked())) await this.page.keyboard.press('Space');
      if (!(await box.isChecked())) throw new Error(`Space did not tick "${answer}" of "${question}".`);
    }
  }

  async pick(label: string, option: string): Promise<void> {
    const select = field(this.page, label);
    await this.tabTo(select, `The list "${label}"`);
    const options = await select.locator('option').allTextContents();
    const wanted = options.indexOf(option);
    if (wanted < 0)
      throw new Error(`The list "${label}" has no option "${option}" (it has: ${options.join(', ')}).`);
    for (let i = 0; i <= options.length; i++) {
      const current = await select.evaluate((el) => (el as HTMLSelectElement).selectedIndex);
      if (current === wanted) return;
      await this.page.keyboard.press(current < wanted ? 'ArrowDown' : 'ArrowUp');
    }
    throw new Error(`The option "${option}" of "${label}" could not be chosen with the arrow keys.`);
  }

  async press(name: string | RegExp): Promise<void> {
    const button = this.page.getByRole('button', { name, exact: typeof name === 'string' });
    await this.tabTo(button, `The button "${String(name)}"`);
    await this.page.keyboard.press('Enter');
  }

  async openSection(title: string): Promise<void> {
    await this.tabTo(sectionButton(this.page, title), `The section "${title}" in the list of sections`);
    await this.page.keyboard.press('Enter');
  }
}
