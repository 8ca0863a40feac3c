import type { FormRecord, Template } from '../api/types.js';

/** Where the record is in its lifecycle: done, current, still to come. */
export function StagesTimeline({ template, record }: { template: Template; record: FormRecord }) {
  const stages = template.stages ?? [];
  if (stages.length === 0) return null;
  const current = stages.findIndex((s) => s.id === record.stage);
  return (
    <ol className="fwa-stages">
      {stages.map((stage, i) => {
        const state = i < current ? 'done' : i === current ? 'current' : 'todo';
        return (
          <li
            key={stage.id}
            className={`fwa-stages__item fwa-stages__item--${state}`}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span className="fwa-stages__title">{stage.title}</span>
            <span className="fwa-stages__state">
              {state === 'done' ? 'Done' : state === 'current' ? 'Current stage' : 'Not started'}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
