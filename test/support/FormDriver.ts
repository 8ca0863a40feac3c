import type { Locator, Page } from 'playwright-core';
import { escapeRegExp, questionName } from './regex.js';

/**
 * How a person answers a form. Two ways, one flow: with a pointer (click, type), or with the keyboard alone
 * (Tab to a control, then type, Space or arrow keys). A flow written against this interface proves the same
 * record can be completed either way.
 */
export interface FormDriver {
  readonly page: Page;
  text(label: string, value: string): Promise<void>;
  /** `minutesAgo` before now, in the browser's own time zone. */
  dateTime(label: string, minutesAgo: number): Promise<void>;
  /** A radio button answer. */
  choose(question: string, answer: string): Promise<void>;
  /** Checkbox answers. */
  tick(question: string, answers: string[]): Promise<void>;
  /** An option of a drop-down list. */
  pick(label: string, option: string): Promise<void>;
  /** A button, found by its words. */
  press(name: string | RegExp): Promise<void>;
  /** Opens a section of the form from the list of sections. */
  openSection(title: string): Promise<void>;
}

export function field(page: Page, label: string): Locator {
  return page.getByLabel(questionName(label));
}

export function group(page: Page, question: string): Locator {
  return page.getByRole('group', { name: questionName(question) });
}

export function sectionButton(page: Page, title: string): Locator {
  return page
    .getByRole('navigation', { name: 'Sections of this form' })
    .getByRole('button', { name: new RegExp(`^${escapeRegExp(title)}`) });
}

/** `YYYY-MM-DDTHH:mm` for a datetime-local input, computed in the page so it is in the browser's time zone. */
export function localDateTime(page: Page, minutesAgo: number): Promise<string> {
  return page.evaluate((m) => {
    const d = new Date(Date.now() - m * 60_000);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  }, minutesAgo);
}

export class PointerDriver implements FormDriver {
  constructor(readonly page: Page) {}

  async text(label: string, value: string): Promise<void> {
    await field(this.page, label).fill(value);
    await field(this.page, label).blur();
  }

  async dateTime(label: string, minutesAgo: number): Promise<void> {
    await field(this.page, label).fill(await localDateTime(this.page, minutesAgo));
    await field(this.page, label).blur();
  }

  async choose(question: string, answer: string): Promise<void> {
    await group(this.page, question).getByLabel(answer, { exact: true }).check();
  }

  async tick(question: string, answers: string[]): Promise<void> {
    for (const answer of answers)
      await group(this.page, question).getByLabel(answer, { exact: true }).check();
  }

  async pick(label: string, option: string): Promise<void> {
    await field(this.page, label).selectOption({ label: option });
  }

  async press(name: string | RegExp): Promise<void> {
    await this.page.getByRole('button', { name, exact: typeof name === 'string' }).click();
  }

  async openSection(title: string): Promise<void> {
    await sectionButton(this.page, title).click();
  }
}
