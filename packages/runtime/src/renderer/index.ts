/**
 * The renderer's public API: the only thing the staff app imports from `src/renderer`.
 * Keep these signatures stable; add, do not change.
 */
export type {
  CompiledTemplate,
  EvaluateResult,
  FieldError,
  GateResult,
  Json,
  Template,
} from '@formwork/engine/runtime';
export { ErrorSummary, type ErrorSummaryProps } from './ErrorSummary.js';
export { FormworkForm, type FormworkFormProps } from './FormworkForm.js';
export { fieldId } from './fieldId.js';
export { GatesPanel, type GatesPanelProps } from './GatesPanel.js';
export { loadCompiled } from './loadCompiled.js';
export { RecordSummary, type RecordSummaryProps } from './RecordSummary.js';
