/**
 * The path field of a "where to write" dialog: focused with the file name selected up to its
 * extension (typing replaces the name, the folder stays), and Escape closes the dialog.
 */
import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';

/** `refocusKey`: when it changes (the dialog shows the field again), the field is selected again. */
export function usePathInput(extension: string, onEscape: () => void, refocusKey?: unknown): RefObject<HTMLInputElement | null> {
  const input = useRef<HTMLInputElement>(null);
  const escape = useRef(onEscape);
  escape.current = onEscape;

  useEffect(() => {
    const el = input.current;
    if (!el) return;
    el.focus();
    const cut = Math.max(el.value.lastIndexOf('/'), el.value.lastIndexOf('\\')) + 1;
    const end = el.value.toLowerCase().endsWith(extension) ? el.value.length - extension.length : el.value.length;
    el.setSelectionRange(cut, Math.max(cut, end));
  }, [extension, refocusKey]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') escape.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return input;
}
