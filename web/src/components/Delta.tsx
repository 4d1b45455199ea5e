import type { ComparisonValue, Unit } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';

/** A change, coloured by whether it moved the good way for this KPI (the API says which). */
export function Delta({
  comparison,
  unit,
  suffix,
}: {
  comparison: ComparisonValue | undefined;
  unit: Unit;
  suffix?: string;
}) {
  const { format } = useI18n();
  if (!comparison || comparison.delta === null) return <span className="delta delta-none">— {suffix}</span>;
  const text = format.delta(comparison, unit);
  // A change too small to show (±0) is neither good nor bad news.
  const none = text.startsWith('±');
  const tone = none || comparison.good === null ? 'flat' : comparison.good ? 'good' : 'bad';
  const arrow = none || comparison.delta === 0 ? '■' : comparison.delta > 0 ? '▲' : '▼';
  return (
    <span className={`delta delta-${tone}`} data-good={String(comparison.good)}>
      <span aria-hidden="true">{arrow}</span> {text}
      {suffix && <span className="delta-suffix"> {suffix}</span>}
    </span>
  );
}
