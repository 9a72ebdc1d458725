import { useEffect, useMemo, useState, type FormEvent } from "react";
import type { ModelSave, RescoreJob, ScoringModelDocument } from "@sillage/shared/console-api";
import { DEFAULT_PERSONAS } from "@sillage/shared/scoring/personas";
import { NAF_SECTIONS } from "@sillage/shared/scoring/naf";
import { api, errorText } from "../api";
import { useI18n, type MessageKey } from "../i18n";
import { useSession } from "../session";
import { REGION_NAMES, TEMPLATE_KINDS, describeCondition, ruleFromTemplate, type RuleDoc, type TemplateKind } from "../scoring-rules";
import { Card, ErrorNote, Loading, PageHeader, FormError } from "../ui/kit";
import { useAsync, useInterval } from "../use-async";

type Doc = ScoringModelDocument & { version?: number; rules?: RuleDoc[]; mql?: { threshold?: number; when?: Record<string, unknown> } };

export function Scoring() {
  const { t } = useI18n();
  const model = useAsync(() => api.scoringModel() as Promise<Doc>, []);
  // Outside the editor, which starts afresh on each saved version: the progress outlives the save.
  const [jobId, setJobId] = useState<string | null>(null);
  return (
    <>
      <PageHeader title={t("scoring.title")} />
      {model.status === "error" ? <ErrorNote error={model.error} onRetry={() => void model.reload()} /> : null}
      {!model.data && model.status === "loading" ? <Loading /> : null}
      {model.data ? (
        <ModelEditor
          key={String(model.data.version)}
          saved={model.data}
          onSaved={(id) => {
            setJobId(id);
            void model.reload();
          }}
        />
      ) : null}
      {jobId ? <RescoreProgress id={jobId} /> : null}
    </>
  );
}

