/**
 * Which template version each record is pinned to. A record keeps the version it started on for good (nothing
 * updates `records.template_version_id`), so the fact can be kept in memory once seen: it lets the autosave evaluate
 * before its one statement instead of reading the record first. Only a hint: the statement itself checks that the
 * record is still pinned to the version evaluated, and a record not known here takes the ordinary path.
 */
const MAX = 50_000;
const pinned = new Map<string, string>();

export function rememberPinnedVersion(recordId: string, versionId: string): void {
  // Bounded: when full, start again (the ordinary path fills it back with the records in use).
  if (pinned.size >= MAX && !pinned.has(recordId)) pinned.clear();
  pinned.set(recordId, versionId);
}

export function pinnedVersion(recordId: string): string | undefined {
  return pinned.get(recordId);
}
