import { type ComponentType, type JSX, useEffect, useState } from 'react';

export type LazyPart<P> = ComponentType<P> & {
  /** Loads the real component (once per page; a failed load is tried again next time). */
  load: () => Promise<ComponentType<P>>;
};

/** What a part says while it downloads and when it cannot be downloaded (followed by "try again"). */
export interface LazyPartWords {
  loading: string;
  failed: string;
}

const QUESTION_WORDS: LazyPartWords = {
  loading: 'Loading this question…',
  failed: 'This question could not be loaded. Your answers are kept. Check the connection, then',
};

/**
 * A part of rjsf (a field, widget or template) that no template in forms/ uses, downloaded only when a form first
 * draws it, so that pages whose template does not need it never load its code. Until it is there the question
 * says it is loading; if the download fails (offline), it says so plainly and offers to try again. Nothing typed
 * is lost either way: the answers are held by the form above this part, never by it.
 *
 * Not React.lazy: that needs a Suspense boundary above every rjsf part and keeps a failed load forever.
 */
export function lazyPart<P extends object>(
  load: () => Promise<ComponentType<P>>,
  words: LazyPartWords = QUESTION_WORDS,
): LazyPart<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const loadOnce = () => {
    loading ??= load().then(
      (component) => {
        loaded = component;
        return component;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };

  function Part(props: P): JSX.Element {
    const [state, setState] = useState<'ready' | 'loading' | 'failed'>(loaded ? 'ready' : 'loading');
    useEffect(() => {
      if (state !== 'loading') return;
      let live = true;
      loadOnce().then(
        () => live && setState('ready'),
        () => live && setState('failed'),
      );
      return () => {
        live = false;
      };
    }, [state]);
    if (loaded) {
      const Loaded = loaded;
      return <Loaded {...props} />;
    }
    if (state === 'failed')
      return (
        <p className="fw-error-message" role="alert">
          {words.failed}{' '}
          <button
            type="button"
            className="fw-button fw-button--secondary fw-button--small"
            onClick={() => setState('loading')}
          >
            try again
          </button>
        </p>
      );
    return (
      <p className="fw-hint" role="status">
        {words.loading}
      </p>
    );
  }
  return Object.assign(Part, { load: loadOnce });
}
