/** CommonJS `exports.default` arrives as `.default` or `.default.default` depending on the loader. */
export function defaultOf(namespace: unknown): unknown {
  const outer = (namespace as { default?: unknown }).default;
  const inner = (outer as { default?: unknown } | undefined)?.default;
  return inner ?? outer;
}
