import type { CompiledTemplate, GateResult } from '@formwork/engine/runtime';
import { fieldTitle } from '@formwork/engine/runtime';
import { fieldId } from './fieldId.js';

export interface GatesPanelProps {
  compiled: CompiledTemplate;
  gates: GateResult[];
  onSelect?: (pointer: string) => void;
}

/** "Before you can continue": the blocking gates (and warn gates as advice), each linking to its fields. */
export function GatesPanel({ compiled, gates, onSelect }: GatesPanelProps) {
  const open = gates.filter((g) => g.status === 'blocked');
  if (open.length === 0) return null;
  return (
    <section className="fw-gates" aria-labelledby="fw-gates-title">
      <h2 id="fw-gates-title">Before you can continue</h2>
      <ul>
        {open.map((g) => (
          <li key={g.id} className={g.severity === 'warn' ? 'fw-gate fw-gate--advice' : 'fw-gate'}>
            <p>{g.message}</p>
            {g.missing.length > 0 && (
              <ul>
                {g.missing.map((p) => (
                  <li key={p}>
                    <a
                      href={`#${fieldId(p)}`}
                      onClick={(ev) => {
                        ev.preventDefault();
                        if (onSelect) onSelect(p);
                        else document.getElementById(fieldId(p))?.focus();
                      }}
                    >
                      {fieldTitle(compiled, p)}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
