/**
 * The dossier as a document: the same component on screen and in the A4 printout (the print
 * stylesheet lays it out for paper; `mode` trims the long tables for print so a typical
 * customer fits one or two pages). Purely presentational: everything comes from the Dossier
 * model; all text is React text (never HTML).
 */
import { useMemo } from 'react';
import type { ReactNode } from 'react';
import type { Language } from '../../../shared/api/contract.ts';
import type { Dossier, DossierPayment, DossierTicket } from '../../../shared/dossier/types.ts';
import { DossierChart } from './DossierChart.tsx';
import { mixOption, monthlyOption, satisfactionOption } from './dossier-charts.ts';
import { count, date, percent, signedPercent, translator, yuan } from './dossier-format.ts';
import type { T } from './dossier-format.ts';

export type DossierMode = 'screen' | 'print';

/** Rows a printout lists before saying how many older ones it left out. */
export const PRINT_LIMITS = { payments: 8, tickets: 10, equipment: 8, opportunities: 6 } as const;

export interface DossierDocumentProps {
  dossier: Dossier;
  language: Language;
  mode: DossierMode;
  /** Called when every chart has been drawn (the print page waits for it). */
  onChartsRendered?: () => void;
  /** The notes block on screen (the editor); the printout shows the saved notes and ruled lines. */
  notesSlot?: ReactNode;
}

function pick<T>(rows: readonly T[], limit: number, mode: DossierMode, keep?: (row: T) => boolean): { shown: T[]; hidden: number } {
  if (mode === 'screen' || rows.length <= limit) return { shown: [...rows], hidden: 0 };
  // Rows that must stay (overdue payments, open complaints) first, then the newest others.
  const must = keep ? rows.filter(keep) : [];
  const others = rows.filter((r) => !must.includes(r)).slice(0, Math.max(0, limit - must.length));
  const shown = rows.filter((r) => must.includes(r) || others.includes(r));
  return { shown, hidden: rows.length - shown.length };
}

