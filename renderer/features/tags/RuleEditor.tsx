/**
 * The rule editor: builds the JSON rule tree with pickers — groups (all / any, nested, NOT)
 * and conditions (field from the catalog with its unit, operator for the field's type, value)
 * — and shows each validation issue at the place it refers to.
 */
import { useMemo } from 'react';
import { useT } from '../../app/i18n.ts';
import { useLanguage } from '../../app/session-store.ts';
import { defaultValue, isGroup, joinPath, newCondition, opTakesValue, opsForField } from './rule-fields.ts';
import type { RuleField } from './rule-fields.ts';
import type { ReactNode } from 'react';
import type { Condition, RuleIssue, RuleNode, RuleOp, RuleValue } from '../../../shared/analytics/types.ts';

interface NodeProps {
  node: RuleNode;
  path: string;
  depth: number;
  fields: readonly RuleField[];
  issues: readonly RuleIssue[];
  onChange: (node: RuleNode) => void;
  onRemove: (() => void) | null;
}

function IssueList({ issues, path }: { issues: readonly RuleIssue[]; path: string }): ReactNode {
  const language = useLanguage();
  const mine = issues.filter((i) => i.path === path);
  if (mine.length === 0) return null;
  return (
    <ul className="rule-issues" data-testid={`rule-issues-${path || 'root'}`}>
      {mine.map((i, k) => (
        <li key={k} className="rule-issue">
          {language === 'zh-CN' ? i.messageZh : i.message}
        </li>
      ))}
    </ul>
  );
}

function unitLabel(field: RuleField | undefined, op: RuleOp, t: ReturnType<typeof useT>): string {
  if (op === 'topPercent' || op === 'bottomPercent') return '%';
  const unit = field?.unit;
  if (unit === null || unit === undefined) return '';
  return t(`analytics.unit.${unit}`);
}

function ValueEditor({ field, condition, onChange, testId }: { field: RuleField | undefined; condition: Condition; onChange: (value: RuleValue | undefined) => void; testId: string }): ReactNode {
  const t = useT();
  const { op, value } = condition;
  if (!opTakesValue(op)) return null;
  const numberInput = (v: unknown, set: (n: number | undefined) => void, id: string, label: string) => (
    <input
      className="input rule-value"
      type="number"
      aria-label={label}
      data-testid={id}
      value={typeof v === 'number' ? String(v) : ''}
      onChange={(e) => set(e.target.value.trim() === '' ? undefined : Number(e.target.value))}
    />
  );
  if (op === 'topPercent' || op === 'bottomPercent') {
    return numberInput(value, (n) => onChange(n), testId, t('analytics.rule.value'));
  }
  if (field?.type === 'bool') {
    return (
      <select className="input select rule-value" data-testid={testId} aria-label={t('analytics.rule.value')} value={value === false ? 'false' : 'true'} onChange={(e) => onChange(e.target.value === 'true')}>
        <option value="true">{t('analytics.rule.yes')}</option>
        <option value="false">{t('analytics.rule.no')}</option>
      </select>
    );
  }
  if (op === 'between') {
    const pair = Array.isArray(value) ? value : [];
    const date = field?.type === 'date';
    const a = pair[0];
    const b = pair[1];
    const set = (i: 0 | 1, v: string) => {
      const parsed: number | string | undefined = v.trim() === '' ? undefined : date ? v : Number(v);
      const next = [i === 0 ? parsed : a, i === 1 ? parsed : b];
      onChange(next.every((x) => x !== undefined) ? (next as unknown as RuleValue) : undefined);
    };
    return (
      <span className="rule-between">
        <input className="input rule-value" type={date ? 'date' : 'number'} aria-label={t('analytics.rule.from')} data-testid={`${testId}-from`} value={a === undefined ? '' : String(a)} onChange={(e) => set(0, e.target.value)} />
        <span className="rule-and">{t('analytics.rule.and')}</span>
        <input className="input rule-value" type={date ? 'date' : 'number'} aria-label={t('analytics.rule.to')} data-testid={`${testId}-to`} value={b === undefined ? '' : String(b)} onChange={(e) => set(1, e.target.value)} />
      </span>
    );
  }
  if ((op === 'in' || op === 'notIn') && field?.choices) {
    const selected = new Set(Array.isArray(value) ? value.map(String) : []);
    return (
      <span className="rule-choices" data-testid={testId}>
        {field.choices.map((c) => (
          <label key={c.value} className={selected.has(c.value) ? 'chip is-on' : 'chip'}>
            <input
              type="checkbox"
              checked={selected.has(c.value)}
              onChange={(e) => {
                const next = new Set(selected);
                if (e.target.checked) next.add(c.value);
                else next.delete(c.value);
                onChange([...next]);
              }}
            />
            {c.label}
          </label>
        ))}
      </span>
    );
  }
  if (op === 'in' || op === 'notIn') {
    const list = Array.isArray(value) ? value.join(', ') : '';
    return (
      <input
        className="input rule-value rule-value-wide"
        aria-label={t('analytics.rule.valueList')}
        placeholder={t('analytics.rule.valueList')}
        data-testid={testId}
        defaultValue={list}
        onChange={(e) => {
          const items = e.target.value.split(/[,，;；]/).map((s) => s.trim()).filter((s) => s !== '');
          onChange(field?.type === 'number' ? items.map(Number) : items);
        }}
      />
    );
  }
  if (field?.choices) {
    return (
      <select className="input select rule-value" data-testid={testId} aria-label={t('analytics.rule.value')} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)}>
        {field.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    );
  }
  if (field?.type === 'date') {
    return (
      <input className="input rule-value" type="date" aria-label={t('analytics.rule.value')} data-testid={testId} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} />
    );
  }
  if (field?.type === 'number') return numberInput(value, (n) => onChange(n), testId, t('analytics.rule.value'));
  return (
    <input className="input rule-value rule-value-wide" aria-label={t('analytics.rule.value')} data-testid={testId} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} />
  );
}

