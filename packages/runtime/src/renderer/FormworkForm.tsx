import {
  type CompiledTemplate,
  type EvaluateResult,
  evaluate,
  type FieldError,
  type Json,
  prune,
  sectionsForStage,
} from '@formwork/engine/runtime';
import { type JSX, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createValidator } from './createValidator.js';
import { ErrorSummary } from './ErrorSummary.js';
import { toSectionErrorSchema } from './errorSchema.js';
import { fieldId } from './fieldId.js';
import { GatesPanel } from './GatesPanel.js';
import { gateNeeds as findGateNeeds, NO_GATE_NEEDS } from './gateNeeds.js';
import { SectionForm } from './SectionForm.js';
import { SectionNav } from './SectionNav.js';
import { sameAnswers } from './sameAnswers.js';
import {
  conditionKey,
  FIELDS_KEY,
  resolveSections,
  rootConditions,
  type Section,
  sectionData,
  sectionOf,
  withSectionData,
} from './sections.js';
import { stageSections } from './stageSections.js';
import { useAfterPress } from './useAfterPress.js';
import './formwork.css';

export interface FormworkFormProps {
  compiled: CompiledTemplate;
  /** Initial data; the form owns its state afterwards (give the form a new `key` to load other data). */
  data: Json;
  /** Every change, for autosave. */
  onChange: (data: Json) => void;
  /** The stage "Continue" would move to (gates panel). */
  nextStage?: string;
  /** The server's answer after a refused proceed: shown exactly like the browser's. */
  serverEvaluation?: EvaluateResult;
  /** Called only when the browser's evaluate says canProceed, with the record without values in branches that are
   * not shown (the engine's `prune`); otherwise the form shows the error summary and moves focus to it. */
  onProceed?: (data: Json) => void;
  proceedLabel?: string;
  readOnly?: boolean;
  /** The record's current stage: only the sections the engine lists for it show (`sectionsForStage`), plus any
   * that hold answers or that a message or gate points into. Absent: every section. */
  stage?: string;
  /** The app passes the clock in; the engine never reads it. */
  now?: () => string;
}

/** How long typing must pause before the gates panel is brought up to date. */
const EVALUATE_DEBOUNCE_MS = 300;

const NOT_YET_EVALUATED: EvaluateResult = {
  valid: false,
  errors: [],
  gates: [],
  canProceed: false,
  safeguarding: false,
};

const CANNOT_PROCEED: FieldError = {
  path: '',
  rule: 'cannot-proceed',
  message: 'This record cannot move on yet. Please look through each section, then try again.',
};

/**
 * A template's form, one section at a time. The engine decides everything (conditions through the template's
 * precompiled validators, messages, gates); rjsf draws the open section with Formwork's theme.
 *
 * Keystrokes stay cheap: the open section is an uncontrolled rjsf form, so a keystroke re-renders that section
 * only; this component keeps the record in a ref and re-renders only when a root condition flips (sections or
 * questions appear or go), when a field is left (its message may show), or when the debounced evaluation
 * changes what the gates panel says.
 */
