import { useState, type FormEvent } from "react";
import type { ConsoleSession } from "@sillage/shared/console-api";
import { api } from "../api";
import { useI18n } from "../i18n";
import { useAction } from "../use-async";

export function SignIn({ onSignedIn }: { onSignedIn: (s: ConsoleSession) => void }) {
  const { t, lang, setLang } = useI18n();
  const [key, setKey] = useState("");
  const { pending, error, run } = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const session = await api.signIn(key.trim());
      // The key leaves the page's memory: only the HttpOnly cookie stands for it from now on.
      setKey("");
      onSignedIn(session);
    });
  };

  return (
    <main className="sign-in">
      <form className="card sign-in-card" onSubmit={submit}>
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">
            ◢
          </span>
          <span>Sillage</span>
        </div>
        <h1>{t("signIn.title")}</h1>
        <p className="muted">{t("signIn.intro")}</p>
        <label htmlFor="api-key">{t("signIn.key")}</label>
        <input
          id="api-key"
          name="api-key"
          type="password"
          autoComplete="off"
          spellCheck={false}
          required
          pattern="\s*slg_[0-9a-f]{40}\s*"
          placeholder="slg_…"
          value={key}
          onChange={(e) => setKey(e.target.value)}
          aria-describedby={error ? "sign-in-error" : undefined}
        />
        {error ? (
          <p id="sign-in-error" className="note note-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? t("signIn.pending") : t("signIn.submit")}
        </button>
        <p className="muted small">{t("signIn.where")}</p>
        <button type="button" className="btn btn-ghost btn-small" onClick={() => setLang(lang === "fr" ? "en" : "fr")} lang={lang === "fr" ? "en" : "fr"}>
          {t("app.lang")}
        </button>
      </form>
    </main>
  );
}