function ModelEditor({ saved, onSaved }: { saved: Doc; onSaved: (rescoreJobId: string | null) => void }) {
  const { t, lang } = useI18n();
  const { isAdmin } = useSession();
  const [draft, setDraft] = useState<Doc>(saved);
  const [dry, setDry] = useState<{ for: string; result: ModelSave } | null>(null);
  const [pending, setPending] = useState<"dry" | "save" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const rules = draft.rules ?? [];
  // What the worker validates: the document without its version (the worker numbers versions).
  const body = useMemo(() => {
    const { version: _v, ...rest } = draft;
    return rest;
  }, [draft]);
  const bodyKey = JSON.stringify(body);
  const changed = JSON.stringify(draft) !== JSON.stringify(saved);
  const dryIsCurrent = dry?.for === bodyKey;

  const setRule = (i: number, patch: Partial<RuleDoc>) => setDraft((d) => ({ ...d, rules: (d.rules ?? []).map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
  const removeRule = (i: number) => setDraft((d) => ({ ...d, rules: (d.rules ?? []).filter((_, j) => j !== i) }));

  const run = async (dryRun: boolean) => {
    setPending(dryRun ? "dry" : "save");
    setError(null);
    try {
      const result = await api.saveScoringModel(body, { dryRun });
      if (dryRun) setDry({ for: bodyKey, result });
      else onSaved(result.rescoreJobId);
    } catch (err) {
      setError(errorText(err, t("app.unreachable")));
    } finally {
      setPending(null);
    }
  };

  return (
    <div className="stack">
      <Card
        title={
          <>
            {String(draft.name ?? "")} <span className="muted small">{t("scoring.version", { version: saved.version ?? 1 })}</span>
          </>
        }
        actions={changed ? <span className="tag tag-warn">{t("scoring.unsaved")}</span> : null}
      >
        {draft.mql?.threshold !== undefined ? (
          <div className="field inline">
            <label htmlFor="threshold">{t("scoring.threshold")}</label>
            <input
              id="threshold"
              type="number"
              min={1}
              disabled={!isAdmin}
              value={draft.mql.threshold}
              onChange={(e) => setDraft((d) => ({ ...d, mql: { ...d.mql, threshold: Number(e.target.value) } }))}
            />
          </div>
        ) : draft.mql?.when ? (
          <p>{t("scoring.thresholdCondition", { condition: describeCondition(draft.mql.when, lang) })}</p>
        ) : null}
        <div className="table-wrap">
          <table className="table rules">
            <thead>
              <tr>
                <th scope="col">{t("scoring.col.rule")}</th>
                <th scope="col">{t("scoring.col.condition")}</th>
                <th scope="col">{t("scoring.col.points")}</th>
                <th scope="col">{t("scoring.col.decay")}</th>
                <th scope="col">{t("scoring.col.caps")}</th>
                <th scope="col">{t("scoring.col.enabled")}</th>
                {isAdmin ? (
                  <th scope="col">
                    <span className="visually-hidden">{t("common.delete")}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {rules.map((r, i) => (
                <tr key={r.id} className={r.enabled === false ? "disabled" : undefined}>
                  <th scope="row">{r.label}</th>
                  <td>{describeCondition(r.when, lang)}</td>
                  <td>
                    <input
                      type="number"
                      className="points"
                      aria-label={`${t("scoring.col.points")} : ${r.label}`}
                      disabled={!isAdmin}
                      value={r.points}
                      onChange={(e) => setRule(i, { points: Math.trunc(Number(e.target.value)) })}
                    />
                  </td>
                  <td>
                    {[
                      r.decay?.halfLifeDays ? t("scoring.halfLife", { n: r.decay.halfLifeDays }) : "",
                      r.decay?.expireAfterDays ? t("scoring.expire", { n: r.decay.expireAfterDays }) : "",
                    ]
                      .filter(Boolean)
                      .join(", ") || t("scoring.noDecay")}
                  </td>
                  <td>
                    {r.repeat
                      ? [
                          r.repeat.maxTimes ? t("scoring.maxTimes", { n: r.repeat.maxTimes }) : "",
                          r.repeat.maxPoints ? t("scoring.maxPoints", { n: r.repeat.maxPoints }) : "",
                        ]
                          .filter(Boolean)
                          .join(", ")
                      : t("scoring.once")}
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`${t("scoring.col.enabled")} : ${r.label}`}
                      disabled={!isAdmin}
                      checked={r.enabled !== false}
                      onChange={(e) => setRule(i, { enabled: e.target.checked })}
                    />
                  </td>
                  {isAdmin ? (
                    <td>
                      <button
                        type="button"
                        className="btn btn-ghost btn-small"
                        aria-label={t("scoring.remove", { label: r.label })}
                        onClick={() => removeRule(i)}
                      >
                        ✕
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      {isAdmin ? <AddRule taken={rules.map((r) => r.id)} onAdd={(rule) => setDraft((d) => ({ ...d, rules: [...(d.rules ?? []), rule] }))} /> : null}
      {isAdmin ? (
        <Card className="save-bar">
          <div className="row">
            <button type="button" className="btn" disabled={pending !== null} onClick={() => void run(true)}>
              {pending === "dry" ? t("scoring.dryRunning") : t("scoring.dryRun")}
            </button>
            <button type="button" className="btn btn-primary" disabled={pending !== null || !dryIsCurrent} onClick={() => void run(false)}>
              {pending === "save" ? t("common.saving") : t("scoring.saveModel")}
            </button>
            {!dryIsCurrent ? <span className="muted small">{t("scoring.mustDryRun")}</span> : null}
          </div>
          {dryIsCurrent && dry ? (
            <p className="note note-info" role="status" data-testid="dry-run">
              {t("scoring.dryResult", {
                mql: dry.result.wouldBecomeMql ?? dry.result.wouldChangeStatus,
                back: dry.result.wouldFallBack ?? 0,
                evaluated: dry.result.leadsEvaluated,
              })}
            </p>
          ) : null}
          <FormError message={error} />
        </Card>
      ) : (
        <p className="muted">{t("common.adminOnly")}</p>
      )}
    </div>
  );
}

function RescoreProgress({ id }: { id: string }) {
  const { t } = useI18n();
  const [job, setJob] = useState<RescoreJob | null>(null);
  const [error, setError] = useState<unknown>(null);
  const finished = job !== null && job.progress >= 1 && job.status !== "running" && job.status !== "pending";
  const poll = () => api.rescoreJob(id).then(setJob).catch(setError);
  useEffect(() => void poll(), [id]);
  useInterval(() => void poll(), finished ? null : 1000);
  if (error) return <ErrorNote error={error} />;
  if (!job) return null;
  return (
    <div role="status" className="card progress-wrap">
      <progress max={Math.max(1, job.total)} value={job.done} />
      <span>{finished ? t("scoring.rescored", { changed: job.changedStatus }) : t("scoring.rescoring", { done: job.done, total: job.total })}</span>
    </div>
  );
}

function AddRule({ taken, onAdd }: { taken: string[]; onAdd: (r: RuleDoc) => void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<TemplateKind>("page");
  const [value, setValue] = useState("");
  const [label, setLabel] = useState("");
  const [points, setPoints] = useState(10);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!value.trim()) return;
    onAdd(ruleFromTemplate(kind, value, label, points, taken));
    setValue("");
    setLabel("");
  };
  const valueInput =
    kind === "persona" ? (
      <select id="tpl-value" required value={value} onChange={(e) => setValue(e.target.value)}>
        <option value="" />
        {Object.entries(DEFAULT_PERSONAS).map(([id, p]) => (
          <option key={id} value={id}>
            {p.label}
          </option>
        ))}
      </select>
    ) : kind === "region" ? (
      <select id="tpl-value" required value={value} onChange={(e) => setValue(e.target.value)}>
        <option value="" />
        {Object.entries(REGION_NAMES).map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </select>
    ) : (
      <input
        id="tpl-value"
        required
        value={value}
        onChange={(e) => setValue(e.target.value)}
        type={kind === "headcount" ? "number" : "text"}
        list={kind === "naf" ? "naf-sections" : undefined}
        placeholder={{ page: "/tarifs*", event: "download", headcount: "50", naf: "J, 62", persona: "", region: "" }[kind]}
      />
    );
  return (
    <Card title={t("scoring.add")}>
      <form className="filters" onSubmit={submit}>
        <div className="field">
          <label htmlFor="tpl-kind">{t("scoring.template")}</label>
          <select
            id="tpl-kind"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as TemplateKind);
              setValue("");
            }}
          >
            {TEMPLATE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`scoring.tpl.${k}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="tpl-value">{t("scoring.tpl.value")}</label>
          {valueInput}
          <datalist id="naf-sections">
            {NAF_SECTIONS.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </div>
        <div className="field grow">
          <label htmlFor="tpl-label">{t("scoring.tpl.label")}</label>
          <input id="tpl-label" value={label} onChange={(e) => setLabel(e.target.value)} maxLength={120} />
        </div>
        <div className="field narrow">
          <label htmlFor="tpl-points">{t("scoring.col.points")}</label>
          <input id="tpl-points" type="number" value={points} onChange={(e) => setPoints(Math.trunc(Number(e.target.value)))} />
        </div>
        <div className="field actions">
          <button type="submit" className="btn">
            + {t("scoring.tpl.addRule")}
          </button>
        </div>
      </form>
    </Card>
  );
}
