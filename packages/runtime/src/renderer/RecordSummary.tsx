import type { CompiledTemplate, Json } from '@formwork/engine/runtime';
import { useId, useMemo } from 'react';
import { type SummaryAnswer, summarise } from './summary/summarise.js';
import './summary/recordSummary.css';

export interface RecordSummaryProps {
  compiled: CompiledTemplate;
  data: Json;
  /** The app passes the clock in (templates whose rules need the time); the engine never reads it. */
  now?: () => string;
  /** The level of each section's heading (the page's own heading for the answers is one above). */
  headingLevel?: 2 | 3 | 4;
}

/**
 * A record to read, not a form to fill: each section a heading, each answered question a term and its answer,
 * options by their labels, dates in UK words, lists as lists. Unanswered questions are left out, except required
 * ones, which say "Not answered" quietly. Built from the template's schema and the record alone (no form library).
 */
export function RecordSummary({ compiled, data, now, headingLevel = 3 }: RecordSummaryProps) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: the clock is read when the record changes, not on every tick
  const model = useMemo(() => summarise(compiled, data, now?.()), [compiled, data]);
  const id = useId();
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="fw-record-summary">
      {model.sections.length === 0 && (
        <p className="fw-record-summary__empty">Nothing has been answered yet.</p>
      )}
      {model.sections.map((s, i) => (
        <section key={s.key} className="fw-record-summary__section" aria-labelledby={`${id}-${i}`}>
          <Heading className="fw-record-summary__title" id={`${id}-${i}`}>
            {s.title}
          </Heading>
          {s.missing ? <p className="fw-not-answered">Not answered</p> : <Answers answers={s.answers} />}
        </section>
      ))}
      {model.notShown > 0 && (
        <p className="fw-record-summary__note">
          {model.notShown === 1 ? 'One answer is' : `${model.notShown} answers are`} kept in the record but
          not shown here: {model.notShown === 1 ? 'it answers a question' : 'they answer questions'} that the
          other answers no longer ask.
        </p>
      )}
    </div>
  );
}

function Answers({ answers }: { answers: readonly SummaryAnswer[] }) {
  return (
    <dl className="fw-answers">
      {answers.map((a) => (
        <div key={a.pointer} className="fw-answers__row">
          <dt>{a.title}</dt>
          <Answer answer={a} />
        </div>
      ))}
    </dl>
  );
}

function Answer({ answer }: { answer: SummaryAnswer }) {
  switch (answer.kind) {
    case 'text':
      return <dd className="fw-answers__text">{answer.text}</dd>;
    case 'missing':
      return <dd className="fw-not-answered">Not answered</dd>;
    case 'list':
      return (
        <dd>
          <ul className="fw-answers__list">
            {answer.items.map((item, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list that never reorders
              <li key={i}>{item}</li>
            ))}
          </ul>
        </dd>
      );
    case 'group':
      return (
        <dd>
          <Answers answers={answer.answers} />
        </dd>
      );
    case 'items':
      return (
        <dd>
          <ol className="fw-answers__items">
            {answer.items.map((item) => (
              <li key={item.label} className="fw-answers__item">
                <p className="fw-answers__item-label">{item.label}</p>
                <Answers answers={item.answers} />
              </li>
            ))}
          </ol>
        </dd>
      );
  }
}
