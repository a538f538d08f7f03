import { type BroadcastCounts, funnel } from '../../api/broadcasts';
import { naira } from '../../api/money';

/** Sent → delivered → read → replied → ordered as labelled bars (the numbers are the text; the bars only show them). */
export function Funnel({ counts }: { counts: BroadcastCounts }) {
  const steps = funnel(counts);
  return (
    <section className="broadcast-funnel card" aria-labelledby="funnel-title">
      <h2 id="funnel-title">Funnel</h2>
      <ol className="funnel" data-testid="funnel">
        {steps.map((s) => (
          <li key={s.key} data-testid={`funnel-${s.key}`}>
            <span className="funnel-label">{s.label}</span>
            <span className="funnel-bar" aria-hidden="true"><span style={{ width: `${s.key === 'sent' && s.count > 0 ? 100 : s.percent}%` }} /></span>
            <span className="funnel-count"><b>{s.count}</b>{s.key !== 'sent' && counts.sent > 0 ? <span className="hint"> {s.percent}%</span> : null}</span>
          </li>
        ))}
      </ol>
      <p>Revenue from attributed orders: <b data-testid="funnel-revenue">{naira(counts.revenueKobo)}</b></p>
    </section>
  );
}
