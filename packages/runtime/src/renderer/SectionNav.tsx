import type { Section } from './sections.js';

export interface SectionNavProps {
  sections: readonly Section[];
  openKey: string;
  /** Sections with messages to look at (after a proceed attempt). */
  needsAttention: ReadonlySet<string>;
  onOpen: (key: string) => void;
  /** Sections this form has for later stages, not shown yet. */
  laterCount?: number;
}

/** "Section 2 of 6" and the list of sections, each a button that opens it. */
export function SectionNav({ sections, openKey, needsAttention, onOpen, laterCount = 0 }: SectionNavProps) {
  const index = sections.findIndex((s) => s.key === openKey);
  if (sections.length < 2) return null;
  return (
    <nav className="fw-sections" aria-label="Sections of this form">
      <p className="fw-sections__progress">
        Section {index + 1} of {sections.length}
      </p>
      <ol className="fw-sections__list">
        {sections.map((s) => (
          <li key={s.key} className="fw-sections__item">
            <button
              type="button"
              className="fw-sections__link"
              aria-current={s.key === openKey ? 'step' : undefined}
              onClick={() => onOpen(s.key)}
            >
              {s.title}
              {needsAttention.has(s.key) && <span className="fw-tag fw-tag--attention">Needs attention</span>}
            </button>
          </li>
        ))}
      </ol>
      {laterCount > 0 && (
        <p className="fw-hint fw-sections__later">
          {laterCount === 1
            ? 'One more section opens at a later stage.'
            : `${laterCount} more sections open at later stages.`}
        </p>
      )}
    </nav>
  );
}
