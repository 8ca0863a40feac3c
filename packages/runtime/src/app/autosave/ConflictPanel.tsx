import { useState } from 'react';
import type { Json } from '../api/types.js';
import { formatClock, formatDateTime, sameUkDay } from '../format/time.js';
import {
  canKeepBoth,
  defaultResolution,
  type IsTextField,
  type MergeResult,
  type Resolution,
} from './merge.js';

export interface ConflictPanelProps {
  merge: MergeResult;
  /** When the other version was saved. */
  theirsSavedAt: string;
  /** Who saved it, when the record's history says (`you`: the person signed in here, on another device). */
  theirsSavedBy?: { name: string; you: boolean } | undefined;
  /** The clock, to say "at 14:32" for a save today and the date as well otherwise. */
  now?: () => Date;
  titleOf: (pointer: string) => string;
  isText: IsTextField;
  onResolve: (choices: Record<string, Resolution>) => void;
}

function show(value: Json | undefined): string {
  if (value === undefined || value === null || value === '') return 'No answer';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean')
    return value === true ? 'Yes' : value === false ? 'No' : String(value);
  if (Array.isArray(value)) return value.map((v) => show(v)).join(', ');
  return JSON.stringify(value, null, 2);
}

/** "Sam Staff saved a newer version at 14:32 on another device." The time alone for a save today (UK time). */
export function whoSaved(by: ConflictPanelProps['theirsSavedBy'], savedAt: string, now: Date): string {
  const when = sameUkDay(savedAt, now.toISOString()) ? formatClock(savedAt) : formatDateTime(savedAt);
  if (!by) return `Someone saved it at ${when}.`;
  return `${by.you ? 'You' : by.name} saved a newer version at ${when} on another device.`;
}

/**
 * Another device saved this record while this one was working on it. Answers only one side changed are
 * already combined; for each answer both changed, both versions are shown and the person chooses. Nothing is
 * thrown away until they do, and texts default to "keep both".
 */
export function ConflictPanel(props: ConflictPanelProps) {
  const { merge, theirsSavedAt, theirsSavedBy, titleOf, isText, onResolve, now = () => new Date() } = props;
  const [choices, setChoices] = useState<Record<string, Resolution>>({});
  const choiceFor = (path: string) =>
    choices[path] ?? defaultResolution(merge.conflicts.find((c) => c.path === path)!, isText);

  return (
    <section className="fwa-conflict" aria-labelledby="fwa-conflict-title">
      <h2 className="fwa-h2" id="fwa-conflict-title" tabIndex={-1}>
        This record was also changed on another device
      </h2>
      <p className="fwa-body">
        {whoSaved(theirsSavedBy, theirsSavedAt, now())} We have kept both versions.{' '}
        {merge.conflicts.length === 0
          ? 'None of their changes clash with yours, so we have combined them.'
          : `Answers changed on only one device are combined. ${merge.conflicts.length === 1 ? 'One answer was' : `${merge.conflicts.length} answers were`} changed on both: choose what to keep.`}
      </p>
      {merge.conflicts.map((conflict, i) => {
        const name = `conflict-${i}`;
        const both = canKeepBoth(conflict, isText);
        const options: { value: Resolution; label: string }[] = [
          ...(both ? [{ value: 'both' as const, label: 'Keep both (yours first)' }] : []),
          { value: 'mine', label: 'Keep your answer' },
          { value: 'theirs', label: 'Keep the other device’s answer' },
        ];
        return (
          <fieldset key={conflict.path} className="fwa-fieldset fwa-conflict__field">
            <legend className="fwa-legend">{titleOf(conflict.path)}</legend>
            <div className="fwa-conflict__versions">
              <div>
                <p className="fwa-conflict__label">Your answer</p>
                <p className="fwa-conflict__value">{show(conflict.mine)}</p>
              </div>
              <div>
                <p className="fwa-conflict__label">The other device’s answer</p>
                <p className="fwa-conflict__value">{show(conflict.theirs)}</p>
              </div>
            </div>
            <div className="fwa-radios">
              {options.map((option) => {
                const id = `${name}-${option.value}`;
                return (
                  <div className="fwa-radio" key={option.value}>
                    <input
                      type="radio"
                      id={id}
                      name={name}
                      value={option.value}
                      checked={choiceFor(conflict.path) === option.value}
                      onChange={() => setChoices({ ...choices, [conflict.path]: option.value })}
                    />
                    <label htmlFor={id}>{option.label}</label>
                  </div>
                );
              })}
            </div>
          </fieldset>
        );
      })}
      <button type="button" className="fwa-button" onClick={() => onResolve(choices)}>
        {merge.conflicts.length === 0 ? 'Continue with the combined answers' : 'Save these answers'}
      </button>
    </section>
  );
}
