import { formatRelative } from "../i18n/format";
import { t, type Lang } from "../i18n/index";
import { Section } from "./section";
import type { ScoreExplanationLine } from "./types";

function signed(points: number): string {
  return points > 0 ? `+${points}` : String(points);
}

/** Which rules gave the points, so a salesperson can judge the MQL before calling. */
export function ScoreExplanation({ lines, lang, now }: { lines: ScoreExplanationLine[]; lang: Lang; now: Date }) {
  return (
    <Section title={t("explanation.title", lang)}>
      {lines.length === 0 ? (
        <p className="sl-empty">{t("explanation.empty", lang)}</p>
      ) : (
        <ul className="sl-list sl-explanation">
          {lines.map((line, i) => (
            <li key={`${line.at}-${i}`} className="sl-explanation__line">
              <span className={`sl-points${line.points < 0 ? " sl-points--negative" : ""}`}>{t("score.points", lang, { points: signed(line.points) })}</span>
              <span className="sl-explanation__label">{line.label}</span>
              <time className="sl-muted" dateTime={line.at}>
                {formatRelative(line.at, now, lang)}
              </time>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
