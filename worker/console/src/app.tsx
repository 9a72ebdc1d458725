import { useCallback, useEffect, useMemo, useState } from "react";
import type { ConsoleSession } from "@sillage/shared/console-api";
import { api, errorText, isSignedOut } from "./api";
import { I18nProvider, useI18n, type MessageKey } from "./i18n";
import { Link, navigate, useRoute } from "./router";
import { SessionContext, type SessionState } from "./session";
import { SignIn } from "./pages/sign-in";
import { Dashboard } from "./pages/dashboard";
import { Leads } from "./pages/leads";
import { LeadPage } from "./pages/lead";
import { Sites } from "./pages/sites";
import { Scoring } from "./pages/scoring";
import { CrmPage } from "./pages/crm";
import { Delivery } from "./pages/delivery";
import { Access } from "./pages/access";

export function App() {
  return (
    <I18nProvider>
      <Console />
    </I18nProvider>
  );
}

type Boot = { state: "loading" } | { state: "signedOut" } | { state: "signedIn"; session: ConsoleSession } | { state: "error"; error: unknown };

function Console() {
  const { t } = useI18n();
  const [boot, setBoot] = useState<Boot>({ state: "loading" });
  const load = useCallback(async () => {
    try {
      setBoot({ state: "signedIn", session: await api.session() });
    } catch (error) {
      setBoot(isSignedOut(error) ? { state: "signedOut" } : { state: "error", error });
    }
  }, []);
  useEffect(() => void load(), [load]);

  if (boot.state === "loading") return <p className="boot muted">{t("app.loading")}</p>;
  if (boot.state === "error")
    return (
      <div className="boot note note-error" role="alert">
        {errorText(boot.error, t("app.unreachable"))}{" "}
        <button type="button" className="btn btn-small" onClick={() => void load()}>
          {t("common.retry")}
        </button>
      </div>
    );
  if (boot.state === "signedOut") return <SignIn onSignedIn={(session) => setBoot({ state: "signedIn", session })} />;
  return <Shell session={boot.session} onSignedOut={() => setBoot({ state: "signedOut" })} />;
}

const NAV: Array<{ to: string; key: MessageKey; admin?: boolean }> = [
  { to: "/", key: "nav.dashboard" },
  { to: "/leads", key: "nav.leads" },
  { to: "/sites", key: "nav.sites" },
  { to: "/scoring", key: "nav.scoring" },
  { to: "/delivery", key: "nav.delivery", admin: true },
  { to: "/crm", key: "nav.crm", admin: true },
  { to: "/access", key: "nav.access", admin: true },
];

function Page({ path }: { path: string }) {
  const lead = /^\/leads\/([^/]+)$/.exec(path);
  if (lead) return <LeadPage id={decodeURIComponent(lead[1]!)} />;
  switch (path) {
    case "/leads":
      return <Leads />;
    case "/sites":
      return <Sites />;
    case "/scoring":
      return <Scoring />;
    case "/delivery":
      return <Delivery />;
    case "/crm":
      return <CrmPage />;
    case "/access":
      return <Access />;
    default:
      return <Dashboard />;
  }
}

function Shell({ session, onSignedOut }: { session: ConsoleSession; onSignedOut: () => void }) {
  const { t, lang, setLang } = useI18n();
  const route = useRoute();
  const state = useMemo<SessionState>(() => ({ session, isAdmin: session.role === "admin", expire: onSignedOut }), [session, onSignedOut]);
  const section = "/" + (route.path.split("/")[1] ?? "");

  // After a page change, move focus to its title so keyboard and screen-reader users land on the new content.
  useEffect(() => {
    document.getElementById("page-title")?.focus({ preventScroll: true });
  }, [route.path]);

  const signOut = async () => {
    try {
      await api.signOut();
    } finally {
      onSignedOut();
      navigate("/", { replace: true });
    }
  };

  return (
    <SessionContext.Provider value={state}>
      <a className="skip" href="#main">
        {t("app.skip")}
      </a>
      <div className="layout">
        <aside className="sidebar">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true">
              ◢
            </span>
            <span>Sillage</span>
            <span className="workspace" title={session.workspace.name}>
              {session.workspace.name}
            </span>
          </div>
          <nav aria-label={t("nav.label")}>
            <ul>
              {NAV.filter((n) => !n.admin || state.isAdmin).map((n) => (
                <li key={n.to}>
                  <Link to={n.to} aria-current={section === n.to ? "page" : undefined}>
                    {t(n.key)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="sidebar-foot">
            <span className="who">
              {t("nav.signedInAs", { name: session.member?.name ?? session.key.name, role: t(session.role === "admin" ? "role.admin" : "role.member") })}
            </span>
            <button
              type="button"
              className="btn btn-ghost btn-small"
              onClick={() => setLang(lang === "fr" ? "en" : "fr")}
              aria-label={t("app.langLabel")}
              lang={lang === "fr" ? "en" : "fr"}
            >
              {t("app.lang")}
            </button>
            <button type="button" className="btn btn-ghost btn-small" onClick={() => void signOut()}>
              {t("nav.signOut")}
            </button>
          </div>
        </aside>
        <main id="main" className="main">
          <Page path={route.path} />
        </main>
      </div>
    </SessionContext.Provider>
  );
}
