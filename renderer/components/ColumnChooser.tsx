/** The "columns" menu of a table: one checkbox per column; required columns cannot be hidden. */
import { useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useT } from '../app/i18n.ts';
import './components.css';

export interface ChoosableColumn {
  id: string;
  header: string;
  hidden?: boolean;
  /** Always shown (e.g. the customer name). */
  required?: boolean;
}

export interface ColumnChooserProps {
  columns: readonly ChoosableColumn[];
  onChange: (columnId: string, visible: boolean) => void;
  testId?: string;
}

export function ColumnChooser(props: ColumnChooserProps): ReactNode {
  const t = useT();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const testId = props.testId ?? 'column-chooser';

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent): void => {
      if (root.current !== null && event.target instanceof Node && !root.current.contains(event.target)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  return (
    <div className="colchooser" ref={root} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
        data-testid={testId}
      >
        {t('views.table.columns')}
      </button>
      {open ? (
        <div className="colchooser-menu" id={menuId} role="group" aria-label={t('views.table.columns')} data-testid={`${testId}-menu`}>
          {props.columns.map((c) => (
            <label key={c.id} className="colchooser-item">
              <input
                type="checkbox"
                checked={c.hidden !== true}
                disabled={c.required === true}
                onChange={(e) => props.onChange(c.id, e.currentTarget.checked)}
                data-testid={`${testId}-${c.id}`}
              />
              {c.header}
            </label>
          ))}
        </div>
      ) : null}
    </div>
  );
}
