import type { CompiledTemplate, GateResult } from '@formwork/engine/runtime';
import { useId } from 'react';
import { FieldLink } from './FieldLink.js';
import { questionTitle } from './questionTitle.js';

export interface GatesPanelProps {
  compiled: CompiledTemplate;
  gates: readonly GateResult[];
  onSelect?: (pointer: string) => void;
}

/**
 * "Before you can continue": each gate that blocks the next stage, in the template's plain words, with links to
 * the questions it still needs. `warn` gates are advice: shown apart, and they do not stop anyone continuing.
 */
export function GatesPanel({ compiled, gates, onSelect }: GatesPanelProps) {
  const titleId = useId();
  const blocking = gates.filter((g) => g.status === 'blocked' && g.severity === 'block');
  const advice = gates.filter((g) => g.status === 'blocked' && g.severity === 'warn');
  if (blocking.length === 0 && advice.length === 0) return null;
  return (
    <section className="fw-gates" aria-labelledby={titleId}>
      <h2 className="fw-gates__title" id={titleId}>
        {blocking.length > 0 ? 'Before you can continue' : 'Worth checking before you continue'}
      </h2>
      {blocking.length > 0 && (
        <ul className="fw-gates__list">
          {blocking.map((g) => (
            <GateItem key={g.id} gate={g} compiled={compiled} onSelect={onSelect} />
          ))}
        </ul>
      )}
      {advice.length > 0 && (
        <>
          {blocking.length > 0 && (
            <h3 className="fw-gates__subtitle">Also worth checking (this will not stop you)</h3>
          )}
          <ul className="fw-gates__list fw-gates__list--advice">
            {advice.map((g) => (
              <GateItem key={g.id} gate={g} compiled={compiled} onSelect={onSelect} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function GateItem(props: {
  gate: GateResult;
  compiled: CompiledTemplate;
  onSelect?: ((p: string) => void) | undefined;
}) {
  const { gate, compiled, onSelect } = props;
  return (
    <li className={gate.severity === 'warn' ? 'fw-gate fw-gate--advice' : 'fw-gate'}>
      <p className="fw-gate__message">{gate.message}</p>
      {gate.missing.length > 0 && (
        <ul className="fw-gate__fields" aria-label="Questions this needs">
          {gate.missing.map((p) => (
            <li key={p}>
              <FieldLink pointer={p} onSelect={onSelect}>
                {questionTitle(compiled, p)}
              </FieldLink>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
