import { t, type Lang } from "../i18n/index";

/** The scale's top: room above the threshold so a lead just past it does not look maxed out. */
export function gaugeMax(value: number, threshold: number): number {
  return Math.max(10, Math.ceil(Math.max(value, threshold * 1.4) / 10) * 10);
}

function percent(part: number, whole: number): string {
  return `${Math.min(100, Math.max(0, (part / whole) * 100)).toFixed(1)}%`;
}

/** Score as a bar with the MQL threshold marked; `role="meter"` gives screen readers the numbers. */
export function ScoreGauge({ value, threshold, lang }: { value: number; threshold: number; lang: Lang }) {
  const max = gaugeMax(value, threshold);
  const reached = value >= threshold;
  return (
    <div className="sl-gauge">
      <div className="sl-gauge__numbers" aria-hidden="true">
        <span className="sl-gauge__value">{value}</span>
        <span className="sl-gauge__threshold">{t("score.threshold", lang, { threshold })}</span>
      </div>
      <div
        className={`sl-gauge__track${reached ? " sl-gauge__track--reached" : ""}`}
        role="meter"
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-label={t("score.meter", lang, { value, threshold })}
      >
        <div className="sl-gauge__fill" style={{ width: percent(value, max) }} />
        <div className="sl-gauge__mark" style={{ left: percent(threshold, max) }} />
      </div>
    </div>
  );
}
