/** The DOM id rjsf gives the input for a record pointer: `root_` + the pointer's segments joined by `_`.
 * `/incident/occurredAt` → `root_incident_occurredAt`; `""` → `root`. Array wildcards (`*`) cannot name one
 * input, so they stop at the array itself. */
export function fieldId(pointer: string): string {
  if (pointer === '' || pointer === '/') return 'root';
  const segments: string[] = [];
  for (const raw of pointer.replace(/^\//, '').split('/')) {
    if (raw === '*') break;
    segments.push(raw.replace(/~1/g, '/').replace(/~0/g, '~'));
  }
  return ['root', ...segments].join('_');
}
