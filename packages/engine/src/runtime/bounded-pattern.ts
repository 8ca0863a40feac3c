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

/** The number of ways a quantifier at `i` can match (1 for none), how long it is, or undefined if unbounded. */
function quantifier(pattern: string, i: number): { ways: number; length: number } | undefined {
  const c = pattern[i];
  if (c === '?') return { ways: 2, length: 1 };
  if (c === '*' || c === '+') return undefined;
  if (c !== '{') return { ways: 1, length: 0 };
  const match = /^\{(\d{1,4})(?:,(\d{1,4}))?\}/.exec(pattern.slice(i));
  if (!match) return undefined;
  const min = Number(match[1]);
  // `{n,}` has no upper bound: the regular expression above does not accept it.
  const max = match[2] === undefined ? min : Number(match[2]);
  if (max < min) return undefined;
  return { ways: max - min + 1, length: match[0].length };
}

/** The index just past the atom at `i`, or undefined for anything but a character, an escape or a class. */
function atomEnd(pattern: string, i: number): number | undefined {
  const c = pattern[i];
  if (c === undefined || '()|*+?{}]^$'.includes(c)) return undefined;
  if (c === '\\') {
    const next = pattern[i + 1];
    // Back-references (\1, \k<name>) need backtracking into captured text; \u{…} and \p{…} are not parsed here.
    if (next === undefined || /[1-9kupPxc]/.test(next)) return undefined;
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
