import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';

/** A number input that keeps what the user types and reports only valid numbers in range. */
export function NumberField(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  unit?: string;
  testId?: string;
  disabled?: boolean;
  onChange: (value: number) => void;
}): ReactNode {
  const { label, value, min, max, step = 1, unit, testId, disabled = false, onChange } = props;
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const parsed = Number(text);
  const valid = text.trim() !== '' && Number.isFinite(parsed) && parsed >= min && parsed <= max;
  return (
    <label className="field field-number">
      <span className="field-label">{label}</span>
      <span className="number-row">
        <input
          className={valid ? 'input input-number' : 'input input-number is-invalid'}
          type="number"
          inputMode="decimal"
          min={min}
          max={max}
          step={step}
          value={text}
          disabled={disabled}
          aria-invalid={!valid}
          data-testid={testId}
          onChange={(e) => {
            setText(e.target.value);
            const n = Number(e.target.value);
            if (e.target.value.trim() !== '' && Number.isFinite(n) && n >= min && n <= max) onChange(n);
          }}
        />
        {unit !== undefined && <span className="number-unit">{unit}</span>}
      </span>
    </label>
  );
}
