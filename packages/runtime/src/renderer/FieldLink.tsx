import type { ReactNode } from 'react';
import { fieldId } from './fieldId.js';

/** A link to a field by its input id; `onSelect` (when given) opens the field's section before focusing it. */
export function FieldLink(props: {
  pointer: string;
  onSelect?: ((pointer: string) => void) | undefined;
  children: ReactNode;
}) {
  const { pointer, onSelect, children } = props;
  return (
    <a
      href={`#${fieldId(pointer)}`}
      onClick={(ev) => {
        ev.preventDefault();
        if (onSelect) onSelect(pointer);
        else document.getElementById(fieldId(pointer))?.focus();
      }}
    >
      {children}
    </a>
  );
}