export function FormworkForm(props: FormworkFormProps): JSX.Element {
  const { compiled, nextStage, serverEvaluation, readOnly = false, stage } = props;
  const propsRef = useRef(props);
  propsRef.current = props;
  const recordRef = useRef<Json>(props.data ?? {});
  const record = useCallback(() => recordRef.current, []);
  const hasClock = props.now !== undefined;
  const now = useCallback(() => propsRef.current.now?.() ?? '', []);

  const conditions = useMemo(() => rootConditions(compiled.schema), [compiled]);
  const rootValidator = useMemo(
    () => createValidator(compiled, { prefix: '', record, ...(hasClock ? { now } : {}) }),
    [compiled, record, now, hasClock],
  );
  const [layout, setLayout] = useState(() => ({
    key: conditionKey(compiled, conditions, recordRef.current),
    sections: resolveSections(compiled, rootValidator, recordRef.current),
  }));
  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  // Later stages' sections (manager review, learning, …) wait until the record reaches them. A section a message
  // or gate points into is revealed and stays revealed: an error is never hidden.
  const forStage = useMemo(
    () => (stage === undefined ? undefined : new Set(sectionsForStage(compiled, stage))),
    [compiled, stage],
  );
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(() => new Set());
  // Answers are read from the ref: a section that gains answers is on screen already.
  const sections = useMemo(
    () => stageSections(layout.sections, forStage, revealed, recordRef.current),
    [layout, forStage, revealed],
  );
  const sectionsRef = useRef(sections);
  sectionsRef.current = sections;
  const hiddenCount = layout.sections.length - sections.length;
  /** Shows the sections holding these pointers, if the stage hid them. */
  const reveal = useCallback((pointers: readonly string[]) => {
    const keys = new Set<string>();
    for (const p of pointers) {
      const s = sectionOf(layoutRef.current.sections, p);
      if (s && !sectionsRef.current.includes(s)) keys.add(s.key);
    }
    if (keys.size > 0) setRevealed((before) => new Set([...before, ...keys]));
  }, []);
  const [openKey, setOpenKey] = useState(() => sections[0]?.key ?? FIELDS_KEY);
  const open = sections.find((s) => s.key === openKey) ?? sections[0];

  const evaluateOptions = useCallback((): { to?: string; now?: string } => {
    const p = propsRef.current;
    const options: { to?: string; now?: string } = {};
    if (p.nextStage !== undefined) options.to = p.nextStage;
    if (p.now) options.now = p.now();
    return options;
  }, []);
  // A required group nobody has started comes from the engine as the questions inside it (each with `group`).
  const evaluateNow = useCallback(
    (): EvaluateResult => evaluate(compiled, recordRef.current, evaluateOptions()),
    [compiled, evaluateOptions],
  );
  // The first evaluation waits until the form is on screen: nothing it says shows before a field is left or the
  // last section is reached, and the first paint of a long form should not wait for it. Proceed always evaluates
  // afresh, so nothing depends on this one being early.
  const [evaluation, setEvaluation] = useState<EvaluateResult>(NOT_YET_EVALUATED);
  // biome-ignore lint/correctness/useExhaustiveDependencies: also re-evaluate when the target stage changes
  useEffect(() => {
    const t = setTimeout(() => setEvaluation(evaluateNow()), 0);
    return () => clearTimeout(t);
  }, [nextStage, evaluateNow]);

  // Which messages may show: a field's message appears once it has been left (or after a proceed attempt), and not
  // while someone is typing in it (a message already showing stays, and is updated).
  const touched = useRef(new Set<string>());
  const dirty = useRef(new Set<string>());
  const shownBefore = useRef(new Set<string>());
  const [showAll, setShowAll] = useState(false);
  const [attempt, setAttempt] = useState<EvaluateResult | null>(null);

  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  // Messages appearing or going move the questions below them: never between a press and its click (the click
  // would miss the control it was aimed at, and the answer would be lost). Evaluated when run, so it includes
  // the answer the click gave.
  const afterPress = useAfterPress();
  const refresh = useCallback(() => {
    clearTimeout(timer.current);
    afterPress(() => setEvaluation(evaluateNow()));
  }, [evaluateNow, afterPress]);

  const onSectionChange = useCallback(
    (section: Section, data: Json | undefined, pointer: string | undefined) => {
      const before = sectionData(section, recordRef.current);
      recordRef.current = withSectionData(section, recordRef.current, data);
      if (pointer !== undefined) dirty.current.add(pointer);
      const key = conditionKey(compiled, conditions, recordRef.current);
      if (key !== layoutRef.current.key) {
        const next = reuseUnchanged(
          layoutRef.current.sections,
          resolveSections(compiled, rootValidator, recordRef.current),
        );
        setLayout({ key, sections: next });
      }
      // rjsf reports empty objects it made up for a section nobody has typed in yet: no change for autosave.
      if (sameAnswers(before, data)) return;
      propsRef.current.onChange(recordRef.current);
      clearTimeout(timer.current);
      timer.current = setTimeout(refresh, EVALUATE_DEBOUNCE_MS);
    },
    [compiled, conditions, rootValidator, refresh],
  );

  const onLeave = useCallback(
    (pointer: string) => {
      touched.current.add(pointer);
      dirty.current.delete(pointer);
      refresh();
    },
    [refresh],
  );

  const visible = useMemo(() => {
    const out = evaluation.errors.filter((e) => {
      if (e.path === '') return false;
      if (dirty.current.has(e.path)) return shownBefore.current.has(e.path);
      return showAll || touched.current.has(e.path);
    });
    shownBefore.current = new Set(out.map((e) => e.path));
    return out;
  }, [evaluation, showAll]);

  // Focus moves after React has committed: to the summary, a section heading, or a field.
  const [focusRequest, setFocusRequest] = useState<{ target: string } | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focusRequest) return;
    const { target } = focusRequest;
    if (target === 'summary') summaryRef.current?.focus();
    else if (target === 'heading') headingRef.current?.focus();
    else document.getElementById(target)?.focus();
  }, [focusRequest]);

  const openSection = useCallback((key: string) => {
    setOpenKey(key);
    setFocusRequest({ target: 'heading' });
  }, []);
  const goToField = useCallback(
    (pointer: string) => {
      const s = sectionOf(layoutRef.current.sections, pointer);
      reveal([pointer]);
      if (s) setOpenKey(s.key);
      // A message about a whole section (nothing in it answered yet) goes to the section's heading.
      setFocusRequest({ target: s && s.prefix === pointer ? 'heading' : fieldId(pointer) });
    },
    [reveal],
  );

  const showRefusal = useCallback(
    (result: EvaluateResult) => {
      // Every section the summary points into is listed (marked "Needs attention"), whatever the stage.
      reveal([
        ...result.errors.map((e) => e.path),
        ...result.gates.filter(isBlocking).flatMap((g) => g.missing),
      ]);
      setAttempt(result);
      setShowAll(true);
      setFocusRequest({ target: 'summary' });
    },
    [reveal],
  );
  useEffect(() => {
    if (serverEvaluation) showRefusal(serverEvaluation);
  }, [serverEvaluation, showRefusal]);

  const proceed = () => {
    clearTimeout(timer.current);
    const result = evaluateNow();
    setEvaluation(result);
    if (!result.canProceed) {
      showRefusal(result);
      return;
    }
    setAttempt(null);
    setShowAll(false);
    propsRef.current.onProceed?.(prune(compiled, recordRef.current).data);
  };

  // The open section's messages as rjsf extraErrors, with a stable identity while they do not change (so that the
  // memoised section does not re-render).
  const openErrors = open ? visible.filter((e) => sectionOf(sections, e.path)?.key === open.key) : [];
  const openErrorsKey = JSON.stringify(openErrors);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the messages' content, not the array's identity
  const extraErrors = useMemo(
    () => toSectionErrorSchema(openErrors, open?.prefix ?? ''),
    [openErrorsKey, open?.prefix],
  );
  // Questions an applicable gate of the next stage (or earlier) needs are not "optional". From the debounced
  // evaluation the gates panel uses, with a stable identity while they do not change (the section re-renders only
  // when a gate starts or stops applying).
  const needsNow = useMemo(
    () => (nextStage === undefined || readOnly ? NO_GATE_NEEDS : findGateNeeds(compiled, evaluation.gates)),
    [compiled, evaluation, nextStage, readOnly],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the needs' content, not the object's identity
  const gateNeeds = useMemo(() => needsNow, [needsNow.key]);
  // The section's data when it opens; rjsf owns it while it stays open.
  // biome-ignore lint/correctness/useExhaustiveDependencies: read once per opening, from the ref
  const initialData = useMemo(() => (open ? sectionData(open, recordRef.current) : undefined), [open?.key]);

  const needsAttention = useMemo(() => {
    const keys = new Set<string>();
    if (!showAll) return keys;
    const pointers = [
      ...visible.map((e) => e.path),
      ...(attempt?.gates ?? []).filter(isBlocking).flatMap((g) => g.missing),
    ];
    for (const p of pointers) {
      const s = sectionOf(sections, p);
      if (s) keys.add(s.key);
    }
    return keys;
  }, [showAll, visible, attempt, sections]);

  const index = open ? sections.indexOf(open) : -1;
  const previous = index > 0 ? sections[index - 1] : undefined;
  const next = index >= 0 && index < sections.length - 1 ? sections[index + 1] : undefined;
  const canProceedHere = !readOnly && props.onProceed !== undefined && next === undefined;
  const summaryErrors = attempt
    ? attempt.errors.length === 0 && !attempt.gates.some(isBlocking)
      ? [CANNOT_PROCEED]
      : attempt.errors
    : [];

  return (
    <div className="fw-form">
      {attempt && (
        <ErrorSummary
          ref={summaryRef}
          compiled={compiled}
          errors={summaryErrors}
          gates={attempt.gates}
          onSelect={goToField}
        />
      )}
      <SectionNav
        sections={sections}
        openKey={open?.key ?? ''}
        needsAttention={needsAttention}
        onOpen={openSection}
        laterCount={hiddenCount}
      />
      {open && (
        <section className="fw-section" aria-labelledby="fw-section-title">
          <h2 className="fw-section__title" id="fw-section-title" tabIndex={-1} ref={headingRef}>
            {open.title}
          </h2>
          {open.description && <p className="fw-hint">{open.description}</p>}
          <SectionForm
            key={open.key}
            compiled={compiled}
            section={open}
            initialData={initialData}
            extraErrors={extraErrors}
            gateNeeds={gateNeeds}
            readOnly={readOnly}
            record={record}
            now={hasClock ? now : undefined}
            onChange={onSectionChange}
            onLeave={onLeave}
          />
        </section>
      )}
      {!readOnly && nextStage !== undefined && next === undefined && (
        <GatesPanel compiled={compiled} gates={evaluation.gates} onSelect={goToField} />
      )}
      <div className="fw-actions">
        {previous && (
          <button
            type="button"
            className="fw-button fw-button--secondary"
            onClick={() => openSection(previous.key)}
          >
            Previous: {previous.title}
          </button>
        )}
        {next && (
          <button type="button" className="fw-button" onClick={() => openSection(next.key)}>
            Next: {next.title}
          </button>
        )}
        {canProceedHere && (
          <button type="button" className="fw-button" onClick={proceed}>
            {props.proceedLabel ?? 'Continue'}
          </button>
        )}
      </div>
    </div>
  );
}

function isBlocking(g: EvaluateResult['gates'][number]): boolean {
  return g.status === 'blocked' && g.severity === 'block';
}

/** Keep the previous object for a section whose schema did not change, so that it does not re-render. */
function reuseUnchanged(before: readonly Section[], after: Section[]): Section[] {
  return after.map((s) => {
    const old = before.find((b) => b.key === s.key);
    return old && sameSection(old, s) ? old : s;
  });
}

function sameSection(a: Section, b: Section): boolean {
  return (
    a.title === b.title &&
    a.keys.join('\u0000') === b.keys.join('\u0000') &&
    JSON.stringify(a.schema) === JSON.stringify(b.schema) &&
    JSON.stringify(a.uiSchema) === JSON.stringify(b.uiSchema)
  );
}