function Section(props: { id: string; title: string; children: ReactNode; className?: string }): ReactNode {
  return (
    <section className={`dossier-section ${props.className ?? ''}`} data-testid={`dossier-${props.id}`} aria-labelledby={`dossier-h-${props.id}`}>
      <h2 className="dossier-h2" id={`dossier-h-${props.id}`}>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}

function Empty({ text }: { text: string }): ReactNode {
  return <p className="dossier-empty">{text}</p>;
}

function Metric(props: { label: string; value: string; sub?: string; tone?: 'good' | 'bad' | 'neutral'; testId?: string }): ReactNode {
  return (
    <div className={`dossier-metric tone-${props.tone ?? 'neutral'}`} data-testid={props.testId}>
      <div className="dossier-metric-label">{props.label}</div>
      <div className="dossier-metric-value">{props.value}</div>
      {props.sub ? <div className="dossier-metric-sub">{props.sub}</div> : null}
    </div>
  );
}

function riskTone(risk: number): 'good' | 'bad' | 'neutral' {
  return risk >= 60 ? 'bad' : risk < 30 ? 'good' : 'neutral';
}

function paymentStatus(p: DossierPayment, t: T): string {
  switch (p.status) {
    case 'paid':
      return t('dossier.status.paid');
    case 'paidLate':
      return t('dossier.status.paidLate', { days: p.daysOverdue });
    case 'overdue':
      return t('dossier.status.overdue', { days: p.daysOverdue });
    case 'due':
      return t('dossier.status.due');
  }
}

function Header({ d, t, language }: { d: Dossier; t: T; language: Language }): ReactNode {
  const h = d.header;
  const zh = language === 'zh-CN';
  const place = [h.province, h.city, h.county].filter((x) => x !== null && x !== '').join(zh ? ' ' : ', ');
  const gradeName = zh ? d.gradeNameZh : d.gradeNameEn;
  const seg8 = d.segments.find((s) => s.schemeId === 'rfm8') ?? d.segments[0];
  return (
    <header className="dossier-header" data-testid="dossier-header">
      <div className="dossier-title-row">
        <div className="dossier-title-block">
          <div className="dossier-kicker">
            {t('dossier.title')} · {h.code}
          </div>
          <h1 className="dossier-name" data-testid="dossier-name">
            {h.name}
          </h1>
          <div className="dossier-subline">
            {[h.type ? t(`dossier.type.${h.type}`) : null, h.industry, place].filter(Boolean).join(' · ')}
          </div>
        </div>
        <div className={`dossier-grade grade-${d.grade ?? 'none'}`} data-testid="dossier-grade" title={gradeName ?? undefined}>
          <span className="dossier-grade-letter">{d.grade ?? '–'}</span>
          <span className="dossier-grade-label">{d.grade ? t('dossier.grade') : t('dossier.unrated')}</span>
        </div>
      </div>
      <div className="dossier-badges">
        {seg8 ? (
          <span className="dossier-badge" data-testid="dossier-segment">
            <span className="dossier-badge-dot" style={{ background: seg8.color ?? '#8a94a6' }} />
            {zh ? seg8.nameZh : seg8.nameEn}
          </span>
        ) : null}
        <span className="dossier-badge">
          {t('dossier.lifecycle')}: {t(`analytics.lifecycle.${d.lifecycle}`)}
        </span>
        <span className={`dossier-badge risk tone-${riskTone(d.churnRisk)}`} data-testid="dossier-churn">
          {t('dossier.churnRisk')}: {d.churnRisk}
          <span className="dossier-risk-bar" aria-hidden="true">
            <span className="dossier-risk-fill" style={{ width: `${Math.min(100, Math.max(0, d.churnRisk))}%` }} />
          </span>
        </span>
        {gradeName ? <span className="dossier-badge muted">{gradeName}</span> : null}
      </div>
      <dl className="dossier-facts">
        <div>
          <dt>{t('dossier.manager')}</dt>
          <dd>{h.accountManager ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('dossier.salesRegion')}</dt>
          <dd>{h.salesRegion ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('dossier.contact')}</dt>
          <dd>{h.contact ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('dossier.phone')}</dt>
          <dd data-testid="dossier-phone">{h.phone ?? '–'}</dd>
        </div>
        <div className="wide">
          <dt>{t('dossier.address')}</dt>
          <dd data-testid="dossier-address">{h.address ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('dossier.since')}</dt>
          <dd>{date(h.createdDate, language)}</dd>
        </div>
      </dl>
      <div className="dossier-reasons" data-testid="dossier-churn-reasons">
        <span className="dossier-reasons-label">{t('dossier.churnReasons')}:</span>{' '}
        {d.churnReasons.length === 0
          ? t('dossier.noChurnReasons')
          : d.churnReasons
              .slice(0, 4)
              .map((r) => (zh ? r.textZh : r.textEn))
              .join(zh ? '；' : '; ')}
      </div>
    </header>
  );
}

function Metrics({ d, t, language }: { d: Dossier; t: T; language: Language }): ReactNode {
  const m = d.metrics;
  const s = m.scores;
  return (
    <Section id="metrics" title={t('dossier.section.metrics')}>
      <div className="dossier-metrics">
        <Metric
          label={t('dossier.metric.r')}
          value={m.recencyDays === null ? '–' : t('dossier.metric.days', { days: count(Math.round(m.recencyDays), language) })}
          sub={s ? t('dossier.metric.score', { score: s.r }) : ''}
          testId="metric-r"
        />
        <Metric
          label={t('dossier.metric.f')}
          value={m.frequency === null ? '–' : t('dossier.metric.times', { count: count(m.frequency, language) })}
          sub={s ? t('dossier.metric.score', { score: s.f }) : ''}
          testId="metric-f"
        />
        <Metric label={t('dossier.metric.m')} value={m.monetary === null ? '–' : yuan(m.monetary, language)} sub={s ? t('dossier.metric.score', { score: s.m }) : ''} testId="metric-m" />
        <Metric
          label={t('dossier.metric.amount12m')}
          value={yuan(m.amount12m, language)}
          sub={m.change12m === null ? t('dossier.metric.noChange') : t('dossier.metric.change', { change: signedPercent(m.change12m) })}
          tone={m.change12m === null ? 'neutral' : m.change12m < -0.2 ? 'bad' : m.change12m > 0.05 ? 'good' : 'neutral'}
          testId="metric-12m"
        />
        <Metric
          label={t('dossier.metric.overdue')}
          value={yuan(m.overdueAmount, language)}
          sub={m.overdueAmount > 0 ? t('dossier.metric.maxDays', { days: m.maxDaysOverdue }) : t('dossier.metric.noOverdue')}
          tone={m.overdueAmount > 0 ? 'bad' : 'good'}
          testId="metric-overdue"
        />
        <Metric label={t('dossier.metric.winRate')} value={percent(m.winRate)} sub={t('dossier.metric.wonLost', { won: m.won, lost: m.lost })} testId="metric-win" />
        <Metric label={t('dossier.metric.total')} value={yuan(m.totalAmount, language)} sub={m.firstOrderDate === null ? '' : `${m.firstOrderDate.slice(0, 7)} – ${(m.lastOrderDate ?? '').slice(0, 7)}`} />
        <Metric label={t('dossier.metric.onTime')} value={percent(m.onTimeRate)} />
        <Metric label={t('dossier.metric.satisfaction')} value={m.avgSatisfaction === null ? '–' : m.avgSatisfaction.toFixed(1)} />
        <Metric label={t('dossier.metric.clv')} value="–" sub={t('dossier.metric.clvLater')} />
      </div>
    </Section>
  );
}

function Tags({ d, t, language }: { d: Dossier; t: T; language: Language }): ReactNode {
  const zh = language === 'zh-CN';
  return (
    <Section id="tags" title={t('dossier.section.tags')}>
      {d.tagGroups.length === 0 ? (
        <Empty text={t('dossier.noTags')} />
      ) : (
        <div className="dossier-tag-groups">
          {d.tagGroups.map((g) => (
            <div className="dossier-tag-group" key={g.id}>
              <span className="dossier-tag-dim">{zh ? g.nameZh : g.nameEn}</span>
              {g.tags.map((tag) => (
                <span key={tag.id} className={`dossier-tag polarity-${tag.polarity}`} data-testid={`dossier-tag-${tag.id}`}>
                  {zh ? tag.nameZh : tag.nameEn}
                </span>
              ))}
            </div>
          ))}
        </div>
      )}
    </Section>
  );
}

function Actions({ d, t, language }: { d: Dossier; t: T; language: Language }): ReactNode {
  const zh = language === 'zh-CN';
  return (
    <Section id="actions" title={t('dossier.section.actions')} className="dossier-actions-section">
      {d.actions.length === 0 ? (
        <Empty text={t('dossier.noActions')} />
      ) : (
        <ol className="dossier-actions">
          {d.actions.map((a, i) => (
            <li key={i} className={`source-${a.source}`}>
              <span className="dossier-action-source">{t(`dossier.action.source.${a.source}`)}</span>
              <span className="dossier-action-text">{zh ? a.textZh : a.textEn}</span>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

function Table(props: { head: string[]; rows: ReactNode[][]; numeric?: number[]; testId: string; rowClass?: (i: number) => string }): ReactNode {
  const numeric = new Set(props.numeric ?? []);
  return (
    <table className="dossier-table" data-testid={props.testId}>
      <thead>
        <tr>
          {props.head.map((h, i) => (
            <th key={i} className={numeric.has(i) ? 'num' : undefined}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((cells, r) => (
          <tr key={r} className={props.rowClass?.(r)}>
            {cells.map((c, i) => (
              <td key={i} className={numeric.has(i) ? 'num' : undefined}>
                {c}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type MoreKey = 'dossier.ticketsMore' | 'dossier.paymentsMore' | 'dossier.equipmentMore' | 'dossier.opportunitiesMore';

function More({ hidden, t, what }: { hidden: number; t: T; what: MoreKey }): ReactNode {
  return hidden > 0 ? <p className="dossier-more">{t(what, { count: hidden })}</p> : null;
}

export function DossierDocument(props: DossierDocumentProps): ReactNode {
  const { dossier: d, language, mode } = props;
  const t = useMemo(() => translator(language), [language]);
  const zh = language === 'zh-CN';
  const hasOrders = d.monthly.some((m) => m.amount > 0) || d.productMix.length > 0;
  const charts = (hasOrders ? 2 : 0) + (d.satisfaction.length > 0 ? 1 : 0);
  // Report "all charts drawn" once, after each chart's first 'finished'.
  const rendered = useMemo(() => {
    const seen = new Set<string>();
    if (charts === 0) queueMicrotask(() => props.onChartsRendered?.());
    return (id: string) => () => {
      seen.add(id);
      if (seen.size === charts) props.onChartsRendered?.();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [d, charts]);
  const monthly = useMemo(() => monthlyOption(d.monthly, language), [d.monthly, language]);
  const mix = useMemo(() => mixOption(d.productMix, language), [d.productMix, language]);
  const satisfaction = useMemo(() => satisfactionOption(d.satisfaction), [d.satisfaction]);

  const equipment = pick(d.equipment, PRINT_LIMITS.equipment, mode);
  const payments = pick(d.payments, PRINT_LIMITS.payments, mode, (p) => p.status === 'overdue');
  const tickets = pick(d.tickets, PRINT_LIMITS.tickets, mode, (x: DossierTicket) => x.open && x.type === 'complaint');
  const opportunities = pick(d.opportunities, PRINT_LIMITS.opportunities, mode);

  return (
    <article className={`dossier dossier-${mode}`} lang={language} data-testid="dossier-document" data-personal-data={d.personalData}>
      <Header d={d} t={t} language={language} />
      <Metrics d={d} t={t} language={language} />
      <Tags d={d} t={t} language={language} />
      <Actions d={d} t={t} language={language} />

      <Section id="purchases" title={t('dossier.section.purchases')}>
        {hasOrders ? (
          <div className="dossier-chart-row">
            <figure className="dossier-figure wide">
              <figcaption>{t('dossier.section.monthly')}</figcaption>
              <DossierChart option={monthly} ariaLabel={t('dossier.section.monthly')} height={mode === 'print' ? 150 : 200} testId="dossier-monthly-chart" onRendered={rendered('monthly')} />
            </figure>
            <figure className="dossier-figure">
              <figcaption>{t('dossier.section.mix')}</figcaption>
              <DossierChart option={mix} ariaLabel={t('dossier.section.mix')} height={mode === 'print' ? 150 : 200} testId="dossier-mix-chart" onRendered={rendered('mix')} />
            </figure>
          </div>
        ) : (
          <Empty text={t('dossier.noOrders')} />
        )}
      </Section>

      <Section id="equipment" title={t('dossier.section.equipment')}>
        {d.equipment.length === 0 ? (
          <Empty text={t('dossier.noEquipment')} />
        ) : (
          <>
            <Table
              testId="dossier-equipment-table"
              head={[t('dossier.col.model'), t('dossier.col.productLine'), t('dossier.col.serial'), t('dossier.col.purchaseDate'), t('dossier.col.age'), t('dossier.col.hours'), t('dossier.col.lastOnline')]}
              numeric={[4, 5]}
              rows={equipment.shown.map((e) => [
                e.model,
                e.productLine,
                e.serial,
                date(e.purchaseDate, language),
                e.ageYears.toFixed(1),
                e.workingHours30d === null ? '–' : count(Math.round(e.workingHours30d), language),
                e.lastOnline === null ? '–' : `${date(e.lastOnline, language)}${e.daysOffline !== null && e.daysOffline > 30 ? ` (${t('dossier.offline', { days: e.daysOffline })})` : ''}`,
              ])}
            />
            <More hidden={equipment.hidden} t={t} what="dossier.equipmentMore" />
          </>
        )}
      </Section>

      <Section id="payments" title={t('dossier.section.payments')}>
        {d.payments.length === 0 ? (
          <Empty text={t('dossier.noPayments')} />
        ) : (
          <>
            <p className="dossier-summary">
              {t('dossier.paymentTotals', { due: yuan(d.paymentTotals.due, language), paid: yuan(d.paymentTotals.paid, language), overdue: yuan(d.paymentTotals.overdue, language) })}
            </p>
            <Table
              testId="dossier-payments-table"
              head={[t('dossier.col.contract'), t('dossier.col.dueDate'), t('dossier.col.amountDue'), t('dossier.col.amountPaid'), t('dossier.col.paidDate'), t('dossier.col.overdue'), t('dossier.col.status')]}
              numeric={[2, 3, 5]}
              rowClass={(i) => (payments.shown[i]?.status === 'overdue' ? 'is-bad' : '')}
              rows={payments.shown.map((p) => [
                p.contractId ?? '–',
                date(p.dueDate, language),
                yuan(p.amountDue, language),
                yuan(p.amountPaid, language),
                date(p.paidDate, language),
                p.overdueAmount > 0 ? yuan(p.overdueAmount, language) : '–',
                paymentStatus(p, t),
              ])}
            />
            <More hidden={payments.hidden} t={t} what="dossier.paymentsMore" />
          </>
        )}
      </Section>

      <Section id="service" title={t('dossier.section.service')}>
        <p className="dossier-summary" data-testid="dossier-ticket-summary">
          {t('dossier.ticketSummary', { total: d.ticketCounts.total, complaints: d.ticketCounts.complaints, open: d.ticketCounts.openComplaints })}
        </p>
        {d.satisfaction.length > 0 ? (
          <figure className="dossier-figure">
            <figcaption>{t('dossier.section.satisfaction')}</figcaption>
            <DossierChart option={satisfaction} ariaLabel={t('dossier.section.satisfaction')} height={mode === 'print' ? 95 : 150} testId="dossier-satisfaction-chart" onRendered={rendered('satisfaction')} />
          </figure>
        ) : null}
        {d.tickets.length === 0 ? (
          <Empty text={t('dossier.noTickets')} />
        ) : (
          <>
            <Table
              testId="dossier-tickets-table"
              head={[t('dossier.col.opened'), t('dossier.col.ticketType'), t('dossier.col.status'), t('dossier.col.closed'), t('dossier.col.rating'), t('dossier.col.description')]}
              numeric={[4]}
              rowClass={(i) => {
                const x = tickets.shown[i];
                return x && x.type === 'complaint' ? (x.open ? 'is-bad' : 'is-warn') : '';
              }}
              rows={tickets.shown.map((x) => [
                date(x.openedDate, language),
                t(`dossier.ticket.${x.type}`),
                x.open ? t('dossier.ticket.open') : t('dossier.ticket.closed'),
                date(x.closedDate, language),
                x.satisfaction === null ? '–' : `${x.satisfaction}/5`,
                x.description ?? '',
              ])}
            />
            <More hidden={tickets.hidden} t={t} what="dossier.ticketsMore" />
          </>
        )}
      </Section>

      <Section id="opportunities" title={t('dossier.section.opportunities')}>
        {d.opportunities.length === 0 ? (
          <Empty text={t('dossier.noOpportunities')} />
        ) : (
          <>
            <Table
              testId="dossier-opportunities-table"
              head={[t('dossier.col.created'), t('dossier.col.productLine'), t('dossier.col.stage'), t('dossier.col.expected'), t('dossier.col.channel'), t('dossier.manager')]}
              numeric={[3]}
              rows={opportunities.shown.map((o) => [
                date(o.createdDate, language),
                o.productLine ?? '–',
                o.stage,
                o.expectedAmount === null ? '–' : yuan(o.expectedAmount, language),
                o.channel ?? '–',
                o.accountManager ?? '–',
              ])}
            />
            <More hidden={opportunities.hidden} t={t} what="dossier.opportunitiesMore" />
          </>
        )}
      </Section>

      <Section id="notes" title={t('dossier.section.notes')} className="dossier-notes-section">
        {props.notesSlot ?? (
          <>
            {d.notes.length === 0 ? null : (
              <ul className="dossier-notes">
                {d.notes.slice(0, 5).map((n) => (
                  <li key={n.id}>
                    <span className="dossier-note-date">{date(n.date, language)}</span> <span className="dossier-note-text">{n.text}</span>
                  </li>
                ))}
              </ul>
            )}
            <div className="dossier-write-lines" aria-label={t('dossier.notes.writeSpace')}>
              <span />
              <span />
              <span />
              <span />
            </div>
          </>
        )}
      </Section>
      <footer className="dossier-doc-footer">
        {t('dossier.asOf', { date: date(d.analysisDate, language) })} · {t(d.personalData === 'masked' ? 'dossier.masked' : 'dossier.shown')}
      </footer>
    </article>
  );
}
