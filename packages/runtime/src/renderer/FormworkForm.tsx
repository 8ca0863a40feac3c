import type { CompiledTemplate, EvaluateResult, Json } from '@formwork/engine/runtime';
import type { JSX } from 'react';

export interface FormworkFormProps {
  compiled: CompiledTemplate;
  /** Initial data; the form owns its state afterwards. */
  data: Json;
  /** Every change, for autosave. */
  onChange: (data: Json) => void;
  /** The stage "Continue" would move to (gates panel). */
  nextStage?: string;
  /** The server's answer after a refused proceed: shown exactly like the browser's. */
  serverEvaluation?: EvaluateResult;
  /** Called only when the browser's evaluate says canProceed. */
  onProceed?: (data: Json) => void;
  proceedLabel?: string;
  readOnly?: boolean;
  /** The app passes the clock in; the engine never reads it. */
  now?: () => string;
}

/** First version: the API is final, the body is being built (see the renderer brief). */
export function FormworkForm(_props: FormworkFormProps): JSX.Element {
  return <div className="fw-form">The form is loading.</div>;
}
