-- Every autosave rewrites its record's row. With room left on each page (30%), PostgreSQL can put the new version
-- beside the old one as a heap-only tuple (HOT) when no indexed column changed (the usual autosave: category, harm
-- and occurred_at stay the same), so the seven indexes of `records` get no new entries and the page is pruned in
-- place. Applies to pages written from now on; `VACUUM FULL records` rewrites older ones if ever needed.
ALTER TABLE "records" SET (fillfactor = 70);
