export interface LoadProblemProps {
  message: string;
  retry: () => void;
}

/** What a page shows when it could not load what it needs. */
export function LoadProblem({ message, retry }: LoadProblemProps) {
  return (
    <div className="fwa-notice fwa-notice--warning" role="alert">
      <p className="fwa-body">{message}</p>
      <button type="button" className="fwa-button fwa-button--secondary" onClick={retry}>
        Try again
      </button>
    </div>
  );
}
