import { errorMessageId } from './ids.js';

/** A question's message, under its label and tied to its control by id (`aria-describedby`). */
export function ErrorMessage({ id, errors }: { id: string; errors: readonly string[] }) {
  return (
    <p className="fw-error-message" id={errorMessageId(id)}>
      <span className="fw-visually-hidden">Error: </span>
      {errors.join(' ')}
    </p>
  );
}
