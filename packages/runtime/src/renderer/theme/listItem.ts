import { createContext } from 'react';

/** What one item of the list being drawn is called ("Person", or the list's own title when its items have none),
 * so that an item's legend and its buttons can say which item they belong to. */
export const ListItemNoun = createContext<string>('Item');

/** "Person 2": an item's name, counted from 1 as people count. */
export function itemLabel(noun: string, index: number): string {
  return `${noun} ${index + 1}`;
}

/** The same words inside a sentence ("Remove person 2"): the first letter in lower case, unless the word is an
 * abbreviation ("GP", "PBS plan"). */
export function inSentence(label: string): string {
  const [first = '', second = ''] = label;
  return second !== '' && second === second.toUpperCase() && second !== second.toLowerCase()
    ? label
    : first.toLowerCase() + label.slice(1);
}
