/**
 * Patterns that a backtracking engine (the JavaScript RegExp) runs in linear time, provably: anchored at the start
 * (`^`, so a match is only tried at one position), no groups, no alternation, no back-references or look-around,
 * and only bounded quantifiers (`?`, `{n}`, `{n,m}`) on single characters or classes, with at most
 * MAX_PATHS ways to match in all. A backtracking match of such a pattern takes at most MAX_PATHS × its length
 * steps, whatever the input. Most template patterns are of this kind (`^[0-9]{3} ?[0-9]{3} ?[0-9]{4}$`): they
 * run natively, which is faster to start and to match than RE2JS; every other pattern runs on RE2JS.
 */

const MAX_PATHS = 1_000;
const MAX_LENGTH = 500;

/** The number made of the 1 to 4 digits at `i`, and where they end; undefined if there are none or more. */
function digits(pattern: string, i: number): { value: number; end: number } | undefined {
  let value = 0;
  let end = i;
  // Character codes, not a regular expression: this runs for every pattern as a module loads, on a cold page.
  for (let c = pattern.charCodeAt(end); c >= 48 && c <= 57; c = pattern.charCodeAt(++end))
    value = value * 10 + c - 48;
  return end > i && end - i <= 4 ? { value, end } : undefined;
}

/** The number of ways a quantifier at `i` can match (1 for none), how long it is, or undefined if unbounded. */
function quantifier(pattern: string, i: number): { ways: number; length: number } | undefined {
  const c = pattern[i];
  if (c === '?') return { ways: 2, length: 1 };
  if (c === '*' || c === '+') return undefined;
  if (c !== '{') return { ways: 1, length: 0 };
  const min = digits(pattern, i + 1);
  if (!min) return undefined;
  // `{n,}` has no upper bound: `digits` finds none after the comma.
  const max = pattern[min.end] === ',' ? digits(pattern, min.end + 1) : min;
  if (!max || pattern[max.end] !== '}' || max.value < min.value) return undefined;
  return { ways: max.value - min.value + 1, length: max.end + 1 - i };
}

/** The index just past the atom at `i`, or undefined for anything but a character, an escape or a class. */
function atomEnd(pattern: string, i: number): number | undefined {
  const c = pattern[i];
  if (c === undefined || '()|*+?{}]^$'.includes(c)) return undefined;
  if (c === '\\') {
    const next = pattern[i + 1];
    // Back-references (\1, \k<name>) need backtracking into captured text; \u{…} and \p{…} are not parsed here.
    if (next === undefined || '123456789kupPxc'.includes(next)) return undefined;
    return i + 2;
  }
  if (c !== '[') return i + 1;
  for (let j = i + 1; j < pattern.length; j++) {
    if (pattern[j] === '\\') j++;
    else if (pattern[j] === '[') return undefined;
    else if (pattern[j] === ']') return j + 1;
  }
  return undefined;
}

export function isBoundedPattern(pattern: string): boolean {
  if (pattern.length > MAX_LENGTH || !pattern.startsWith('^')) return false;
  let ways = 1;
  let i = 1;
  while (i < pattern.length) {
    if (pattern[i] === '$' && i === pattern.length - 1) return true;
    const end = atomEnd(pattern, i);
    if (end === undefined) return false;
    const q = quantifier(pattern, end);
    if (!q) return false;
    i = end + q.length;
    // A lazy quantifier (`a??`) or a second quantifier: not in this simple shape.
    if (
      q.length > 0 &&
      (pattern[i] === '?' || pattern[i] === '{' || pattern[i] === '*' || pattern[i] === '+')
    )
      return false;
    ways *= q.ways;
    if (ways > MAX_PATHS) return false;
  }
  return true;
}