function ConditionRow({ node, path, fields, issues, onChange, onRemove }: NodeProps & { node: Condition }): ReactNode {
  const t = useT();
  const field = fields.find((f) => f.key === node.metric);
  const ops = opsForField(field);
  const groups = useMemo(() => {
    const byGroup = new Map<string, RuleField[]>();
    for (const f of fields) {
      let list = byGroup.get(f.group);
      if (!list) byGroup.set(f.group, (list = []));
      list.push(f);
    }
    return [...byGroup];
  }, [fields]);
  const id = path === '' ? 'root' : path;
  const set = (next: Condition) => {
    const { value, ...rest } = next;
    onChange(value === undefined ? rest : next);
  };
  return (
    <div className={issues.some((i) => i.path === path) ? 'rule-condition has-issue' : 'rule-condition'} data-testid={`rule-condition-${id}`}>
      <div className="rule-condition-row">
        <select
          className="input select rule-metric"
          aria-label={t('analytics.rule.metric')}
          data-testid={`rule-metric-${id}`}
          value={field ? node.metric : ''}
          onChange={(e) => {
            const nextField = fields.find((f) => f.key === e.target.value);
            const nextOps = opsForField(nextField);
            const op = nextOps.includes(node.op) ? node.op : (nextOps[0] ?? 'eq');
            const value = defaultValue(nextField, op);
            set(value === undefined ? { metric: e.target.value, op } : { metric: e.target.value, op, value });
          }}
        >
          {!field && <option value="">{node.metric}</option>}
          {groups.map(([group, list]) => (
            <optgroup key={group} label={group}>
              {list.map((f) => (
                <option key={f.key} value={f.key}>
                  {f.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <select
          className="input select rule-op"
          aria-label={t('analytics.rule.operator')}
          data-testid={`rule-op-${id}`}
          value={node.op}
          onChange={(e) => {
            const op = e.target.value as RuleOp;
            const keep = opTakesValue(op) && opTakesValue(node.op) && (op === node.op || (!['between', 'in', 'notIn', 'topPercent', 'bottomPercent'].includes(op) && !['between', 'in', 'notIn', 'topPercent', 'bottomPercent'].includes(node.op)));
            const value = keep ? node.value : defaultValue(field, op);
            set(value === undefined ? { metric: node.metric, op } : { metric: node.metric, op, value });
          }}
        >
          {!ops.includes(node.op) && <option value={node.op}>{t(`analytics.op.${node.op}`)}</option>}
          {ops.map((op) => (
            <option key={op} value={op}>
              {t(`analytics.op.${op}`)}
            </option>
          ))}
        </select>
        <ValueEditor
          field={field}
          condition={node}
          testId={`rule-value-${id}`}
          onChange={(value) => set(value === undefined ? { metric: node.metric, op: node.op } : { metric: node.metric, op: node.op, value })}
        />
        <span className="rule-unit">{unitLabel(field, node.op, t)}</span>
        {onRemove && (
          <button type="button" className="icon-button rule-remove" aria-label={t('analytics.rule.remove')} title={t('analytics.rule.remove')} data-testid={`rule-remove-${id}`} onClick={onRemove}>
            ×
          </button>
        )}
      </div>
      <IssueList issues={issues} path={path} />
    </div>
  );
}

function GroupBox(props: NodeProps & { node: { all: RuleNode[] } | { any: RuleNode[] } }): ReactNode {
  const t = useT();
  const { node, path, depth, fields, issues, onChange, onRemove } = props;
  const kind = 'all' in node ? 'all' : 'any';
  const children = 'all' in node ? node.all : node.any;
  const id = path === '' ? 'root' : path;
  const make = (list: RuleNode[]): RuleNode => (kind === 'all' ? { all: list } : { any: list });
  return (
    <div className={`rule-group depth-${Math.min(depth, 3)}`} data-testid={`rule-group-${id}`}>
      <div className="rule-group-head">
        <select
          className="input select rule-join"
          aria-label={t('analytics.rule.join')}
          data-testid={`rule-join-${id}`}
          value={kind}
          onChange={(e) => onChange(e.target.value === 'all' ? { all: children } : { any: children })}
        >
          <option value="all">{t('analytics.rule.all')}</option>
          <option value="any">{t('analytics.rule.any')}</option>
        </select>
        <span className="rule-group-spacer" />
        <button type="button" className="button button-small" data-testid={`rule-add-condition-${id}`} onClick={() => onChange(make([...children, newCondition(fields)]))}>
          {t('analytics.rule.addCondition')}
        </button>
        {depth < 6 && (
          <button type="button" className="button button-small" data-testid={`rule-add-group-${id}`} onClick={() => onChange(make([...children, { any: [newCondition(fields)] }]))}>
            {t('analytics.rule.addGroup')}
          </button>
        )}
        <button type="button" className="button button-small" title={t('analytics.rule.negateHint')} onClick={() => onChange({ not: node })}>
          {t('analytics.rule.negate')}
        </button>
        {onRemove && (
          <button type="button" className="icon-button rule-remove" aria-label={t('analytics.rule.remove')} title={t('analytics.rule.remove')} onClick={onRemove}>
            ×
          </button>
        )}
      </div>
      <IssueList issues={issues} path={path} />
      <div className="rule-children">
        {children.map((child, i) => (
          <RuleNodeView
            key={i}
            node={child}
            path={joinPath(path, `${kind}[${i}]`)}
            depth={depth + 1}
            fields={fields}
            issues={issues}
            onChange={(next) => onChange(make(children.map((c, k) => (k === i ? next : c))))}
            onRemove={() => onChange(make(children.filter((_, k) => k !== i)))}
          />
        ))}
        {children.length === 0 && <p className="rule-empty">{t('analytics.rule.emptyGroup')}</p>}
      </div>
    </div>
  );
}

function RuleNodeView(props: NodeProps): ReactNode {
  const t = useT();
  const { node, path, depth, fields, issues, onChange, onRemove } = props;
  if (isGroup(node)) return <GroupBox {...props} node={node} />;
  if ('not' in node) {
    return (
      <div className="rule-not" data-testid={`rule-not-${path === '' ? 'root' : path}`}>
        <div className="rule-not-head">
          <span className="badge badge-not">{t('analytics.rule.not')}</span>
          <button type="button" className="button button-small" onClick={() => onChange(node.not)}>
            {t('analytics.rule.unNegate')}
          </button>
          {onRemove && (
            <button type="button" className="icon-button rule-remove" aria-label={t('analytics.rule.remove')} onClick={onRemove}>
              ×
            </button>
          )}
        </div>
        <IssueList issues={issues} path={path} />
        <RuleNodeView node={node.not} path={joinPath(path, 'not')} depth={depth + 1} fields={fields} issues={issues} onChange={(next) => onChange({ not: next })} onRemove={null} />
      </div>
    );
  }
  return <ConditionRow {...props} node={node} />;
}

/** The editor for one rule tree (give it a group at the root: see `asGroup`). */
export function RuleEditor({ rule, fields, issues, onChange }: { rule: RuleNode; fields: readonly RuleField[]; issues: readonly RuleIssue[]; onChange: (rule: RuleNode) => void }): ReactNode {
  return (
    <div className="rule-editor" data-testid="rule-editor">
      <RuleNodeView node={rule} path="" depth={0} fields={fields} issues={issues} onChange={onChange} onRemove={null} />
    </div>
  );
}

/** A bare condition at the root becomes the only member of an "all" group, so more can be added. */
export function asGroup(rule: RuleNode): RuleNode {
  return isGroup(rule) || 'not' in rule ? rule : { all: [rule] };
}
